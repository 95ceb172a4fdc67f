#!/bin/sh
# judge package, after install or upgrade (deb: configure; rpm: 1 or 2).
# Makes the daemon's system user judge, with subordinate UID and GID ranges
# and overlay storage for rootless Podman in /var/lib/judge; a user judge that
# exists already is kept as it is. On an upgrade, restarts a running daemon.
set -e
case "$1" in
configure) upgrade=$2 ;;
1) upgrade= ;;
2) upgrade=yes ;;
*) exit 0 ;;
esac

/usr/libexec/judge/rootless-user --system --home /var/lib/judge judge

if [ -d /run/systemd/system ]; then
	systemctl daemon-reload >/dev/null 2>&1 || true
	if [ -n "$upgrade" ]; then
		systemctl try-restart judge.service >/dev/null 2>&1 || true
	fi
fi
if [ -z "$upgrade" ]; then
	echo "judge: build the runtime images and start the daemon as /usr/share/doc/judge/install.md says"
fi
exit 0
