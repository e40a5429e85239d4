"""Three-way merge of documents by id, field by field."""

from __future__ import annotations

from checkin.core.merge import describe, merge

BASE = {"actions": {"A1": {"id": "A1", "due": "2026-12-01", "owner": "Dana"},
                    "A2": {"id": "A2", "due": "2026-12-02", "owner": "Sofia"}}}


def test_different_fields_and_documents_merge() -> None:
    ours = {"actions": {"A1": {**BASE["actions"]["A1"], "due": "2026-12-04"},
                        "A2": BASE["actions"]["A2"]}}
    theirs = {"actions": {"A1": {**BASE["actions"]["A1"], "owner": "Priya"},
                          "A2": BASE["actions"]["A2"], "A3": {"id": "A3"}}}
    result = merge(BASE, ours, theirs)
    assert result.conflicts == []
    assert result.tables["actions"]["A1"] == {"id": "A1", "due": "2026-12-04",
                                              "owner": "Priya"}
    assert "A3" in result.tables["actions"]


def test_same_field_both_sides_is_one_named_conflict() -> None:
    ours = {"actions": {**BASE["actions"], "A1": {**BASE["actions"]["A1"], "due": "x"}}}
    theirs = {"actions": {**BASE["actions"], "A1": {**BASE["actions"]["A1"], "due": "y"}}}
    result = merge(BASE, ours, theirs)
    [conflict] = result.conflicts
    assert (conflict.doc_id, conflict.field) == ("A1", "due")
    assert result.tables["actions"]["A1"]["due"] == "x"
    assert "A1" in describe(conflict, "register.json")


def test_deleted_one_side_unchanged_other_is_deleted() -> None:
    ours = {"actions": {"A2": BASE["actions"]["A2"]}}
    result = merge(BASE, ours, BASE)
    assert result.conflicts == [] and list(result.tables["actions"]) == ["A2"]


def test_both_started_the_same_meeting() -> None:
    ours = {"meeting": {"2026-11-30-weekly": {"id": "2026-11-30-weekly", "facilitator": "A"}}}
    theirs = {"meeting": {"2026-11-30-weekly": {"id": "2026-11-30-weekly",
                                                "facilitator": "B"}}}
    [conflict] = merge({}, ours, theirs).conflicts
    assert "both clones started the meeting 2026-11-30-weekly" in describe(conflict, "m.json")
