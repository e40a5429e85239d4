"""The archive years' facts cache (``store.facts``): trusted only for the bytes it was
built from, and never the reason a read fails or a byte of data changes."""

from __future__ import annotations

import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import orjson
import pytest

from checkin.errors import StoreError
from checkin.store import Store, facts

NAMES = ("due", "status", "closed_on")


def values(root: Path, agenda_id: str | None = "weekly") -> list[tuple]:
    with Store(root, readonly=True) as store:
        return sorted(store.action_values(NAMES, agenda_id))


def whole(root: Path) -> list[tuple]:
    """The same fields from the items built whole (no cache involved)."""
    with Store(root, readonly=True) as store:
        return sorted((a.due, a.status, a.closed_on) for a in store.actions()
                      if a.agenda_id == "weekly")


def archive_files(root: Path) -> list[Path]:
    return sorted((root / "archive").glob("*.json"))


def test_a_first_read_builds_it_and_a_second_reads_it(demo_dir: Path) -> None:
    assert not (demo_dir / "cache").exists()
    first = values(demo_dir)
    years = [int(p.stem) for p in archive_files(demo_dir)]
    assert years and all(facts.cache_path(demo_dir, y).is_file() for y in years)
    assert (demo_dir / "cache" / ".gitignore").read_text().endswith("*\n")
    stamps = {y: facts.cache_path(demo_dir, y).stat().st_mtime_ns for y in years}
    assert values(demo_dir) == first == whole(demo_dir)
    assert {y: facts.cache_path(demo_dir, y).stat().st_mtime_ns for y in years} == stamps


def test_the_cache_holds_what_a_parse_would_give(demo_dir: Path) -> None:
    values(demo_dir)
    for path in archive_files(demo_dir):
        raw = path.read_bytes()
        cached = facts.load(demo_dir, int(path.stem), raw)
        assert cached is not None
        docs = [orjson.loads(line)[2] for line in raw.splitlines()[1:]]
        assert cached[0] == [d["id"] for d in docs]
        assert [d.isoformat() for d in cached[2]] == [d["due"] for d in docs]
        assert cached[3] == [d["status"] for d in docs]


def test_a_hand_edit_of_the_same_length_is_seen(demo_dir: Path) -> None:
    """Size alone would not tell: the checksum does."""
    values(demo_dir)
    path = archive_files(demo_dir)[-1]
    raw = path.read_bytes()
    doc = orjson.loads(raw.splitlines()[1])[2]
    later = date.fromisoformat(doc["due"]) + timedelta(days=1 if doc["due"][-1] < "8" else -1)
    old, new = f'"due":"{doc["due"]}"'.encode(), f'"due":"{later}"'.encode()
    assert len(new) == len(old) and raw.count(old) == 1
    edited = raw.replace(old, new)
    path.write_bytes(edited)
    with Store(demo_dir, readonly=True) as store:
        assert store.action(doc["id"]).due == later
    assert values(demo_dir) == whole(demo_dir)
    assert any(row[0] == later for row in values(demo_dir))
    assert facts.load(demo_dir, int(path.stem), edited) is not None  # rebuilt for the new bytes


@pytest.mark.parametrize("junk", [
    b"", b"not json", b"[]", b'{"key": 1}',
    b'{"key": null, "columns": [[], [], [], [], []]}',
])
def test_a_damaged_cache_is_a_miss(demo_dir: Path, junk: bytes) -> None:
    expected = values(demo_dir)
    for path in archive_files(demo_dir):
        facts.cache_path(demo_dir, int(path.stem)).write_bytes(junk)
    assert values(demo_dir) == expected == whole(demo_dir)


def test_a_lying_cache_with_the_right_key_but_odd_columns_is_a_miss(demo_dir: Path) -> None:
    expected = values(demo_dir)
    path = archive_files(demo_dir)[-1]
    cache = facts.cache_path(demo_dir, int(path.stem))
    doc = orjson.loads(cache.read_bytes())
    for columns in ([c[:-1] for c in doc["columns"][:2]] + doc["columns"][2:],  # lengths
                    [doc["columns"][0], doc["columns"][1], ["2026-13-45"] * len(
                        doc["columns"][0]), *doc["columns"][3:]]):  # an impossible date
        cache.write_bytes(orjson.dumps({"key": doc["key"], "columns": columns}))
        assert facts.load(demo_dir, int(path.stem), path.read_bytes()) is None
        assert values(demo_dir) == expected


