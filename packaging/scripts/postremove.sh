#!/bin/sh
# judge package, after removal. A purge (deb) also deletes the daemon's data
# in /var/lib/judge: the database, the admin token and the user's Podman
# images. The user judge and its subordinate ID ranges stay, as Debian does
# with system users; `userdel judge` removes them. rpm has no purge and keeps
# the data.
set -e
if [ -d /run/systemd/system ]; then
	systemctl daemon-reload >/dev/null 2>&1 || true
fi
if [ "$1" = purge ]; then
	rm -rf /var/lib/judge
	rmdir /etc/judge 2>/dev/null || true
fi
exit 0
