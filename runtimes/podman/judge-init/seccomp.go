//go:build linux

package main

import (
	"runtime"
	"syscall"
	"unsafe"
)

// A seccomp filter that judge-init adds, for the command, to the container's
// default profile: that profile lets an unprivileged process create a user
// namespace, in which it holds every capability and can mount a tmpfs, whose
// memory no limit of ours counts. So no namespaces: unshare and setns fail,
// clone with a namespace flag fails, and clone3 (whose flags seccomp cannot
// read) says it does not exist, so that C libraries fall back to clone.
// System calls of another architecture (int 0x80 on amd64) fail too, as
// their numbers mean other calls.

// Classic BPF opcodes and seccomp return values (linux/filter.h, seccomp.h).
const (
	bpfLdAbs     = 0x20 // BPF_LD | BPF_W | BPF_ABS
	bpfJeqK      = 0x15 // BPF_JMP | BPF_JEQ | BPF_K
	bpfJsetK     = 0x45 // BPF_JMP | BPF_JSET | BPF_K
	bpfRetK      = 0x06 // BPF_RET | BPF_K
	retAllow     = 0x7fff0000
	retErrno     = 0x00050000
	sysClone3    = 435
	prSeccomp    = 22 // PR_SET_SECCOMP
	prNoNewPrivs = 38 // PR_SET_NO_NEW_PRIVS
	modeFilter   = 2  // SECCOMP_MODE_FILTER
	// CLONE_NEWNS, NEWCGROUP, NEWUTS, NEWIPC, NEWUSER, NEWPID, NEWNET, NEWTIME.
	cloneNewMask = 0x00020000 | 0x02000000 | 0x04000000 | 0x08000000 | 0x10000000 | 0x20000000 | 0x40000000 | 0x00000080
)

// Offsets in struct seccomp_data.
const (
	offNr   = 0
	offArch = 4
	offArg0 = 16 // the low half of args[0] on little-endian machines
)

type sockFilter struct {
	code uint16
	jt   uint8
	jf   uint8
	k    uint32
}

type sockFprog struct {
	len    uint16
	filter *sockFilter
}

// filter is the program; jumps are relative to the next instruction.
func filter() []sockFilter {
	eperm := uint32(retErrno | uint32(syscall.EPERM))
	enosys := uint32(retErrno | uint32(syscall.ENOSYS))
	return []sockFilter{
		/* 0 */ {bpfLdAbs, 0, 0, offArch},
		/* 1 */ {bpfJeqK, 1, 0, auditArch},
		/* 2 */ {bpfRetK, 0, 0, eperm},
		/* 3 */ {bpfLdAbs, 0, 0, offNr},
		/* 4 */ {bpfJeqK, 6, 0, syscall.SYS_UNSHARE}, // -> 11
		/* 5 */ {bpfJeqK, 5, 0, sysSetns}, // -> 11
		/* 6 */ {bpfJeqK, 5, 0, sysClone3}, // -> 12
		/* 7 */ {bpfJeqK, 0, 2, syscall.SYS_CLONE}, // -> 8, else 10
		/* 8 */ {bpfLdAbs, 0, 0, offArg0},
		/* 9 */ {bpfJsetK, 1, 0, cloneNewMask}, // -> 11, else 10
		/* 10 */ {bpfRetK, 0, 0, retAllow},
		/* 11 */ {bpfRetK, 0, 0, eperm},
		/* 12 */ {bpfRetK, 0, 0, enosys},
	}
}

// installFilter applies the filter to this thread, which must be the one
// that execs the command: seccomp filters hold per thread and carry over
// exec. It needs no privilege under no-new-privileges, which it sets.
func installFilter() error {
	runtime.LockOSThread()
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prNoNewPrivs, 1, 0); e != 0 {
		return e
	}
	prog := filter()
	fp := sockFprog{len: uint16(len(prog)), filter: &prog[0]}
	if _, _, e := syscall.RawSyscall(syscall.SYS_PRCTL, prSeccomp, modeFilter, uintptr(unsafe.Pointer(&fp))); e != 0 {
		return e
	}
	runtime.KeepAlive(prog)
	return nil
}
