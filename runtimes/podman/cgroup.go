package podman

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// SandboxCgroup is the cgroup, under the root of the cgroup tree, that holds
// the sandbox's containers and their conmon processes on a local rootful
// Podman with the cgroupfs manager.
const SandboxCgroup = "judge-sandbox"

// cgroupRoot is where the cgroup filesystems are mounted.
var cgroupRoot = "/sys/fs/cgroup"

// prepareIdleCgroup makes the sandbox's cgroup and gives it the lowest CPU
// class the kernel has: with cpu.idle the containers (and the Podman
// processes that watch and clean them up) only get the CPU that nothing
// else wants, so the daemon answers at once while the host judges at full
// load. Nice values cannot do that on hosts with autogroups, where each
// session's group gets an equal share whatever its processes' nice. Kernels
// before 5.15 have no cpu.idle; the smallest weight is the fallback. It
// returns the cgroup parent for the containers and the setting it made.
func prepareIdleCgroup(unified bool) (parent, setting string, err error) {
	dir, tries := sandboxCgroup(unified)
	if unified {
		if err := enableCPUController(cgroupRoot); err != nil {
			return "", "", err
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", "", fmt.Errorf("make the sandbox cgroup: %w", err)
	}
	var errs []error
	for _, t := range tries {
		err := os.WriteFile(filepath.Join(dir, t[0]), []byte(t[1]), 0)
		if err == nil {
			return "/" + SandboxCgroup, t[0] + "=" + t[1], nil
		}
		errs = append(errs, err)
	}
	return "", "", fmt.Errorf("lower the sandbox cgroup's CPU priority: %w", errors.Join(errs...))
}

// sandboxCgroup returns the directory of the sandbox's cgroup in the cpu
// hierarchy (cgroup v1) or the unified one (v2), and the CPU settings that
// make it idle, best first.
func sandboxCgroup(unified bool) (dir string, settings [][2]string) {
	if unified {
		return filepath.Join(cgroupRoot, SandboxCgroup), [][2]string{{"cpu.idle", "1"}, {"cpu.weight", "1"}}
	}
	return filepath.Join(cgroupRoot, "cpu", SandboxCgroup), [][2]string{{"cpu.idle", "1"}, {"cpu.shares", "2"}}
}

// enableCPUController lets the children of the unified cgroup at dir have
// CPU settings.
func enableCPUController(dir string) error {
	have, err := os.ReadFile(filepath.Join(dir, "cgroup.subtree_control"))
	if err != nil {
		return err
	}
	if strings.Contains(" "+strings.TrimSpace(string(have))+" ", " cpu ") {
		return nil
	}
	if err := os.WriteFile(filepath.Join(dir, "cgroup.subtree_control"), []byte("+cpu"), 0); err != nil {
		return fmt.Errorf("enable the cpu controller for the sandbox cgroup: %w", err)
	}
	return nil
}

// SandboxCgroupCPU reads back the CPU priority of the sandbox's cgroup, as
// "cpu.idle=1" or "cpu.shares=2" say, or "" if there is no such cgroup.
func SandboxCgroupCPU() string {
	for _, unified := range []bool{false, true} {
		dir, settings := sandboxCgroup(unified)
		for _, set := range settings {
			b, err := os.ReadFile(filepath.Join(dir, set[0]))
			if err != nil {
				continue
			}
			v := strings.TrimSpace(string(b))
			if set[0] == "cpu.idle" && v != "1" {
				continue
			}
			return set[0] + "=" + v
		}
	}
	return ""
}
