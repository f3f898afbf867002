#!/usr/bin/env bash
# Sets up a fresh Debian machine (as root) and builds the installable packages:
# Debian's chromium and firefox-esr for the end-to-end tests where missing, the npm packages
# from the lock file, then both builds and their store zips under .output/.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v firefox-esr >/dev/null 2>&1 || missing+=(firefox-esr)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "setup: ${missing[*]} missing; run as root (or install them) for the end-to-end tests" >&2
    exit 1
  fi
  echo "setup: installing ${missing[*]} from Debian"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  echo "setup: Node.js 20.12 or newer is needed (found $(node --version))" >&2
  exit 1
fi

npm ci --no-audit --no-fund
npm run build
npm run zip
echo "setup: done. Chrome: .output/chrome-mv3/ (zip in .output/); Firefox: .output/firefox-mv2/ (zip in .output/)"
