#!/usr/bin/env bash
# The benchmark: `judge bench` with the daemon as root (rootful Podman), then
# as the unprivileged user "judge" (rootless Podman, as in production). Extra
# arguments go to both runs.
#   scripts/bench.sh path/to/judge [judge bench flags...]
set -euo pipefail
cd "$(dirname "$0")/.."
judge=${1:?usage: bench.sh path/to/judge [flags]}
shift

echo "== rootful"
"$judge" bench "$@"

if [[ $(id -u) == 0 ]]; then
	user=${JUDGE_BENCH_USER:-judge}
	scripts/rootless-user.sh "$user" >/dev/null
	dir=$(mktemp -d /tmp/judge-bench.XXXXXX)
	trap 'rm -rf "$dir"' EXIT
	install -m 0755 "$judge" "$dir/judge"
	chmod 0755 "$dir"
	home=$(getent passwd "$user" | cut -d: -f6)
	run_as=(runuser -u "$user" -- env HOME="$home" PATH=/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin)
	(cd / && "${run_as[@]}" "$dir/judge" runtimes build --cache "${JUDGE_ROOTFS_CACHE:-/var/cache/judge/rootfs}") >/dev/null
	echo
	echo "== rootless ($user)"
	(cd / && "${run_as[@]}" "$dir/judge" bench "$@")
fi
