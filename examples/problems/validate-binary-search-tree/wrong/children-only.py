class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        # Compares each node with its children only, not its ancestors.
        if not root:
            return True
        if root.left and root.left.val >= root.val:
            return False
        if root.right and root.right.val <= root.val:
            return False
        return self.isValidBST(root.left) and self.isValidBST(root.right)
