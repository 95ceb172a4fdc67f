// Package problems defines the language-neutral problem package: its metadata
// and limits, the typed function signature, test cases as JSON values, and the
// checkers that compare an expected value with the value a solution returned.
//
// A problem is a folder:
//
//	problem.yaml   slug, title, difficulty, tags, limits, signature, checker
//	statement.md   the statement in Markdown
//	tests/*.json   test cases; each file holds one case or an array of cases
//	solutions/     reference solutions, one per language, all must be accepted
//	wrong/         known-wrong solutions, with the verdict each must get
//
// The package knows nothing of HTTP, SQL or containers.
package problems
