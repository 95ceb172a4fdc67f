class Solution {
    public int[][] levelOrder(TreeNode root) {
        List<int[]> out = new ArrayList<>();
        Deque<TreeNode> level = new ArrayDeque<>();
        if (root != null) {
            level.add(root);
        }
        while (!level.isEmpty()) {
            int[] vals = new int[level.size()];
            for (int i = 0; i < vals.length; i++) {
                TreeNode node = level.poll();
                vals[i] = node.val;
                if (node.left != null) {
                    level.add(node.left);
                }
                if (node.right != null) {
                    level.add(node.right);
                }
            }
            out.add(vals);
        }
        return out.toArray(new int[0][]);
    }
}
