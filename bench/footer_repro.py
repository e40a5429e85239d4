"""Minimal reproduction: what Textual's Footer costs at start-up, with no checkin code.

    python bench/footer_repro.py            # both variants, 5 runs each, medians
    python bench/footer_repro.py --once plain|footer|footer-focus

Each variant is a bare ``App`` with 12 bindings and one ``Static``; ``footer`` also
yields a ``Footer``. The script counts ``DOMNode.set_class`` and ``Stylesheet.apply``
calls until the first screen is up (headless, ``auto_pilot`` after ``pilot.pause()``)
and times the whole process. See docs/FOOTER.md for the findings and a drafted upstream
report.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time


def run_once(variant: str) -> None:
    from textual.app import App, ComposeResult
    from textual.binding import Binding
    from textual.css.stylesheet import Stylesheet
    from textual.dom import DOMNode
    from textual.widgets import Footer, Input, Static

    counts = {"set_class": 0, "apply": 0}
    set_class, apply = DOMNode.set_class, Stylesheet.apply

    def counting_set_class(self, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        counts["set_class"] += 1
        return set_class(self, *a, **k)

    def counting_apply(self, *a, **k):  # noqa: ANN001, ANN002, ANN003, ANN202
        counts["apply"] += 1
        return apply(self, *a, **k)

    DOMNode.set_class = counting_set_class  # type: ignore[method-assign]
    Stylesheet.apply = counting_apply  # type: ignore[method-assign]

    class Demo(App[None]):
        BINDINGS = [Binding(k, "bell", f"Key {k}") for k in "abcdefghijkl"]

        def compose(self) -> ComposeResult:
            yield Static("Hello")
            for n in range(3):
                yield Input(id=f"in{n}")
            if variant != "plain":
                yield Footer()

        def on_mount(self) -> None:
            if variant == "footer-focus":  # three focus moves before the first paint
                for n in range(3):
                    self.query_one(f"#in{n}").focus()

    async def autopilot(pilot) -> None:  # noqa: ANN001
        await pilot.pause()
        print(f"ready set_class={counts['set_class']} apply={counts['apply']}", flush=True)
        pilot.app.exit()

    Demo().run(headless=True, auto_pilot=autopilot, size=(100, 30))


def main(argv: list[str]) -> int:
    if argv[:1] == ["--once"]:
        run_once(argv[1])
        return 0
    results: dict[str, list[float]] = {"plain": [], "footer": [], "footer-focus": []}
    last = {}
    for _ in range(5):
        for variant in results:
            t0 = time.perf_counter()
            out = subprocess.run([sys.executable, __file__, "--once", variant],
                                 capture_output=True, text=True, check=True).stdout
            results[variant].append(time.perf_counter() - t0)
            last[variant] = out.strip().splitlines()[-1]
    for variant, times in results.items():
        print(f"{variant:12} {statistics.median(times) * 1000:6.0f} ms  {last[variant]}")
    ratio = statistics.median(results["footer"]) / statistics.median(results["plain"])
    print(f"footer / plain: {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
