// Package examples holds the bundled problem set and example configuration.
// It doubles as the test fixtures of the other packages.
package examples

import "embed"

// Problems is the bundled problem set, one folder per problem under
// "problems". (all: keeps the dot files of ICPC packages, as .timelimit.)
//
//go:embed all:problems
var Problems embed.FS
