"""Checks shared by browser tests."""

from __future__ import annotations

from playwright.sync_api import Page

from tests.support.sitebuild import REPO

#: axe-core, installed from the npm registry by ``scripts/setup.sh --test``.
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def serious_violations(page: Page) -> list[str]:
    """Run axe-core in ``page``; describe each serious or critical accessibility violation."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document)")
    return [
        f"{v['id']} ({v['impact']}): {v['help']} — {len(v['nodes'])} nodes"
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]
