//go:build ignore

package main

func maxPathSum(root *TreeNode) int {
	best := root.Val
	// gain returns the largest sum of a path down from node.
	var gain func(node *TreeNode) int
	gain = func(node *TreeNode) int {
		if node == nil {
			return 0
		}
		left := max(0, gain(node.Left))
		right := max(0, gain(node.Right))
		best = max(best, node.Val+left+right)
		return node.Val + max(left, right)
	}
	gain(root)
	return best
}

func max(a, b int) int {
	if a > b {
		return a
	}
	return b
}
