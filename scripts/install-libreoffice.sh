#!/bin/sh
# LibreOffice for the tests, 25.2 or newer, with its Python bridge and script provider (the
# tests accept and reject tracked changes in it through its UNO API). LibreOffice 7.4, Debian
# 12's own, drops the tracked changes inside footnotes called from table cells, so on Debian
# 12 it comes from bookworm-backports, enabled here from the machine's own Debian mirror.
# Backports are pinned below the release, so nothing else is upgraded from them.
set -eu
packages="libreoffice-writer-nogui python3-uno libreoffice-script-provider-python"
minimum="4:25.2"

installed=$(dpkg-query -W -f='${Version}' libreoffice-writer-nogui 2>/dev/null || true)
missing=""
for package in $packages; do
    dpkg -s "$package" >/dev/null 2>&1 || missing="$missing $package"
done
if [ -z "$missing" ] && dpkg --compare-versions "$installed" ge "$minimum"; then
    exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
    echo "please install LibreOffice 25.2 or newer: $packages"
    exit 0
fi

release_option=""
. /etc/os-release
if [ "${VERSION_CODENAME:-}" = bookworm ]; then
    mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Created-By: Packages' \
        | awk '$2 == "bookworm" { print $1; exit }')
    if [ -z "$mirror" ]; then
        apt-get update -qq
        mirror=$(apt-get indextargets --format '$(REPO_URI) $(RELEASE)' 'Created-By: Packages' \
            | awk '$2 == "bookworm" { print $1; exit }')
    fi
    echo "deb $mirror bookworm-backports main" >/etc/apt/sources.list.d/bookworm-backports.list
    release_option="-t bookworm-backports"
fi
echo "installing LibreOffice 25.2 or newer: $packages ${release_option}"
apt-get update -qq
# shellcheck disable=SC2086 # the option is one word or none
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $release_option $packages >/dev/null
