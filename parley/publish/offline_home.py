"""The home page as it goes into the offline copy.

On the published site the home page links the zip; inside the unpacked zip that file is not
there (the archive cannot hold itself), so the copy's home page says it is the offline copy
instead, and links the published zip when the site's address is known.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

#: The home page, relative to the site folder.
HOME = "index.html"


def offline_home(
    site: Path, site_url: str, paragraph: str, copy_paragraph: Callable[[str], str]
) -> dict[str, bytes]:
    """``{path in the site: bytes for the zip}``: the home page with its download ``paragraph``
    replaced by ``copy_paragraph(site address)`` (both made by the render stage, which this stage
    does not import); nothing when the page or the paragraph is not there (a hand-written home
    page without it is left as written)."""
    try:
        page = (site / HOME).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return {}
    if paragraph not in page:
        return {}
    base = site_url if not site_url or site_url.endswith("/") else site_url + "/"
    return {HOME: page.replace(paragraph, copy_paragraph(base)).encode("utf-8")}
