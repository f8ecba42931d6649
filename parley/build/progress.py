"""Progress of long stages: a bar on a terminal, silence in CI logs and pipes."""

from __future__ import annotations

import os
import sys
from typing import TypeVar

from tqdm import tqdm

T = TypeVar("T")


class Progress:
    """Counts steps of a stage; draws a tqdm bar only when stderr is an interactive terminal."""

    def __init__(self, total: int, label: str, enabled: bool) -> None:
        interactive = sys.stderr.isatty() and not os.environ.get("CI")
        self._bar = (
            tqdm(total=total, desc=label, unit="doc", leave=False)
            if (enabled and interactive)
            else None
        )

    def step(self, item: T) -> T:
        """Count one finished item and hand it back."""
        if self._bar is not None:
            self._bar.update(1)
        return item

    def close(self) -> None:
        """Remove the bar from the terminal."""
        if self._bar is not None:
            self._bar.close()
