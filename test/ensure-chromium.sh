#!/usr/bin/env bash
# Run before `npm test`: the map page is tested in a real headless Chromium, taken from the system
# (Debian's package), never downloaded by a test tool. Installs it where we are root with apt-get;
# otherwise says how.
set -euo pipefail
browser="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$browser" ]; then
  exit 0
fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installing Debian's chromium for the map page's browser test..." >&2
  apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >&2
  exit 0
fi
echo "The map page's browser test needs Chromium. Install it (Debian/Ubuntu: sudo apt-get install chromium)" >&2
echo "or set CHROMIUM_PATH to a Chromium or Chrome binary, then run npm test again." >&2
exit 1
