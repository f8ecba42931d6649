#!/usr/bin/env bash
# Set up, then run every check: lint, types, workflow lint, and all tests (unit, golden,
# property, build, browser). Arguments go to pytest.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
export PATH="$PWD/.venv/bin:$PATH"

echo "== ruff" >&2
ruff check parley tests scripts benchmarks build_site.py
ruff format --check parley tests scripts benchmarks build_site.py
echo "== mypy" >&2
mypy
echo "== workflow lint" >&2
check-jsonschema --builtin-schema vendor.github-workflows .github/workflows/*.yml
zizmor --offline --quiet .github/workflows
echo "== pytest" >&2
status=0
python -m pytest "$@" || status=$?
if [ "$status" = 5 ]; then
  echo "test.sh: pytest collected no tests; that is a failure, not a pass" >&2
  exit 1
fi
exit "$status"
