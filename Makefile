# judge: build, demo and tests. `make demo` and `make test` set up a fresh
# Debian/Ubuntu host themselves (as root): packages, binary, runtime images.

SHELL := /bin/bash
export PATH := /usr/local/go/bin:$(PATH)

# The Podman v5 bindings need these build tags and no cgo.
export CGO_ENABLED := 0
TAGS := remote exclude_graphdriver_btrfs btrfs_noversion exclude_graphdriver_devicemapper containers_image_openpgp
comma := ,
empty :=
space := $(empty) $(empty)
export GOFLAGS := -tags=$(subst $(space),$(comma),$(TAGS))

BIN := bin/judge
# Root file system tarballs, shared by every user's image import.
ROOTFS_CACHE ?= /var/cache/judge/rootfs
E2E_USER ?= judge-e2e

.PHONY: build init setup images demo bench bench-load bench-leaderboard test vet unit e2e e2e-rootful e2e-rootless roundtrip validate package package-test clean

INIT := runtimes/podman/initbin/judge-init

# judge embeds judge-init, the first process of every sandbox container. No
# VCS stamp: its hash labels the images, which must not go stale at a commit.
build: init
	go build -trimpath -o $(BIN) ./cmd/judge

init:
	go build -trimpath -buildvcs=false -ldflags=-s -o $(INIT) ./runtimes/podman/judge-init

setup:
	scripts/setup.sh

images: setup build
	$(BIN) runtimes build --cache $(ROOTFS_CACHE)

demo: images
	scripts/demo.sh $(BIN)

# Submit-to-verdict latency and throughput against the bare floor, rootful
# and rootless (docs/benchmarks.md). The floor runs the languages' toolchains
# on the host.
bench: images
	scripts/setup.sh python3 g++
	scripts/bench.sh $(BIN) $(BENCH_FLAGS)

# The daemon under 1,000 simulated users polling and submitting for 60 s, on
# loopback (docs/benchmarks.md).
bench-load: images
	$(BIN) bench load $(LOAD_FLAGS)

# The contest scoreboard at 100,000 participants: in memory against a Redis
# sorted set, and over HTTP with ETags (docs/benchmarks.md).
bench-leaderboard: images
	scripts/setup.sh redis-server
	$(BIN) bench leaderboard $(LEADERBOARD_FLAGS)

test: vet unit e2e roundtrip validate package-test

vet: setup
	go vet ./...
	go vet -tags="$(TAGS) e2e" ./cmd/judge/

unit: setup
	go test -count=1 ./...

e2e: e2e-rootful e2e-rootless

e2e-rootful: images
	JUDGE_BIN=$(abspath $(BIN)) JUDGE_ROOTFS_CACHE=$(ROOTFS_CACHE) \
		go test -tags="$(TAGS) e2e" -count=1 -v -run 'TestE2E' -timeout 20m ./cmd/judge/

e2e-rootless: images
	scripts/rootless-user.sh $(E2E_USER)
	JUDGE_BIN=$(abspath $(BIN)) JUDGE_ROOTFS_CACHE=$(ROOTFS_CACHE) JUDGE_E2E_USER=$(E2E_USER) \
		go test -tags="$(TAGS) e2e" -count=1 -v -run 'TestE2E' -timeout 20m ./cmd/judge/

# Every type through every language's harness, and prints captured as
# stdout, in the real runtime images.
roundtrip: images
	JUDGE_TEST_PODMAN=default go test -count=1 -v -run 'TestRoundTrip|TestPrints' -timeout 30m ./judge/

# Every reference and known-wrong solution of the bundled problems, in every
# language, judged in the Podman sandbox.
validate: images
	$(BIN) problem validate examples/problems --jobs 2

# Release archives, deb and rpm for linux amd64 and arm64 in dist/
# (goreleaser.yaml), a snapshot of this commit. goreleaser comes from the Go
# module proxy, pinned, built with none of our GOFLAGS. v2.15.1 is the last
# that builds with Go 1.26 from the proxy alone (v2.16 and v2.17 need
# go.digitalxero.dev/go-msix, which the proxy refuses; v2.18 needs Go 1.27).
GORELEASER_VERSION := v2.15.1
GORELEASER := bin/goreleaser-$(GORELEASER_VERSION)/goreleaser

package: $(GORELEASER)
	$(GORELEASER) check
	$(GORELEASER) release --snapshot --clean

$(GORELEASER):
	GOFLAGS= GOBIN=$(abspath $(dir $@)) go install github.com/goreleaser/goreleaser/v2@$(GORELEASER_VERSION)

# The amd64 deb on this machine: installed, its daemon started as its unit
# says, a Python submission judged through it, then purged.
package-test: setup package
	scripts/package-test.sh

clean:
	rm -rf bin dist $(INIT)
