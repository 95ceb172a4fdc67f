#!/usr/bin/env bash
# Prepares an unprivileged user for rootless Podman: creates it with subordinate
# UID and GID ranges, and makes its storage use the overlay driver (the vfs
# driver copies the whole image for every container). Run as root.
#   scripts/rootless-user.sh [--system] [--home DIR] USER
# --system makes a missing USER a system account with no login shell and its
# home in DIR (default /var/lib/USER), and leaves Podman itself alone (its
# first run is the daemon's). --home DIR sets up Podman's storage in DIR, the
# HOME the daemon runs with, instead of the home in the password database:
# a USER that exists already keeps its own home. The judge package runs this
# script, installed as /usr/libexec/judge/rootless-user, for its user judge.
set -euo pipefail
usage="usage: rootless-user.sh [--system] [--home DIR] USER"
system= home=
while (($#)); do
	case $1 in
	--system) system=1 ;;
	--home) home=${2:?$usage} && shift ;;
	--) shift && break ;;
	-*) echo "$usage" >&2 && exit 2 ;;
	*) break ;;
	esac
	shift
done
user=${1:?$usage}

if ! id "$user" >/dev/null 2>&1; then
	if [[ -n $system ]]; then
		home=${home:-/var/lib/$user}
		useradd --system --user-group --home-dir "$home" --no-create-home \
			--shell /usr/sbin/nologin --comment "$user daemon" "$user"
	else
		useradd --create-home --shell /bin/bash "$user"
	fi
fi
own=$(getent passwd "$user" | cut -d: -f6)
if [[ -n $home && $home != "$own" ]]; then
	echo "rootless-user: $user exists with home $own; setting up Podman for it in $home"
fi
home=${home:-$own}
uid=$(id -u "$user")
group=$(id -gn "$user")
[[ -d $home ]] || install -d -o "$user" -g "$group" -m 0750 "$home"
for f in /etc/subuid /etc/subgid; do
	if ! grep -qs "^$user:" "$f"; then
		# Find a free 65536-wide range above every existing one.
		start=$(awk -F: 'BEGIN{m=100000} {e=$2+$3; if (e>m) m=e} END{print m}' "$f" 2>/dev/null || echo 100000)
		echo "$user:$start:65536" >>"$f"
	fi
done

conf="$home/.config/containers/storage.conf"
if ! grep -qs 'driver *= *"overlay"' "$conf"; then
	install -d -o "$user" -g "$group" "$home/.config" "$home/.config/containers"
	printf '[storage]\ndriver = "overlay"\n' >"$conf"
	chown "$user:$group" "$conf"
	# Storage made with another driver must go before overlay can be used.
	if [[ -z $system || -d $home/.local/share/containers/storage ]]; then
		(cd / && runuser -u "$user" -- env HOME="$home" podman system reset -f >/dev/null 2>&1) || true
	fi
fi
if [[ -n $system ]]; then
	echo "rootless-user: $user (uid $uid), home $home, storage driver overlay ($conf)"
	exit 0
fi
driver=$(cd / && runuser -u "$user" -- env HOME="$home" podman info --format '{{.Store.GraphDriverName}}')
echo "rootless-user: $user (uid $uid), storage driver $driver"
