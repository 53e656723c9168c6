#!/usr/bin/env bash
# System packages the tests drive for real: Debian's adb (the adb server headsets are reached through) and
# Debian's Chromium (Playwright runs it; Playwright's own browser download is never used).
set -euo pipefail
missing=()
command -v adb >/dev/null 2>&1 || missing+=(adb)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ((${#missing[@]} == 0)); then
  exit 0
fi
sudo=()
if [ "$(id -u)" -ne 0 ]; then sudo=(sudo); fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
