#!/usr/bin/env bash
# Installs what judge needs on a Debian or Ubuntu host: Podman with runc and
# the rootless helpers, and mmdebstrap to build the runtime images from Debian
# packages, and the packages named as arguments. Safe to run again: it
# installs only what is missing.
#   scripts/setup.sh [PACKAGE...]
set -euo pipefail

pkgs=(podman runc uidmap slirp4netns fuse-overlayfs mmdebstrap ca-certificates iproute2 openssh-server "$@")
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
	if [[ $(id -u) != 0 ]]; then
		echo "setup: missing packages: ${missing[*]}; run as root (sudo make ...) to install them" >&2
		exit 1
	fi
	echo "setup: installing ${missing[*]}"
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" </dev/null >/dev/null
fi

if ! command -v go >/dev/null; then
	echo "setup: Go is not installed; install Go 1.21 or newer (https://go.dev/doc/install; it fetches the toolchain go.mod asks for) and add it to PATH" >&2
	exit 1
fi
echo "setup: $(podman --version), $(runc --version | head -1), $(go version)"
