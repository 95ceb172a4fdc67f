package podman

import (
	"os"
	"path/filepath"
	"testing"
)

func TestPrepareIdleCgroup(t *testing.T) {
	read := func(p string) string {
		b, err := os.ReadFile(p)
		if err != nil {
			t.Fatal(err)
		}
		return string(b)
	}
	t.Run("v1", func(t *testing.T) {
		cgroupRoot = t.TempDir()
		t.Cleanup(func() { cgroupRoot = "/sys/fs/cgroup" })
		parent, setting, err := prepareIdleCgroup(false)
		if err != nil || parent != "/judge-sandbox" || setting != "cpu.idle=1" {
			t.Fatalf("got %q %q %v", parent, setting, err)
		}
		if got := read(filepath.Join(cgroupRoot, "cpu", SandboxCgroup, "cpu.idle")); got != "1" {
			t.Fatalf("cpu.idle = %q", got)
		}
		if got := SandboxCgroupCPU(); got != "cpu.idle=1" {
			t.Fatalf("SandboxCgroupCPU = %q", got)
		}
	})
	t.Run("v1 kernel without cpu.idle", func(t *testing.T) {
		cgroupRoot = t.TempDir()
		t.Cleanup(func() { cgroupRoot = "/sys/fs/cgroup" })
		// A directory in its place makes the write fail, as a missing
		// cgroup file does.
		if err := os.MkdirAll(filepath.Join(cgroupRoot, "cpu", SandboxCgroup, "cpu.idle"), 0o755); err != nil {
			t.Fatal(err)
		}
		_, setting, err := prepareIdleCgroup(false)
		if err != nil || setting != "cpu.shares=2" {
			t.Fatalf("got %q %v", setting, err)
		}
		if got := SandboxCgroupCPU(); got != "cpu.shares=2" {
			t.Fatalf("SandboxCgroupCPU = %q", got)
		}
	})
	t.Run("v2 enables the cpu controller", func(t *testing.T) {
		cgroupRoot = t.TempDir()
		t.Cleanup(func() { cgroupRoot = "/sys/fs/cgroup" })
		ctl := filepath.Join(cgroupRoot, "cgroup.subtree_control")
		if err := os.WriteFile(ctl, []byte("memory pids\n"), 0o644); err != nil {
			t.Fatal(err)
		}
		_, setting, err := prepareIdleCgroup(true)
		if err != nil || setting != "cpu.idle=1" {
			t.Fatalf("got %q %v", setting, err)
		}
		if got := read(ctl); got != "+cpu" {
			t.Fatalf("subtree_control written %q, want +cpu", got)
		}
		if got := read(filepath.Join(cgroupRoot, SandboxCgroup, "cpu.idle")); got != "1" {
			t.Fatalf("cpu.idle = %q", got)
		}
	})
	t.Run("v2 without cgroup files", func(t *testing.T) {
		cgroupRoot = t.TempDir()
		t.Cleanup(func() { cgroupRoot = "/sys/fs/cgroup" })
		if _, _, err := prepareIdleCgroup(true); err == nil {
			t.Fatal("no error without cgroup.subtree_control")
		}
	})
}
