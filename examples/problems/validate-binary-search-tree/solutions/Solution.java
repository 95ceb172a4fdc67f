class Solution {
    public boolean isValidBST(TreeNode root) {
        return valid(root, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    // valid reports whether every value under node lies strictly between lo and hi.
    private boolean valid(TreeNode node, long lo, long hi) {
        if (node == null) {
            return true;
        }
        return node.val > lo && node.val < hi && valid(node.left, lo, node.val) && valid(node.right, node.val, hi);
    }
}
