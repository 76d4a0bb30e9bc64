#!/bin/sh
# Installs the Debian 12 packages Conclave needs to build, test and run, when missing.
# Idempotent. As root it runs apt-get; otherwise it prints the exact command and stops.
set -eu

PKGS="
build-essential pkg-config meson ninja-build clang libclang-rt-14-dev clang-format
libssl-dev openssl libsodium-dev libwebsockets-dev libjansson-dev
libsqlite3-dev sqlite3 libpq-dev postgresql libcurl4-openssl-dev curl libinih-dev
libcmocka-dev python3 argon2 systemd gdb procps iproute2 libopus-dev libvpx-dev
"

missing=""
for p in $PKGS; do
    if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
        missing="$missing $p"
    fi
done

if [ -z "$missing" ]; then
    exit 0
fi

cmd="apt-get install -y --no-install-recommends$missing"
if [ "$(id -u)" -ne 0 ]; then
    echo "deps: missing Debian packages:$missing" >&2
    echo "deps: run as root:  apt-get update && $cmd" >&2
    exit 1
fi
echo "deps: installing$missing"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
# shellcheck disable=SC2086
apt-get install -y -qq --no-install-recommends $missing
