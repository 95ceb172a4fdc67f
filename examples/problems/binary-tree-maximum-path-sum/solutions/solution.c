/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
static int max(int a, int b) { return a > b ? a : b; }

/* gain returns the largest sum of a path that goes down from node, and
 * updates *best with the largest path through it. */
static int gain(struct TreeNode* node, int* best) {
    if (!node) return 0;
    int left = max(0, gain(node->left, best));
    int right = max(0, gain(node->right, best));
    *best = max(*best, node->val + left + right);
    return node->val + max(left, right);
}

int maxPathSum(struct TreeNode* root) {
    int best = root->val;
    gain(root, &best);
    return best;
}
