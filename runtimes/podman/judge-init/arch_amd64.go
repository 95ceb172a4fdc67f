//go:build linux

package main

// auditArch is AUDIT_ARCH_X86_64.
const auditArch = 0xc000003e

// sysSetns is setns(2), which package syscall does not name.
const sysSetns = 308
