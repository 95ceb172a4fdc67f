//go:build ignore

package main

func levelOrder(root *TreeNode) [][]int {
	var out [][]int
	var level []*TreeNode
	if root != nil {
		level = append(level, root)
	}
	for len(level) > 0 {
		var next []*TreeNode
		vals := make([]int, len(level))
		for i, node := range level {
			vals[i] = node.Val
			if node.Left != nil {
				next = append(next, node.Left)
			}
			if node.Right != nil {
				next = append(next, node.Right)
			}
		}
		out = append(out, vals)
		level = next
	}
	return out
}
