//go:build ignore

package main

func averageOfLevels(root *TreeNode) []float64 {
	var out []float64
	var level []*TreeNode
	if root != nil {
		level = append(level, root)
	}
	for len(level) > 0 {
		var next []*TreeNode
		sum := 0
		for _, node := range level {
			sum += node.Val
			if node.Left != nil {
				next = append(next, node.Left)
			}
			if node.Right != nil {
				next = append(next, node.Right)
			}
		}
		out = append(out, float64(sum)/float64(len(level)))
		level = next
	}
	return out
}
