#!/usr/bin/env python3
"""Build the transcript archive site: see ``build_site.py --help`` and the README."""

import sys

from parley.cli import main

if __name__ == "__main__":
    sys.exit(main())
