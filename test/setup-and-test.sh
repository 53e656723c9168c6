#!/usr/bin/env bash
# The one command a newcomer (and CI) runs on a fresh clone: system packages, npm packages, then `npm test`.
# Needs only bash, Node and npm to start with: it runs before node_modules exists, so it uses no npm package.
# Each step is skipped when its work is already done, so running it again costs only the tests.
#   --install-only   stop after installing (what `npm run serve` needs on a fresh clone)
set -euo pipefail
cd "$(dirname "$0")/.."

install_only=false
for arg in "$@"; do
  case "$arg" in
    --install-only) install_only=true ;;
    *) echo "setup-and-test: unknown argument $arg" >&2; exit 2 ;;
  esac
done

bash test/system-deps.sh

# node_modules is current when it was installed from this exact package-lock.json; the stamp is written
# only after `npm ci` succeeded, so an interrupted install is redone.
stamp=node_modules/.outpost-lock-sha256
want=$(sha256sum package-lock.json | cut -d' ' -f1)
have=$(cat "$stamp" 2>/dev/null || true)
if [ "$want" != "$have" ]; then
  echo "setup-and-test: installing npm packages (package-lock.json changed or node_modules missing)"
  # Electron's binary is needed only by `npm start`; never fetch it to install or test.
  ELECTRON_SKIP_BINARY_DOWNLOAD=1 npm ci --no-audit --no-fund
  echo "$want" >"$stamp"
else
  echo "setup-and-test: node_modules matches package-lock.json"
fi

if [ "$install_only" = true ]; then exit 0; fi
exec npm test
