#!/usr/bin/env bash
# Set up everything the build needs (with --test: everything the tests need too).
# Safe to run again: each step is skipped when it is already done.
#   .venv/          virtual environment with the exact versions of requirements(-dev).lock,
#                   every file checked against the lock's hashes, and parley itself installed
#                   in editable mode (the `parley` command; `import parley` from anywhere)
#   node_modules/   npm packages of package-lock.json: the search's stemmer (copied into the site
#                   by the build) and, for the tests, axe-core
#   Debian packages nodejs/npm if npm is missing; (--test) chromium and fonts for browser tests
set -euo pipefail
cd "$(dirname "$0")/.."

purpose=build
[ "${1:-}" = "--test" ] && purpose=test
lock=requirements.lock
[ "$purpose" = test ] && lock=requirements-dev.lock

say() { printf 'setup: %s\n' "$*" >&2; }

# 1. Debian packages (as root, or through sudo).
packages=()
command -v npm >/dev/null 2>&1 || packages+=(nodejs npm)
if [ "$purpose" = test ]; then
  [ -x /usr/bin/chromium ] || packages+=(chromium)
  [ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
fi
if [ "${#packages[@]}" -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  say "installing Debian packages: ${packages[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

# 2. Python virtual environment with pinned packages.
python=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  say "creating .venv"
  "$python" -m venv .venv
fi
pip=(.venv/bin/python -m pip --quiet --disable-pip-version-check --require-virtualenv)
stamp=".venv/.installed-$(basename "$lock")-$(cat "$lock" pyproject.toml | sha256sum | cut -c1-16)"
if [ ! -e "$stamp" ]; then
  say "installing $lock (every file checked against its hash)"
  "${pip[@]}" install --require-hashes --no-deps -r "$lock"
  # The package itself is this folder: a local build has no hash to check, and its
  # dependencies are exactly the ones just installed.
  say "installing parley (editable)"
  "${pip[@]}" install --no-deps --editable .
  touch "$stamp"
fi

# 3. npm packages, exactly as locked; their install scripts are not run.
npm_stamp="node_modules/.installed-$(sha256sum package-lock.json | cut -c1-16)"
if [ ! -e "$npm_stamp" ]; then
  say "installing npm packages"
  npm ci --no-audit --no-fund --ignore-scripts --loglevel=error >/dev/null
  touch "$npm_stamp"
fi
