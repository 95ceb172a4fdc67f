#!/bin/sh
# judge package, before removal (deb: remove; rpm: 0): stop the daemon and
# take it out of the boot. An upgrade (deb: upgrade; rpm: 1) restarts it in
# the new version's postinstall instead.
set -e
case "$1" in
remove | 0) ;;
*) exit 0 ;;
esac
if [ -d /run/systemd/system ]; then
	systemctl disable --now judge.service >/dev/null 2>&1 || true
fi
exit 0
