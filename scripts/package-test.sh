#!/usr/bin/env bash
# Installs the amd64 deb from dist/ (make package) on this machine and judges
# through what it installed: checks the package's user, config and units,
# starts the daemon, builds the Python image for its user, judges a Python
# two-sum submission to Accepted with the installed client, stops the daemon
# and purges the package. Run as root.
#   scripts/package-test.sh [dist/judge_VERSION_amd64.deb]
#
# With systemd running, the daemon is the unit started by systemctl. Without
# it (containers, CI machines), it is started the way docs/install.md gives
# for such hosts, from what the installed unit says: its RuntimeDirectory and
# StateDirectory made for its User, its ExecStart run as that User with its
# Environment from its WorkingDirectory, in a cgroup of its own (as systemd
# does); stopped with SIGTERM, and then, as KillMode=mixed does, whatever is
# left in the cgroup killed.
#
# The machine is left as it was: the package purged, a user judge removed if
# the test made it (one that existed stays, with its own home untouched), the
# root file system cache (JUDGE_ROOTFS_CACHE) kept.
set -euo pipefail
cd "$(dirname "$0")/.."

cache=${JUDGE_ROOTFS_CACHE:-/var/cache/judge/rootfs}
port=${JUDGE_PACKAGE_TEST_PORT:-7093}
unit=/usr/lib/systemd/system/judge.service
user_unit=/usr/lib/systemd/user/judge.service
conf=/etc/judge/serve.yaml
data=/var/lib/judge
user=judge

