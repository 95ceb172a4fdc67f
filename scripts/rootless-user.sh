#!/usr/bin/env bash
# Prepares an unprivileged user for rootless Podman: creates it with subordinate
# UID and GID ranges, and makes its storage use the overlay driver (the vfs
# driver copies the whole image for every container). Run as root.
#   scripts/rootless-user.sh USER
set -euo pipefail
user=${1:?usage: rootless-user.sh USER}

if ! id "$user" >/dev/null 2>&1; then
	useradd --create-home --shell /bin/bash "$user"
fi
home=$(getent passwd "$user" | cut -d: -f6)
uid=$(id -u "$user")
for f in /etc/subuid /etc/subgid; do
	if ! grep -q "^$user:" "$f"; then
		# Find a free 65536-wide range above every existing one.
		start=$(awk -F: 'BEGIN{m=100000} {e=$2+$3; if (e>m) m=e} END{print m}' "$f")
		echo "$user:$start:65536" >>"$f"
	fi
done

conf="$home/.config/containers/storage.conf"
if ! grep -qs 'driver *= *"overlay"' "$conf"; then
	install -d -o "$user" -g "$user" "$home/.config" "$home/.config/containers"
	printf '[storage]\ndriver = "overlay"\n' >"$conf"
	chown "$user:" "$conf"
	# Storage made with another driver must go before overlay can be used.
	(cd / && runuser -u "$user" -- env HOME="$home" podman system reset -f >/dev/null 2>&1) || true
fi
driver=$(cd / && runuser -u "$user" -- env HOME="$home" podman info --format '{{.Store.GraphDriverName}}')
echo "rootless-user: $user (uid $uid), storage driver $driver"
