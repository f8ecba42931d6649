#!/usr/bin/env bash
# Set up, then build the site from transcripts/ into site/. Arguments go to build_site.py.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/python build_site.py "$@"