if [[ $# -gt 0 ]]; then
	deb=$1
else
	debs=(dist/judge_*_amd64.deb)
	[[ ${#debs[@]} == 1 && -f ${debs[0]} ]] || {
		echo "package-test: want one dist/judge_*_amd64.deb, have: ${debs[*]}; run make package" >&2
		exit 2
	}
	deb=${debs[0]}
fi
deb=$(realpath "$deb")

t0=$(date +%s)
step() { echo "package-test: [$(($(date +%s) - t0))s] $*"; }
fail() {
	echo "package-test: FAIL: $*" >&2
	exit 1
}

# known: dpkg has the package, in any state but purged.
known() {
	local st
	st=$(dpkg-query -W -f='${Status}' judge 2>/dev/null) || return 1
	[[ $st != *not-installed ]]
}

[[ $(id -u) == 0 ]] || fail "run as root"
! known || fail "the judge package is on this machine; purge it first (apt-get purge judge)"
[[ ! -e $data ]] || fail "$data exists and the package is not installed; it is not ours to purge"
user_existed=
id "$user" >/dev/null 2>&1 && user_existed=1
command -v curl >/dev/null || {
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq curl </dev/null >/dev/null
}

work=$(mktemp -d /tmp/judge-package-test.XXXXXX)
log=$work/daemon.log
pid= cg= rundirs=() installed= started=

stop_daemon() {
	[[ -n $started ]] || return 0
	started=
	if [[ -d /run/systemd/system ]]; then
		systemctl stop judge.service
		return
	fi
	local timeout status=0 left
	timeout=$(unit_get TimeoutStopSec | tail -1)
	timeout=${timeout%s}
	[[ $timeout =~ ^[0-9]+$ ]] || timeout=90
	kill -TERM "$pid" 2>/dev/null || true
	for _ in $(seq $((${timeout:-90} * 10))); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$pid" 2>/dev/null && echo "package-test: the daemon did not stop within ${timeout:-90}s" >&2
	wait "$pid" || status=$?
	pid=
	# KillMode=mixed: what the daemon left in its cgroup is killed.
	if [[ -n $cg && -d $cg ]]; then
		left=$(paste -sd, "$cg/cgroup.procs")
		if [[ -n $left ]]; then
			echo "package-test: killing what the daemon left in its cgroup: $(ps -o pid=,comm= -p "$left" | tr -s ' \n' ' ')"
			kill -KILL ${left//,/ } 2>/dev/null || true
			for _ in $(seq 50); do
				[[ -n $(cat "$cg/cgroup.procs") ]] || break
				sleep 0.1
			done
		fi
		rmdir "$cg"
		cg=
	fi
	# Runtime directories go when the service stops.
	if [[ $(unit_get RuntimeDirectoryPreserve | tail -1) != yes ]]; then
		for d in "${rundirs[@]}"; do rm -rf "$d"; done
	fi
	rundirs=()
	return "$status"
}

cleanup() {
	local rc=$?
	set +e
	stop_daemon
	if ((rc != 0)) && [[ -s $log ]]; then
		echo "package-test: the daemon's log:" >&2
		tail -50 "$log" >&2
	fi
	if [[ -n $installed ]] && known; then
		DEBIAN_FRONTEND=noninteractive apt-get purge -y -q judge </dev/null >"$work/purge.log" 2>&1 ||
			{ cat "$work/purge.log" >&2; rc=1; }
	fi
	if [[ -z $user_existed ]] && id "$user" >/dev/null 2>&1; then
		for _ in $(seq 20); do
			userdel "$user" 2>/dev/null && break
			sleep 0.5 # its last processes are being reaped
		done
		id "$user" >/dev/null 2>&1 && echo "package-test: could not remove the user $user" >&2
		sed -i "/^$user:/d" /etc/subuid /etc/subgid
	fi
	rm -rf "$work"
	exit "$rc"
}
trap cleanup EXIT

# unit_get KEY prints each value of KEY= in the [Service] section of the
# installed unit, in order.
unit_get() {
	awk -v key="$1" '
		/^\[/ { service = ($0 == "[Service]") }
		service && index($0, key "=") == 1 { print substr($0, length(key) + 2) }
	' "$unit"
}

# words splits a unit setting into words, with the quoting systemd takes.
words() { xargs -r printf '%s\n' <<<"$1"; }

step "installing $(basename "$deb")"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" </dev/null >"$work/install.log" 2>&1 ||
	{ cat "$work/install.log" >&2; fail "apt-get install"; }
grep -E '^(judge|rootless-user):' "$work/install.log" || true

step "checking what the package installed"
judge=/usr/bin/judge
[[ -x $judge ]] || fail "$judge is not installed"
"$judge" version
for f in "$unit" "$user_unit" "$conf" /usr/libexec/judge/rootless-user /usr/share/doc/judge/install.md; do
	[[ -f $f ]] || fail "$f is not installed"
done
cmp "$conf" examples/serve.yaml || fail "$conf is not examples/serve.yaml"
dpkg-query -W -f='${Conffiles}\n' judge | grep -q " $conf " || fail "$conf is not a conffile"
deps=$(dpkg-query -W -f='${Depends}' judge)
for p in podman runc uidmap slirp4netns fuse-overlayfs; do
	[[ ", $deps," == *", $p,"* ]] || fail "the package does not depend on $p: $deps"
done
[[ $(dpkg-query -W -f='${Recommends}' judge) == *mmdebstrap* ]] || fail "the package does not recommend mmdebstrap"
[[ $(unit_get User) == "$user" ]] || fail "the unit does not run as $user"
id "$user"
for f in /etc/subuid /etc/subgid; do
	grep -q "^$user:[0-9]*:65536$" "$f" || fail "no range for $user in $f"
done
[[ $(stat -c %U "$data") == "$user" ]] || fail "$data does not belong to $user"
grep -q 'driver *= *"overlay"' "$data/.config/containers/storage.conf" || fail "no overlay storage for $user in $data"
if [[ -n $user_existed ]]; then
	echo "package-test: the user $user existed before the package; it kept its home $(getent passwd "$user" | cut -d: -f6)"
else
	[[ $(getent passwd "$user" | cut -d: -f6) == "$data" ]] || fail "the package's user $user has not got the home $data"
fi

step "installing it again: the maintainer scripts of an upgrade, on what the first made"
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --reinstall "$deb" </dev/null >"$work/install.log" 2>&1 ||
	{ cat "$work/install.log" >&2; fail "apt-get install --reinstall"; }
grep -q 'driver *= *"overlay"' "$data/.config/containers/storage.conf" || fail "no overlay storage after the upgrade"
[[ $(grep -c "^$user:" /etc/subuid) == 1 && $(grep -c "^$user:" /etc/subgid) == 1 ]] || fail "the upgrade added ranges"

if command -v systemd-analyze >/dev/null; then
	step "systemd-analyze verify"
	out=$(systemd-analyze verify "$unit" 2>&1) || fail "systemd-analyze verify $unit: $out"
	[[ -z $out ]] || fail "systemd-analyze verify $unit: $out"
	out=$(XDG_RUNTIME_DIR=$work systemd-analyze --user verify "$user_unit" 2>&1) || fail "systemd-analyze --user verify $user_unit: $out"
	[[ -z $out ]] || fail "systemd-analyze --user verify $user_unit: $out"
	echo "package-test: both units verified"
else
	echo "package-test: systemd-analyze is not installed; the units were not verified"
fi

# The operator's one edit: the port (7070 may be taken on a shared machine).
sed -i "s/^listen: .*/listen: 127.0.0.1:$port/" "$conf"
grep -q "^listen: 127.0.0.1:$port$" "$conf" || fail "could not set listen in $conf"
server=http://127.0.0.1:$port

# The unit's user and environment, for the daemon and the image build.
for key in User Environment ExecStart WorkingDirectory RuntimeDirectory StateDirectory; do
	[[ $(unit_get $key) != *[%\$]* ]] || fail "the unit's $key= has specifiers or variables, which this test does not expand"
done
# systemd's own first, then the unit's Environment= over them.
home=$(getent passwd "$user" | cut -d: -f6)
declare -A env=([PATH]=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin [HOME]=$home [USER]=$user
	[LOGNAME]=$user [SHELL]=$(getent passwd "$user" | cut -d: -f7))
while read -r line; do
	while read -r word; do
		env[${word%%=*}]=${word#*=}
	done < <(words "$line")
done < <(unit_get Environment)
envs=()
for k in "${!env[@]}"; do envs+=("$k=${env[$k]}"); done
mapfile -t cmd < <(words "$(unit_get ExecStart | tail -1)")
[[ ${cmd[0]} == /* ]] || fail "ExecStart ${cmd[*]}: want a plain absolute path"
workdir=$(unit_get WorkingDirectory | tail -1)
[[ $workdir != "~" ]] || workdir=$(getent passwd "$user" | cut -d: -f6)
workdir=${workdir:-/}

if [[ -d /run/systemd/system ]]; then
	step "starting judge.service with systemd"
	systemctl daemon-reload
	started=1
	systemctl start judge.service
	log=$work/journal.log
	daemon_alive() { systemctl is-active -q judge.service; }
else
	step "starting the daemon as $unit says (systemd is not running here)"
	group=$(id -gn "$user")
	mode=$(unit_get RuntimeDirectoryMode | tail -1)
	for d in $(unit_get RuntimeDirectory); do
		install -d -o "$user" -g "$group" -m "${mode:-0755}" "/run/$d"
		rundirs+=("/run/$d")
	done
	mode=$(unit_get StateDirectoryMode | tail -1)
	for d in $(unit_get StateDirectory); do
		install -d -o "$user" -g "$group" -m "${mode:-0755}" "/var/lib/$d"
		chmod "${mode:-0755}" "/var/lib/$d"
	done
	umask=$(unit_get UMask | tail -1)
	# A cgroup of its own, as the unit's, to find what it leaves behind.
	if [[ $(stat -fc %T /sys/fs/cgroup) == cgroup2fs ]]; then
		cg=/sys/fs/cgroup/judge.service
	elif [[ $(stat -fc %T /sys/fs/cgroup/unified 2>/dev/null) == cgroup2fs ]]; then
		cg=/sys/fs/cgroup/unified/judge.service
	else
		cg=/sys/fs/cgroup/systemd/judge.service
	fi
	mkdir "$cg" || fail "cannot make the cgroup $cg"
	if [[ $(unit_get Delegate | tail -1) == yes ]]; then
		for f in "$cg" "$cg"/cgroup.{procs,subtree_control,threads}; do
			[[ ! -e $f ]] || chown "$user:$group" "$f"
		done
	fi
	echo "package-test: as $user in $workdir, ${rundirs[*]} made, cgroup $cg: env -i ${envs[*]} ${cmd[*]}"
	(
		echo "$BASHPID" >"$cg/cgroup.procs"
		umask "${umask:-0022}"
		cd "$workdir"
		exec setpriv --reuid="$user" --regid="$group" --init-groups env -i "${envs[@]}" "${cmd[@]}"
	) </dev/null >"$log" 2>&1 &
	pid=$! started=1
	daemon_alive() { kill -0 "$pid" 2>/dev/null; }
fi

for i in $(seq 300); do
	curl -fsS -o /dev/null "$server/healthz" 2>/dev/null && break
	daemon_alive || fail "the daemon exited"
	((i < 300)) || fail "no answer on $server/healthz within 60s"
	sleep 0.2
done
step "the daemon answers on $server/healthz"
[[ ! -d /run/systemd/system ]] || journalctl -u judge.service --no-pager >"$log"
grep -o 'msg=runner .*' "$log" || true
[[ -f $data/admin-token ]] || fail "no admin token in $data"

# The image goes into the user's own storage, imported from the cached root
# file system; while the daemon runs, its runtime directory is there.
if ! compgen -G "$cache/python-*.tar" >/dev/null; then
	step "no Python root file system in $cache: building it as root"
	"$judge" runtimes build python --cache "$cache"
fi
step "building the Python image for $user"
(cd / && runuser -u "$user" -- env -i "${envs[@]}" "$judge" runtimes build python --cache "$cache") >"$work/build.log" 2>&1 ||
	{ cat "$work/build.log" >&2; fail "judge runtimes build python as $user"; }
tail -1 "$work/build.log"

step "submitting two-sum in Python with the installed client"
client=$work/client
mkdir -p "$client"
solution=$PWD/examples/problems/two-sum/solutions/solution.py
out=$(cd "$client" && env HOME="$client" XDG_CONFIG_HOME="$client/config" XDG_DATA_HOME="$client/data" \
	JUDGE_SERVER="$server" JUDGE_TOKEN="$(cat "$data/admin-token")" \
	"$judge" submit --problem two-sum --json "$solution" 2>&1) ||
	{ echo "$out" >&2; fail "judge submit did not exit 0"; }
verdict=$(sed -n 's/^ *"verdict": *"\([A-Z]*\)".*/\1/p' <<<"$out" | head -1)
[[ $verdict == AC ]] || { echo "$out" >&2; fail "verdict ${verdict:-none}, want AC"; }
echo "package-test: two-sum in Python: $verdict, $(sed -n 's/^ *"passed": *\([0-9]*\).*/\1/p' <<<"$out" | head -1) tests passed"

step "stopping the daemon"
stop_daemon || fail "the daemon exited with status $? on SIGTERM"
if [[ -d /run/systemd/system ]]; then
	journalctl -u judge.service --no-pager >"$log" || true
fi
grep -q 'msg="shutting down"' "$log" || fail "the daemon did not shut down in order"

step "purging the package"
DEBIAN_FRONTEND=noninteractive apt-get purge -y -q judge </dev/null >"$work/purge.log" 2>&1 ||
	{ cat "$work/purge.log" >&2; fail "apt-get purge"; }
installed=
for f in /usr/bin/judge "$unit" "$user_unit" /etc/judge "$data" /usr/libexec/judge; do
	[[ ! -e $f ]] || fail "$f is still there after the purge"
done
step "ok"
