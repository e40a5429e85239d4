"""Typed text in the app is text, never Textual markup, and never a control sequence: an
agenda whose prompts, titles, names and metric hold ``[link=...]``, ``[/]``, ``[bold`` and an
escape sequence opens, walks every section and every between-meetings screen without a
crash, also when resumed after the file was fixed (the meeting kept its copy)."""

from __future__ import annotations

import re
from datetime import timedelta
from pathlib import Path

from checkin import locations
from checkin.services.meetings import new_action
from checkin.store import Store
from checkin.tui.app import make_app
from checkin.tui.screens.meeting import MeetingScreen

from .test_bad_input import TODAY

MARKUP = "[link=https://evil.invalid]x[/link] [/] [bold [@click=app.quit]q[/]"
ESC_TOML = "\\u001b]0;pwned\\u0007\\u001b[2J\\u202e"
HOSTILE = f"{MARKUP} {ESC_TOML}"


def hostile_agenda(data: Path) -> None:
    text = (locations.bundled_agendas_dir() / "weekly.toml").read_text()
    text = re.sub(r'^prompt = "(.*)"$', lambda m: f'prompt = "{HOSTILE} {m.group(1)}"', text,
                  flags=re.M)
    text = re.sub(r'^(title|representative|unit) = "(.*)"$',
                  lambda m: f'{m.group(1)} = "{m.group(2)} {MARKUP}"', text, flags=re.M)
    text = text.replace('name = "Marketing-qualified leads"', f'name = "MQL {MARKUP}"')
    (data / "agendas").mkdir(parents=True, exist_ok=True)
    (data / "agendas" / "weekly.toml").write_text(text)


def screen_text(app: object) -> str:
    return "\n".join(str(w.render()) for w in app.screen.query("Label, Static"))  # type: ignore[attr-defined]


async def walk(data: Path) -> str:
    app = make_app(data, agenda="weekly", start=True, facilitator=f"Fac {MARKUP}")
    seen = []
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, MeetingScreen)
        for _ in range(len(app.screen.session.meeting.agenda.sections)):
            seen.append(screen_text(app))
            await pilot.press("pagedown")
            await pilot.pause()
        for key in ("ctrl+g", "escape", "ctrl+y", "escape"):
            await pilot.press(key)
            await pilot.pause()
            seen.append(screen_text(app))
        app.notify(f"note {MARKUP}")
        await pilot.pause()
        await pilot.press("ctrl+q")
    app.flush()
    app.store.close()
    return "\n".join(seen)


async def test_markup_in_agenda_and_names_never_crashes(data_dir: Path) -> None:
    hostile_agenda(data_dir)
    with Store(data_dir) as store:
        new_action(store, title=f"Title {MARKUP}\x1b]0;pwned\x07", owner=f"Own {MARKUP}",
                   due=TODAY + timedelta(days=2), today=TODAY, agenda_id="weekly")
    shown = await walk(data_dir)
    assert "[link=https://evil.invalid]x[/link]" in shown  # shown as typed
    assert "\x1b" not in shown and "\\u001b" in shown  # escapes visible, not sent
    # the file is fixed; the in-progress meeting kept its copy and still opens
    (data_dir / "agendas" / "weekly.toml").unlink()
    shown = await walk(data_dir)
    assert "[/]" in shown and "\x1b" not in shown
