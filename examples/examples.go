// Package examples holds the bundled problem set and example configuration.
// It doubles as the test fixtures of the other packages.
package examples

import "embed"

// Problems is the bundled problem set, one folder per problem under
// "problems".
//
//go:embed problems
var Problems embed.FS
