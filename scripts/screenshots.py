"""Take the README's screenshots of a built site with headless Chromium (Debian's, never a
downloaded one), served over HTTP on a free local port.

    .venv/bin/python build_site.py && .venv/bin/python -m scripts.screenshots [--site site]

Writes ``docs/screenshots/*.png``; look at every one before committing it.
"""

from __future__ import annotations

import argparse
import functools
import http.server
import sys
import threading
from dataclasses import dataclass
from pathlib import Path

from playwright.sync_api import sync_playwright

from tests.browser.chromium import CHROMIUM, CHROMIUM_ARGS

REPO = Path(__file__).resolve().parents[1]

SYRIA_IRAN = "archive/transcripts/2016-10-28-lavrov-syria-iran.html"
BAHRAIN = "archive/transcripts/2021-07-02-lavrov-bahrain.html"


@dataclass(frozen=True)
class Shot:
    """One screenshot: which page, how large, in which colour scheme, and what to do first."""

    name: str
    path: str
    width: int = 1280
    height: int = 800
    scheme: str = "light"
    media: str = "screen"
    click: str = ""
    """A selector to click before the shot (a ¶, to open its cite panel)."""
    scroll_to: str = ""
    """A selector to scroll to the top of the window before the shot."""


SHOTS = (
    Shot("transcript", SYRIA_IRAN),
    Shot("transcript-phone-dark", SYRIA_IRAN, 390, 844, "dark"),
    Shot("cite-panel", BAHRAIN, 1280, 800, "dark", click="#p6 a.permalink", scroll_to="#p6"),
    Shot("print", BAHRAIN, 1280, 900, media="print"),
    Shot("annotation", BAHRAIN, 1280, 900, scroll_to="#p6"),
    Shot("country", "archive/countries/sy.html", 1280, 900),
    Shot("search", "search.html?q=syria&country=IR", 1280, 900),
)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, default=REPO / "site", help="the built site")
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args(argv)
    handler = functools.partial(_Quiet, directory=str(args.site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    root = f"http://127.0.0.1:{server.server_address[1]}/"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            for shot in SHOTS:
                context = browser.new_context(
                    viewport={"width": shot.width, "height": shot.height},
                    color_scheme=shot.scheme,  # type: ignore[arg-type]
                )
                page = context.new_page()
                page.goto(root + shot.path, wait_until="load")
                if shot.media == "print":
                    page.emulate_media(media="print")
                if shot.click:
                    page.locator(shot.click).click()
                if shot.scroll_to:  # one scroll down (scrolling up shows "Back to top")
                    page.evaluate("window.scrollTo(0, 0)")
                    page.locator(shot.scroll_to).evaluate(
                        "e => window.scrollTo(0, e.getBoundingClientRect().top + scrollY - 64)"
                    )
                page.wait_for_timeout(200)
                page.screenshot(path=str(args.out / f"{shot.name}.png"))
                print(f"wrote {args.out / f'{shot.name}.png'}")
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return 0


if __name__ == "__main__":
    sys.exit(main())
