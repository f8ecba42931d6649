"""The live preview: rebuild the Markdown whenever a source changes, while MkDocs serves it.

In: the build options and a port. Out: nothing but side effects until interrupted: the generated
folder kept up to date (:func:`parley.pipeline.run` with a memo kept between builds) and MkDocs'
development server (:mod:`parley.publish.mkdocs_runner`) reloading the pages that changed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from parley.build.memo import Memo
from parley.model import Diagnostic
from parley.pipeline import BuildOptions, BuildResult, run
from parley.publish.mkdocs_runner import start_server, stop_server
from parley.urls import GENERATED, HOME

__all__ = ["serve"]


def _fingerprint(watched: list[Path]) -> tuple[tuple[str, int, int], ...]:
    """Names, times and sizes of the watched files: cheap to poll every second."""
    files = (p for path in watched for p in ([path] if path.is_file() else sorted(path.rglob("*"))))
    return tuple((str(p), p.stat().st_mtime_ns, p.stat().st_size) for p in files if p.is_file())


def serve(
    options: BuildOptions,
    port: int,
    report: Callable[[Diagnostic], None],
    rebuilt: Callable[[BuildResult], None],
) -> int:
    """Regenerate the Markdown whenever a source changes; MkDocs serves and live-reloads.

    Each regeneration reads and indexes only the files that changed (a memo kept between
    builds) and writes only the pages whose bytes changed, and MkDocs serves with ``--dirty``
    so that it renders those pages alone. A change to the MkDocs configuration restarts MkDocs,
    since it can change every page. ``report`` gets every diagnostic, ``rebuilt`` the result of
    each rebuild after a change.
    """
    quiet = replace(options, progress=False)
    memo = Memo()
    run(quiet, report, memo)
    folders = (
        options.transcripts,
        options.annotations,
        options.anchors,
        options.data,
        options.config,
    )
    watched = [f for f in folders if f is not None]
    server = start_server(options.config, options.root, port)
    seen, config = _fingerprint(watched), _fingerprint([options.config])
    try:
        while server.poll() is None:
            time.sleep(1.0)
            now = _fingerprint(watched)
            if now != seen:
                seen = now
                home = _read(options.docs / GENERATED / HOME)
                result = run(quiet, report, memo)
                rebuilt(result)
                # A new configuration can change every page, and the home page includes the
                # generated fragment: MkDocs' dirty rebuild would miss both, so restart it.
                was, config = config, _fingerprint([options.config])
                if config != was or _read(options.docs / GENERATED / HOME) != home:
                    stop_server(server)
                    server = start_server(options.config, options.root, port)
    except KeyboardInterrupt:
        pass
    finally:
        stop_server(server)
    return 0


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
