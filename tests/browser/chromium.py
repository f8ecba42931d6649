"""How the tests and the search benchmark start Debian's Chromium (never a downloaded browser)."""

#: Installed by ``scripts/setup.sh --test`` from Debian's packages.
CHROMIUM = "/usr/bin/chromium"
#: Headless as root, and quiet: without the background-networking flags Chromium tries to reach
#: other hosts at start-up, which this project never does.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
