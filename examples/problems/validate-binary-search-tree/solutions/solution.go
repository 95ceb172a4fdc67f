//go:build ignore

package main

import "math"

func isValidBST(root *TreeNode) bool {
	return valid(root, math.MinInt64, math.MaxInt64)
}

// valid reports whether every value under node lies strictly between lo and hi.
func valid(node *TreeNode, lo, hi int) bool {
	if node == nil {
		return true
	}
	return node.Val > lo && node.Val < hi && valid(node.Left, lo, node.Val) && valid(node.Right, node.Val, hi)
}
