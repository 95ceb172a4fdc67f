class Solution:
    def maxPathSum(self, root: Optional[TreeNode]) -> int:
        # Always extends the path into both children, even at a loss.
        best = root.val
        def down(node):
            nonlocal best
            if not node:
                return 0
            left, right = down(node.left), down(node.right)
            best = max(best, node.val + left + right)
            return node.val + max(left, right)
        down(root)
        return best
