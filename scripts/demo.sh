#!/usr/bin/env bash
# The demo: starts the daemon on a fresh database, submits every bundled
# reference solution and every known-wrong solution (of the native and of the
# ICPC-format problems) through the CLI, prints a
# table of verdicts against the expected ones, and stops the daemon.
#   scripts/demo.sh [path/to/judge]
set -euo pipefail
cd "$(dirname "$0")/.."
judge=${1:-bin/judge}
port=${JUDGE_DEMO_PORT:-7090}
server=http://127.0.0.1:$port
data=$(mktemp -d /tmp/judge-demo.XXXXXX)
log=$data/daemon.log

# As root, the daemon runs as the unprivileged user "judge" with rootless
# Podman, as in production; JUDGE_DEMO_ROOTFUL=1 keeps it root.
run_as=()
if [[ $(id -u) == 0 && -z ${JUDGE_DEMO_ROOTFUL:-} ]]; then
	user=${JUDGE_DEMO_USER:-judge}
	scripts/rootless-user.sh "$user"
	install -m 0755 "$judge" "$data/judge"
	judge=$data/judge
	chmod 0755 "$data"
	chown "$user:" "$data"
	home=$(getent passwd "$user" | cut -d: -f6)
	run_as=(runuser -u "$user" -- env HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin)
	# Import the image into the user's own storage, from the cached packages.
	(cd / && "${run_as[@]}" "$judge" runtimes build --cache "${JUDGE_ROOTFS_CACHE:-/var/cache/judge/rootfs}") >/dev/null
fi

(cd / && exec "${run_as[@]}" "$judge" serve --listen "127.0.0.1:$port" --data "$data") >"$log" 2>&1 &
daemon=$!
cleanup() {
	pkill -TERM -P "$daemon" 2>/dev/null || true
	kill "$daemon" 2>/dev/null || true
	wait "$daemon" 2>/dev/null || true
}
trap cleanup EXIT

for _ in $(seq 100); do
	"$judge" problems --server "$server" >/dev/null 2>&1 && break
	kill -0 "$daemon" 2>/dev/null || { echo "demo: the daemon exited:" >&2; cat "$log" >&2; exit 1; }
	sleep 0.2
done
# The first start made the admin user and left its token in the data
# directory; the demo submits as the admin.
JUDGE_TOKEN=$(cat "$data/admin-token")
export JUDGE_TOKEN
echo "daemon: $server, database $data/judge.db"
grep -o 'msg=runner .*' "$log" | head -1
echo

# expected_verdict PROBLEM_DIR FILE prints the verdict FILE must get.
expected_verdict() {
	local dir=$1 file=$2
	case $file in
	solutions/*) echo AC ;;
	# ICPC/Kattis packages: the folder under submissions/ says it.
	submissions/accepted/*) echo AC ;;
	submissions/wrong_answer/*) echo WA ;;
	submissions/time_limit_exceeded/*) echo TLE ;;
	submissions/run_time_error/*) echo RE ;;
	submissions/memory_limit_exceeded/*) echo MLE ;;
	submissions/output_limit_exceeded/*) echo OLE ;;
	submissions/compile_error/*) echo CE ;;
	*) sed -n "s#.*file: *$file *, *verdict: *\([A-Z]*\).*#\1#p" "$dir/problem.yaml" ;;
	esac
}

printf '%-42s %-28s %-8s %-8s %8s  %s\n' PROBLEM FILE EXPECTED VERDICT TIME RESULT
total=0 good=0
for dir in examples/problems/*/; do
	dir=${dir%/}
	slug=$(basename "$dir")
	for path in "$dir"/solutions/* "$dir"/wrong/* "$dir"/submissions/*/*; do
		[[ -f $path ]] || continue
		file=${path#"$dir"/}
		want=$(expected_verdict "$dir" "$file")
		start=$(date +%s%N)
		out=$("$judge" submit --server "$server" --problem "$slug" --json "$path" 2>&1) || true
		ms=$((($(date +%s%N) - start) / 1000000))
		got=$(sed -n 's/^ *"verdict": *"\([A-Z]*\)".*/\1/p' <<<"$out" | head -1)
		total=$((total + 1))
		if [[ -n $got && $got == "$want" ]]; then
			good=$((good + 1))
			mark=ok
		else
			mark=MISMATCH
		fi
		printf '%-42s %-28s %-8s %-8s %6sms  %s\n' "$slug" "$file" "$want" "${got:-?}" "$ms" "$mark"
		[[ $mark == ok ]] || echo "$out" | sed 's/^/    /'
	done
done
echo
echo "$good/$total submissions got their expected verdict"
[[ $good == "$total" ]]
