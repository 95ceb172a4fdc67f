//go:build linux

package main

// auditArch is AUDIT_ARCH_AARCH64.
const auditArch = 0xc00000b7

// sysSetns is setns(2), which package syscall does not name.
const sysSetns = 268
