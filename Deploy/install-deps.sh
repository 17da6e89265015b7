#!/usr/bin/env bash
# Installs the Debian packages ButlerGate builds against (OpenSSL and libcurl headers).
# Safe to run again: packages already present are left alone. Needs root or sudo.
set -euo pipefail

packages=(libssl-dev libcurl4-openssl-dev ca-certificates curl openssl)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ ${#missing[@]} -eq 0 ]; then
    exit 0
fi

run_as_root=()
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "install-deps: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
    run_as_root=(sudo)
fi
echo "install-deps: installing ${missing[*]}" >&2
"${run_as_root[@]}" apt-get update -qq
DEBIAN_FRONTEND=noninteractive "${run_as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
