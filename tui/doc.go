// Package tui holds the bubbletea models of `judge tui`: the problem list, the
// statement view, the editor round trip, live judging and the leaderboard.
package tui