def test_a_damaged_archive_row_still_names_itself(demo_dir: Path) -> None:
    values(demo_dir)  # a cache of the good bytes exists
    path = archive_files(demo_dir)[-1]
    lines = path.read_bytes().splitlines(keepends=True)
    row = orjson.loads(lines[1])
    row[2]["due"] = "2026-02-30"
    lines[1] = orjson.dumps(row) + b"\n"
    path.write_bytes(b"".join(lines))
    cache = facts.cache_path(demo_dir, int(path.stem))
    before = cache.read_bytes()
    with pytest.raises(StoreError, match=rf"{path.name}: action item '{row[1]}'"):
        values(demo_dir, None)
    assert cache.read_bytes() == before  # nothing cached for the damaged bytes


def test_another_agendas_damaged_row_does_not_stop_this_agendas_values(
        demo_dir: Path) -> None:
    """As without a cache: a row is checked when its agenda is read. The year is not
    cached while one of its rows is damaged; every agenda's values still name it."""
    expected = values(demo_dir)
    shutil.rmtree(demo_dir / "cache")
    path = archive_files(demo_dir)[-1]
    lines = path.read_bytes().splitlines(keepends=True)
    row = orjson.loads(lines[1])
    row[2].update(agenda_id="other", due="2026-02-30")
    lines[1] = orjson.dumps(row) + b"\n"
    path.write_bytes(b"".join(lines))
    with Store(demo_dir, readonly=True) as store:
        weekly = sorted(store.action_values(NAMES, "weekly"))
        with pytest.raises(StoreError, match=rf"{path.name}: action item '{row[1]}'"):
            store.action_values(NAMES, "other")
        with pytest.raises(StoreError, match=rf"{path.name}: action item '{row[1]}'"):
            store.action_values(NAMES)
    assert len(weekly) == len(expected) - 1 and set(weekly) <= set(expected)
    assert not facts.cache_path(demo_dir, int(path.stem)).exists()


def test_no_cache_folder_to_be_had_is_no_error(demo_dir: Path) -> None:
    (demo_dir / "cache").write_bytes(b"a file where the folder would go")
    assert values(demo_dir) == whole(demo_dir)
    assert (demo_dir / "cache").read_bytes() == b"a file where the folder would go"


def test_a_symlinked_cache_folder_is_not_followed(demo_dir: Path, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    os.symlink(elsewhere, demo_dir / "cache")
    assert values(demo_dir) == whole(demo_dir)
    assert list(elsewhere.iterdir()) == []


def test_a_symlinked_cache_file_is_not_read(demo_dir: Path, tmp_path: Path) -> None:
    expected = values(demo_dir)
    path = archive_files(demo_dir)[-1]
    cache = facts.cache_path(demo_dir, int(path.stem))
    planted = tmp_path / "planted.json"
    planted.write_bytes(cache.read_bytes())
    cache.unlink()
    os.symlink(planted, cache)
    assert facts.load(demo_dir, int(path.stem), path.read_bytes()) is None
    assert values(demo_dir) == expected


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no fifos here")
def test_a_planted_fifo_or_folder_is_a_miss_not_a_hang(demo_dir: Path) -> None:
    import signal

    class Hung(BaseException):  # not an OSError, which a miss would swallow
        pass

    def hung(*_: object) -> None:
        raise Hung("reading the cache waited on a fifo")

    signal.signal(signal.SIGALRM, hung)
    signal.alarm(20)  # a blocking open would otherwise hang the suite, not fail it
    try:
        check_fifo_and_folder(demo_dir)
    finally:
        signal.alarm(0)


def check_fifo_and_folder(demo_dir: Path) -> None:
    expected = values(demo_dir)
    archive = archive_files(demo_dir)[-1]
    cache = facts.cache_path(demo_dir, int(archive.stem))
    cache.unlink()
    os.mkfifo(cache)
    assert facts.load(demo_dir, int(archive.stem), archive.read_bytes()) is None
    assert values(demo_dir) == expected  # and the fifo replaced by a cache
    assert facts.load(demo_dir, int(archive.stem), archive.read_bytes()) is not None
    cache.unlink()
    cache.mkdir()
    assert facts.load(demo_dir, int(archive.stem), archive.read_bytes()) is None
    assert values(demo_dir) == expected and cache.is_dir()
