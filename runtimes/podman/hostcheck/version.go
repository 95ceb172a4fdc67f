package hostcheck

import (
	"fmt"
	"strconv"
	"strings"
)

// MinPodman is the oldest Podman the judge supports: Debian 12's.
const MinPodman = "4.3"

// minAPI is the oldest Podman service the judge's Podman client (the v5
// bindings) talks to at all.
const minAPI = "4.0"

const upgrade = "install Podman 4.3 or later: Debian 12, Ubuntu 24.04 and Fedora have it (apt-get install podman)"

// PodmanVersion checks the version of the Podman service.
func PodmanVersion(v string) Result {
	const name = "podman version"
	if _, ok := parseVersion(v); !ok {
		return Result{name, Warn, fmt.Sprintf("cannot read the version %q; the judge needs %s or later", v, MinPodman), ""}
	}
	switch {
	case CompareVersions(v, minAPI) < 0:
		return Result{name, Fail, fmt.Sprintf("%s: the judge's Podman client needs a service of %s or later", v, minAPI), upgrade}
	case CompareVersions(v, MinPodman) < 0:
		return Result{name, Warn, fmt.Sprintf("%s: older than %s, the oldest the judge is tested with", v, MinPodman), upgrade}
	}
	return Result{name, OK, fmt.Sprintf("%s (%s or later is supported)", v, MinPodman), ""}
}

// parseVersion reads major, minor and patch from a version such as "4.3.1",
// "v5.0.0-rc1" or "4.9": pre-release and build suffixes are ignored.
func parseVersion(v string) ([3]int, bool) {
	var out [3]int
	v = strings.TrimPrefix(strings.TrimSpace(v), "v")
	if i := strings.IndexAny(v, "-+~ "); i >= 0 {
		v = v[:i]
	}
	parts := strings.Split(v, ".")
	if len(parts) > 3 || parts[0] == "" {
		return out, false
	}
	for i, p := range parts {
		n, err := strconv.Atoi(p)
		if err != nil || n < 0 {
			return out, false
		}
		out[i] = n
	}
	return out, true
}

// CompareVersions compares two versions as parseVersion reads them: -1, 0 or
// +1. A version it cannot read is older than any it can.
func CompareVersions(a, b string) int {
	va, okA := parseVersion(a)
	vb, okB := parseVersion(b)
	switch {
	case !okA && !okB:
		return 0
	case !okA:
		return -1
	case !okB:
		return 1
	}
	for i := range va {
		if va[i] != vb[i] {
			if va[i] < vb[i] {
				return -1
			}
			return 1
		}
	}
	return 0
}
