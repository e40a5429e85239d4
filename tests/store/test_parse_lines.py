"""Parsing a line-oriented file: the fast pass in C gives what the checked pass gives, and
anything odd is named by line."""

from __future__ import annotations

import orjson
import pytest

from checkin.store.lines import FormatError, parse_lines


def lines(*rows: object) -> bytes:
    return b"".join(orjson.dumps(r) + b"\n" for r in rows)


def test_tables_by_id_in_one_pass() -> None:
    raw = lines(["_meta", "schema", {"version": 3}], ["actions", "A1", {"t": 1}],
                ["actions", "A2", {"t": 2}], ["meetings", "m1", {"d": 1}])
    assert parse_lines(raw) == {"_meta": {"schema": {"version": 3}},
                                "actions": {"A1": {"t": 1}, "A2": {"t": 2}},
                                "meetings": {"m1": {"d": 1}}}
    assert parse_lines(b"") == {}
    assert parse_lines(raw, ["meetings"]) == {"_meta": {"schema": {"version": 3}},
                                              "meetings": {"m1": {"d": 1}}}


@pytest.mark.parametrize("rows, line, says", [
    ([["actions", "A1", {}], ["actions", "A1", {}]], 2, "second time"),
    ([["actions", "A1", {}], ["meetings", "m", {}], ["actions", "A1", {}]], 3, "second time"),
    ([["actions", "A1", {}], ["actions", "A2"]], 2, "expected [table, id, {document}]"),
    ([["actions", 5, {}]], 1, "expected [table, id, {document}]"),
    ([["actions", "A1", []]], 1, "expected [table, id, {document}]"),
    ([{"actions": 1}], 1, "expected [table, id, {document}]"),
])
def test_a_bad_row_is_named_by_its_line(rows: list, line: int, says: str) -> None:
    with pytest.raises(FormatError) as error:
        parse_lines(lines(*rows))
    assert error.value.line == line and says in str(error.value)


@pytest.mark.parametrize("chunk", [1, 7, 64, 1 << 16])
def test_chunks_of_lines_parse_as_the_lines_do(chunk: int,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The fast pass parses PARSE_CHUNK bytes of whole lines a call: any cut gives the
    same tables, and a bad line in a later chunk is still found and named."""
    from checkin.store import lines as module

    monkeypatch.setattr(module, "PARSE_CHUNK", chunk)
    rows = [["_meta", "schema", {"version": 3}]] + [
        ["actions", f"A{n}", {"t": "x" * (n % 13), "n": n}] for n in range(1, 200)]
    raw = lines(*rows)
    assert module._rows(raw) == rows  # the fast pass itself, not the checked one behind it
    assert parse_lines(raw) == {"_meta": {"schema": {"version": 3}},
                                "actions": {r[1]: r[2] for r in rows[1:]}}
    bad = raw.splitlines(keepends=True)
    bad[150] = b'["actions","A150",{"t": oops\n'
    with pytest.raises(FormatError) as error:
        parse_lines(b"".join(bad))
    assert error.value.line == 151
    two = raw.splitlines(keepends=True)
    two[120] = b'["actions","X",{}],["actions","Y",{}]\n'  # two rows on one line
    with pytest.raises(FormatError):
        parse_lines(b"".join(two))
