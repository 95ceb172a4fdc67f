class Solution {
    public double[] averageOfLevels(TreeNode root) {
        List<Double> out = new ArrayList<>();
        Deque<TreeNode> level = new ArrayDeque<>();
        if (root != null) {
            level.add(root);
        }
        while (!level.isEmpty()) {
            int n = level.size();
            long sum = 0;
            for (int i = 0; i < n; i++) {
                TreeNode node = level.poll();
                sum += node.val;
                if (node.left != null) {
                    level.add(node.left);
                }
                if (node.right != null) {
                    level.add(node.right);
                }
            }
            out.add((double) sum / n);
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
