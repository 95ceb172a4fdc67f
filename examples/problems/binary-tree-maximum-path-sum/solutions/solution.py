class Solution:
    def maxPathSum(self, root: Optional[TreeNode]) -> int:
        order, stack = [], [root]
        while stack:
            node = stack.pop()
            order.append(node)
            stack += [c for c in (node.left, node.right) if c]
        gain = {None: 0}
        best = root.val
        for node in reversed(order):
            left = max(0, gain[node.left])
            right = max(0, gain[node.right])
            best = max(best, node.val + left + right)
            gain[node] = node.val + max(left, right)
        return best
