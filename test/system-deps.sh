#!/usr/bin/env bash
# System packages the tests drive for real, from Debian:
#   adb                 the adb server that reaches the emulated headsets (test/fakes/quest-adbd)
#   chromium            the browser Playwright drives (Playwright's own browser download is never used)
#   fonts-wqy-microhei  a CJK font, so the zh-Hans / zh-Hant pages render real glyphs in Chromium
# Idempotent: a package already installed (or a binary already on PATH) is left alone, and when nothing is
# missing the script touches neither apt nor sudo. Runs as root, or as a user who may sudo.
set -euo pipefail

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

missing=()
# A binary found on PATH counts: adb or Chromium may come from somewhere other than Debian's packages.
command -v adb >/dev/null 2>&1 || installed adb || missing+=(adb)
command -v chromium >/dev/null 2>&1 || installed chromium || missing+=(chromium)
installed fonts-wqy-microhei || missing+=(fonts-wqy-microhei)

if ((${#missing[@]} == 0)); then
  echo "system-deps: adb, chromium and fonts-wqy-microhei already present"
  exit 0
fi

sudo=()
if [ "$(id -u)" -ne 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "system-deps: missing ${missing[*]}; run this as root or install sudo" >&2
    exit 1
  fi
  sudo=(sudo)
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "system-deps: missing ${missing[*]} and no apt-get; install them with your system's package manager" >&2
  exit 1
fi

echo "system-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
