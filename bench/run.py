"""Run every checkin benchmark and print one table of ratios against baselines of the same run.

    python bench/run.py                 # 1, 5, 10 and 20 years of history
    python bench/run.py --quick         # 1 and 5 years only, fewer runs
    python bench/run.py --years 1,20 --only commands,done
    python bench/run.py --cache DIR     # keep the generated histories in DIR and reuse them
    python bench/run.py --no-compile    # commands without checkin's bytecode (a bare checkout)

Every figure is the median of several runs. See docs/PERFORMANCE.md for what each row
measures, its baseline and target.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if __package__ in (None, ""):
    sys.path.insert(0, str(REPO))

NOW = "2026-11-23T09:00:00"  # the generator's "today": overdue counts are reproducible
os.environ["CHECKIN_NOW"] = NOW

from bench import generate  # noqa: E402


@dataclass
class Row:
    name: str
    value: float  # seconds (KiB where unit is "MiB")
    baseline: float | None  # the same unit
    baseline_name: str
    target: str = ""
    ok: bool | None = None
    note: str = ""
    unit: str = "s"

    @property
    def ratio(self) -> float | None:
        return None if not self.baseline else self.value / self.baseline


def median_time(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def env() -> dict[str, str]:
    e = dict(os.environ, CHECKIN_NOW=NOW, PYTHONPATH=str(REPO))
    e.pop("CHECKIN_DATA", None)
    return e


def run_quiet(cmd: list[str], **kw: object) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO, env=env(),
                            stdin=subprocess.DEVNULL, **kw)
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {result.stderr.strip()}")
    return result


# ---------------------------------------------------------------- 1. generator
def floor_write_all(root: Path) -> float:
    """Every final data file written once, atomically with fsync: the least any writer does."""
    from checkin.store.atomic import atomic_write

    files = [root / "register.json", *sorted((root / "meetings").glob("*.json")),
             *sorted((root / "archive").glob("*.json"))]
    blobs = [(p.name, p.read_bytes()) for p in files]
    with tempfile.TemporaryDirectory() as tmp:
        t0 = time.perf_counter()
        for name, data in blobs:
            atomic_write(Path(tmp) / name, data)
        return time.perf_counter() - t0


def histories(years: list[int], cache: Path, runs: int) -> tuple[dict[int, Path], list[Row]]:
    dirs, rows, per_meeting = {}, [], {}
    for n in years:
        root = cache / f"years-{n}"
        if (root / "register.json").exists():
            dirs[n] = root
            print(f"  reusing {root}", file=sys.stderr)
            continue
        times = []
        reps = runs if n == 1 else 1  # the longer histories are measured once
        for rep in range(reps):
            target = root if rep == reps - 1 else cache / f"scratch-{n}-{rep}"
            shutil.rmtree(target, ignore_errors=True)
            g = generate.generate(target, n)
            times.append(g.seed_seconds + g.top_up_seconds)
            if target != root:
                shutil.rmtree(target)
        dirs[n] = root
        took = statistics.median(times)
        per_meeting[n] = took / (52 * n)
        rows.append(Row(f"generate {n} year(s): {g.meetings} meetings, {g.actions} items",
                        took, floor_write_all(root), "each final file written once",
                        note=f"{per_meeting[n] * 1000:.1f} ms/meeting"))
    if 1 in per_meeting:
        for n in (5, 10, 20):
            if n in per_meeting:
                rows.append(Row(f"generate: cost per meeting, {n} years vs 1 year",
                                per_meeting[n], per_meeting[1], "1 year",
                                target="<= 1.3x", ok=per_meeting[n] / per_meeting[1] <= 1.3))
    return dirs, rows


# ---------------------------------------------------------------- 2. read-only commands
def taskwarrior_dir(data: Path, tmp: Path) -> dict[str, str] | None:
    """A throwaway TASKDATA holding the same full history (completed items too)."""
    if shutil.which("task") is None:
        print("  taskwarrior missing: apt-get install -y taskwarrior", file=sys.stderr)
        subprocess.run(["apt-get", "install", "-y", "-q", "taskwarrior"],
                       capture_output=True, check=False)
    if shutil.which("task") is None:
        return None
    rc = tmp / "taskrc"
    rc.write_text(f"data.location={tmp / 'taskdata'}\nconfirmation=off\nnews.version=99\n")
    task_env = dict(os.environ, TASKRC=str(rc), TASKDATA=str(tmp / "taskdata"))
    items = run_quiet([sys.executable, "-m", "checkin", "--data", str(data), "actions",
                       "--status", "all", "--format", "taskwarrior"]).stdout
    (tmp / "all.json").write_text(items)
    subprocess.run(["task", "import", str(tmp / "all.json")], env=task_env,
                   capture_output=True, check=True)
    return task_env


def process(cmd: list[str], **kw: object) -> Callable[[], object]:
    return lambda: run_quiet(cmd, **kw)


def checkin_command() -> list[str]:
    """What a user runs: the ``checkin`` script pip installed beside this Python (it
    imports ``checkin.cli`` directly; ``python -m checkin`` adds runpy, ~3 ms), else
    ``python -m checkin``."""
    script = Path(sys.executable).with_name("checkin")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "checkin"]


def bytecode(compiled: bool) -> str:
    """Make the package's bytecode what the figures are for, and say which.

    ``pip install`` writes every module's ``.pyc``, so an installed checkin never
    compiles its source at start; a checkout run with PYTHONDONTWRITEBYTECODE=1 (this
    machine's environment) compiles every module it imports in every process (~0.5-1 ms
    each; `export last` 160 -> 93 ms with the bytecode cached, in one earlier run).
    ``compiled``: compile the package now, as pip does; else remove its ``__pycache__``
    folders (ignored by git), to measure a bare checkout.
    """
    package = REPO / "checkin"
    if compiled:
        import compileall

        compileall.compile_dir(str(package), quiet=1)
        return "bytecode compiled, as pip install does"
    for cache in package.rglob("__pycache__"):
        shutil.rmtree(cache, ignore_errors=True)
    return "no bytecode (a checkout under PYTHONDONTWRITEBYTECODE=1)"


COMMANDS = {"actions --overdue": ["actions", "--overdue"], "meetings": ["meetings"],
            "export last": ["export", "last"]}
TARGETS = {"actions --overdue": (3.0, 1.1), "meetings": (5.0, 1.2), "export last": (5.0, 1.2)}


def bench_commands(dirs: dict[int, Path], runs: int, compiled: bool = True) -> list[Row]:
    """Each read-only command as a whole process, paired with `python -c pass` (and, for
    `actions --overdue`, taskwarrior's `task +OVERDUE list` on the same full history)."""
    rows: list[Row] = []
    how = bytecode(compiled)
    checkin = checkin_command()
    with tempfile.TemporaryDirectory() as tmp:
        fns: dict[str, Callable[[], object]] = {
            "python": process([sys.executable, "-c", "pass"])}
        for n, root in sorted(dirs.items()):
            tw = Path(tmp) / f"tw-{n}"
            tw.mkdir()
            task_env = taskwarrior_dir(root, tw)
            if task_env is not None:
                fns[f"task {n}"] = lambda e=task_env: subprocess.run(
                    ["task", "+OVERDUE", "list"], env=e, capture_output=True, check=False)
            for name, args in COMMANDS.items():
                fns[f"{name} {n}"] = process([*checkin, "--data", str(root), *args])
        med = paired(fns, runs)
    py = med["python"]
    rows.append(Row("`python -c pass` (interpreter start)", py, None, "",
                    note=f"checkin run as `{Path(checkin[-1]).name}`; {how}"))
    first = min(dirs)
    for name in COMMANDS:
        limit, flat = TARGETS[name]
        for n in sorted(dirs):
            took = med[f"{name} {n}"]
            rows.append(Row(f"`checkin {name}`, {n} years", took, py, "`python -c pass`",
                            target=f"<= {limit:g}x", ok=took <= limit * py))
            if name == "actions --overdue" and f"task {n}" in med:
                rows.append(Row(f"`checkin {name}`, {n} years vs taskwarrior", took,
                                med[f"task {n}"], "`task +OVERDUE list`, full history",
                                target="<= 0.9x", ok=took <= 0.9 * med[f"task {n}"]))
        last = max(dirs)
        if last != first:
            rows.append(Row(f"`checkin {name}`, {last} years vs {first}", med[f"{name} {last}"],
                            med[f"{name} {first}"], f"{first} year(s)", target=f"<= {flat:g}x",
                            ok=med[f"{name} {last}"] <= flat * med[f"{name} {first}"]))
    return rows


# ---------------------------------------------------------------- 2b. trends, marking done
def bench_trends(dirs: dict[int, Path], runs: int) -> list[Row]:
    """`agenda_trends` in-process against json-loading the files it reads: the register,
    the meeting index, the archive years, their facts caches (``store.facts``) and the
    latest meeting (for its agenda). A second, stricter baseline json-loads only what it
    parses and just reads the archive years' bytes (trends checks them against their
    caches)."""
    import orjson

    from checkin.services.trends import agenda_trends
    from checkin.store import Store

    def load(files: list[Path]) -> None:
        for f in files:
            for line in f.read_bytes().splitlines():
                orjson.loads(line)

    rows = []
    for n, root in sorted(dirs.items()):
        def trends(root: Path = root) -> None:
            with Store(root, readonly=True) as store:
                agenda_trends(store, "weekly")

        trends()  # builds the caches, as the first `checkin trends` after a meeting does
        with Store(root, readonly=True) as store:
            latest = [s for s in store.meetings("weekly") if s.status == "ended"][0].id
        parsed = [root / "register.json", root / "meetings" / f"{latest}.json",
                  *sorted((root / "cache").glob("*.json"))]
        if (root / "index.json").exists():  # the meeting index, in its own file since schema 3
            parsed.append(root / "index.json")
        archives = sorted((root / "archive").glob("*.json"))

        def strict(parsed: list[Path] = parsed, archives: list[Path] = archives) -> None:
            load(parsed)
            for f in archives:
                f.read_bytes()

        med = paired({"trends": trends, "load": lambda f=parsed + archives: load(f),
                      "strict": strict}, runs)
        rows.append(Row(f"trends weekly, {n} years (in-process)", med["trends"], med["load"],
                        "json-load the files it reads", target="<= 2x",
                        ok=med["trends"] <= 2 * med["load"]))
        rows.append(Row(f"trends weekly, {n} years, stricter", med["trends"], med["strict"],
                        "json-load what it parses, read the archives' bytes", target="<= 2x",
                        ok=med["trends"] <= 2 * med["strict"]))
    return rows


def bench_mark_done(dirs: dict[int, Path], runs: int) -> list[Row]:
    """Marking one item done in a live meeting against a crash-safe write of the register
    (the one file it changes: the item stays there until the meeting ends)."""
    from checkin import clock
    from checkin.services.meetings import start_or_resume
    from checkin.store import Store
    from checkin.store.atomic import atomic_write

    agenda = generate.weekly_agenda()
    fns: dict[str, Callable[[], object]] = {}
    stores = []
    with tempfile.TemporaryDirectory() as tmp:
        try:
            for n, root in sorted(dirs.items()):
                copy = Path(tmp) / f"data-{n}"
                shutil.copytree(root, copy)
                store = Store(copy).open()
                stores.append(store)
                meeting = start_or_resume(store, agenda, now=clock.now())
                item = store.actions("open")[0]
                flip = iter(range(10**7))

                def mark(store: Store = store, item=item, m=meeting, flip=flip) -> None:  # noqa: ANN001
                    if next(flip) % 2:
                        item.reopen(clock.today(), m.id)
                    else:
                        item.mark_done(clock.today(), m.id)
                    store.save_action(item)

                blob = store.register_path.read_bytes()
                fns[f"done {n}"] = mark
                fns[f"floor {n}"] = lambda p=Path(tmp) / f"reg-{n}", b=blob: atomic_write(p, b)
            med = paired(fns, runs)
        finally:
            for store in stores:
                store.close()
    rows = []
    first, last = min(dirs), max(dirs)
    for n in sorted(dirs):
        rows.append(Row(f"mark an item done in a live meeting, {n} years", med[f"done {n}"],
                        med[f"floor {n}"], "crash-safe write of the register",
                        target="<= 3x", ok=med[f"done {n}"] <= 3 * med[f"floor {n}"]))
    if last != first:
        rows.append(Row(f"mark done, {last} years vs {first}", med[f"done {last}"],
                        med[f"done {first}"], f"{first} year(s)", target="flat (<= 1.2x)",
                        ok=med[f"done {last}"] <= 1.2 * med[f"done {first}"]))
    return rows


# ---------------------------------------------------------------- 3. app start
def bench_app_start(dirs: dict[int, Path], runs: int) -> list[Row]:
    script = str(REPO / "bench" / "app_start.py")

    peaks: dict[str, list[int]] = {}

    def start(name: str, *args: str) -> float:
        t0 = time.perf_counter()
        proc = subprocess.Popen([sys.executable, script, *args], stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True, cwd=REPO, env=env())
        line = proc.stdout.readline()
        took = time.perf_counter() - t0
        _, err = proc.communicate(timeout=60)
        if line.split()[:1] != ["ready"]:
            raise RuntimeError(f"app_start {args} did not get ready: {err[-2000:]}")
        peaks.setdefault(name, []).append(int(line.split()[1]))
        return took

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        fns: dict[str, Callable[[], object]] = {
            "bare": lambda: start("bare", "bare"),
            "bare frame": lambda: start("bare frame", "--frame", "bare")}
        for n in (min(dirs), max(dirs)):
            copy = Path(tmp) / f"data-{n}"
            shutil.copytree(dirs[n], copy)
            fns[f"app {n}"] = lambda c=copy, n=n: start(f"app {n}", "checkin", str(c))
            fns[f"app {n} frame"] = lambda c=copy, n=n: start(f"app {n} frame", "--frame",
                                                            "checkin", str(c))
        times: dict[str, list[float]] = {k: [] for k in fns}
        for _ in range(runs):
            for k, fn in fns.items():
                times[k].append(fn())
        med = {k: statistics.median(v) for k, v in times.items()}
    bare = med["bare"]
    for n in (min(dirs), max(dirs)):
        rows.append(Row(f"app start to Home, {n} years (headless process)", med[f"app {n}"],
                        bare, "bare Textual app, one Static", target="<= 1.3x",
                        ok=med[f"app {n}"] <= 1.3 * bare))
    if max(dirs) != min(dirs):
        lo, hi = med[f"app {min(dirs)}"], med[f"app {max(dirs)}"]
        rows.append(Row(f"app start, {max(dirs)} years vs {min(dirs)}", hi, lo,
                        f"{min(dirs)} year(s)", target="<= 1.1x", ok=hi <= 1.1 * lo))
    for n in (min(dirs), max(dirs)):  # what a person sees (app_start.py --frame)
        took = med[f"app {n} frame"]
        rows.append(Row(f"app start to Home drawn with its lists, {n} years (no pilot)",
                        took, med["bare frame"], "bare app's first frame", target="<= 1.3x",
                        ok=took <= 1.3 * med["bare frame"]))
    peak = {k: statistics.median(v) for k, v in peaks.items()}
    if peak["bare"]:  # ru_maxrss is known (not on Windows)
        for n in (min(dirs), max(dirs)):
            rows.append(Row(f"peak memory at Home, {n} years", peak[f"app {n}"], peak["bare"],
                            "bare Textual app, one Static", target="<= 1.5x",
                            ok=peak[f"app {n}"] <= 1.5 * peak["bare"], unit="MiB"))
        if max(dirs) != min(dirs):
            lo, hi = peak[f"app {min(dirs)}"], peak[f"app {max(dirs)}"]
            rows.append(Row(f"peak memory, {max(dirs)} years vs {min(dirs)}", hi, lo,
                            f"{min(dirs)} year(s)", target="flat (<= 1.1x)",
                            ok=hi <= 1.1 * lo, unit="MiB"))
    return rows


# ---------------------------------------------------------------- 3b. keys to screen
def bench_keys(dirs: dict[int, Path], keys: int) -> list[Row]:
    """bench/keys.py on the longest history: each place's p95 key-to-screen time against
    the 33 ms target, next to a bare Textual app's (the floor, same keys)."""
    import re

    n = max(dirs)
    result = subprocess.run([sys.executable, str(REPO / "bench" / "keys.py"), str(dirs[n]),
                             "--keys", str(keys)], capture_output=True, text=True, cwd=REPO,
                            env=env(), stdin=subprocess.DEVNULL, timeout=1800)
    if result.returncode not in (0, 1):  # 1: a place missed the target, still reported
        raise RuntimeError(f"bench/keys.py failed: {result.stderr.strip()[-500:]}")
    out = result.stdout
    found = re.findall(r"^(.+?)\s+p50\s+([\d.]+)\s+p95\s+([\d.]+)\s+max\s+([\d.]+) ms.*?"
                       r"\(\d+ keys, ([\d.]+) Stylesheet", out, re.MULTILINE)
    p95 = {place.strip(): float(p) / 1000 for place, _, p, _, _ in found}
    floor = p95.get("bare TextArea: typing")
    rows = []
    for place, p50, p, top, applies in found:
        if place.startswith("bare"):
            continue
        took = float(p) / 1000
        rows.append(Row(f"key to screen, {place.strip()}, {n} years (p95)", took, floor,
                        "bare Textual app, TextArea (p95)", target="<= 33 ms",
                        ok=took <= 0.033,
                        note=f"p50 {p50} ms, max {top} ms, {applies} Stylesheet.apply/key"))
    return rows


# ---------------------------------------------------------------- 4. autosave
def paired(fns: dict[str, Callable[[], object]], runs: int) -> dict[str, float]:
    """Median time of each function, calls interleaved so disk noise hits all alike."""
    times: dict[str, list[float]] = {k: [] for k in fns}
    for _ in range(runs):
        for name, fn in fns.items():
            t0 = time.perf_counter()
            fn()
            times[name].append(time.perf_counter() - t0)
    return {k: statistics.median(v) for k, v in times.items()}


def bench_autosave(dirs: dict[int, Path], runs: int) -> list[Row]:
    from checkin import clock
    from checkin.services.meetings import start_or_resume
    from checkin.store import Store
    from checkin.store.lines import parse_lines
    from checkin.tui.session import MeetingSession

    agenda = generate.weekly_agenda()
    fns: dict[str, Callable[[], object]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        stores = []
        try:
            for n, root in sorted(dirs.items()):
                copy = Path(tmp) / f"data-{n}"
                shutil.copytree(root, copy)
                store = Store(copy).open()
                stores.append(store)
                session = MeetingSession(store, start_or_resume(store, agenda, now=clock.now()),
                                         today=clock.today())
                fns[f"note {n}"], fns[f"reading {n}"] = typing_steps(session)
                raw = store.meeting_path(session.meeting.id).read_bytes()
                doc = parse_lines(raw)["meeting"][session.meeting.id]
                fns[f"floor {n}"] = floor_step(Path(tmp) / f"floor-{n}.json", doc)
            med = paired(fns, runs)
        finally:
            for store in stores:
                store.close()
    rows = []
    for n in sorted(dirs):
        note, reading, base = med[f"note {n}"], med[f"reading {n}"], med[f"floor {n}"]
        rows.append(Row(f"autosave while typing notes, {n} years", note, base,
                        "serialise+write+fsync that meeting's JSON", target="<= 3x",
                        ok=note <= 3 * base))
        rows.append(Row(f"autosave of a metric reading, {n} years", reading, base,
                        "serialise+write+fsync that meeting's JSON", target="<= 3x",
                        ok=reading <= 3 * base))
    for n in sorted(dirs):
        if n != 1 and 1 in dirs:
            rows.append(Row(f"autosave flatness: {n} years vs 1 year", med[f"note {n}"],
                            med["note 1"], "1 year", target="<= 1.2x",
                            ok=med[f"note {n}"] <= 1.2 * med["note 1"]))
    return rows


def typing_steps(session) -> tuple[Callable[[], None], Callable[[], None]]:  # noqa: ANN001
    m, counter = session.meeting, iter(range(10**7))

    def type_note() -> None:
        m.notes += f" word{next(counter)}"
        session.changed()
        session.flush()

    def type_reading() -> None:
        m.readings[0].value = float(next(counter))
        session.changed()
        session.flush()

    return type_note, type_reading


def floor_step(path: Path, doc: dict) -> Callable[[], None]:
    import orjson

    def floor() -> None:
        data = orjson.dumps(doc)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            os.write(fd, data)
            os.fsync(fd)
        finally:
            os.close(fd)

    return floor


# ---------------------------------------------------------------- 5. minutes export
def bench_export(runs: int) -> list[Row]:
    from bench.large_meeting import build
    from checkin.render.html import export_meeting

    meeting, actions, history = build()
    export_meeting(meeting, actions=actions, history=history, fmt="html")  # imports
    rows = []
    for fmt in ("md", "html"):
        took = median_time(lambda fmt=fmt: export_meeting(
            meeting, actions=actions, history=history, fmt=fmt), runs)
        rows.append(Row(f"minutes export ({fmt}), 10 depts/30 metrics/40 items", took, 0.050,
                        "the 50 ms target", target="< 1.0x", ok=took < 0.050))
    return rows


# ---------------------------------------------------------------- table
def fmt_seconds(s: float | None, unit: str = "s") -> str:
    if s is None:
        return "—"
    if unit == "MiB":  # given in KiB
        return f"{s / 1024:.1f} MiB"
    return f"{s * 1000:.1f} ms" if s < 10 else f"{s:.1f} s"


def table(rows: list[Row]) -> str:
    head = ("Benchmark", "Median", "Baseline", "Baseline median", "Ratio", "Target", "OK",
            "Note")
    body = [(r.name, fmt_seconds(r.value, r.unit), r.baseline_name or "—",
             fmt_seconds(r.baseline, r.unit),
             "—" if r.ratio is None else f"{r.ratio:.2f}x", r.target or "—",
             {True: "yes", False: "NO", None: ""}[r.ok], r.note) for r in rows]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    lines += ["| " + " | ".join(cells) + " |" for cells in body]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="1 and 5 years, fewer runs")
    parser.add_argument("--runs", type=int, help="runs per figure (default 7, quick 3)")
    parser.add_argument("--cache", type=Path, help="keep/reuse generated histories here")
    parser.add_argument("--only",
                        help="comma list: generate,commands,trends,done,app,keys,autosave,"
                        "export")
    parser.add_argument("--years", help="comma list of history lengths (default 1,5,10,20)")
    parser.add_argument("--no-compile", action="store_true",
                        help="commands without the package's bytecode (a bare checkout)")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    years = [int(y) for y in (args.years or ("1,5" if args.quick else "1,5,10,20")).split(",")]
    only = set((args.only or "generate,commands,trends,done,app,keys,autosave,export")
               .split(","))
    cache = args.cache or Path(tempfile.mkdtemp(prefix="checkin-bench-"))
    cache.mkdir(parents=True, exist_ok=True)
    rows: list[Row] = []
    try:
        print(f"generating histories in {cache} ...", file=sys.stderr)
        dirs, gen_rows = histories(years, cache, runs)
        if "generate" in only:
            rows += gen_rows
        steps = [("commands", lambda: bench_commands(dirs, runs, not args.no_compile)),
                 ("trends", lambda: bench_trends(dirs, runs)),
                 ("done", lambda: bench_mark_done(dirs, max(runs * 4, 15))),
                 ("app", lambda: bench_app_start(dirs, runs)),
                 ("keys", lambda: bench_keys(dirs, 200 if runs >= 7 else 50)),
                 ("autosave", lambda: bench_autosave(dirs, max(runs * 8, 25))),
                 ("export", lambda: bench_export(max(runs, 20)))]
        for name, step in steps:
            if name in only:
                print(f"{name} ...", file=sys.stderr)
                try:
                    rows += step()
                except (RuntimeError, ImportError, OSError) as exc:
                    rows.append(Row(f"{name}: FAILED", 0, None, "", note=str(exc)[:200]))
    finally:
        if args.cache is None:
            shutil.rmtree(cache, ignore_errors=True)
    print(table(rows))
    return 0 if all(r.ok is not False for r in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
