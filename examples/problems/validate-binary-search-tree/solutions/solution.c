/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
/* within says whether every value under node lies strictly between lo and
 * hi. */
static bool within(struct TreeNode* node, long long lo, long long hi) {
    if (!node) return true;
    if (node->val <= lo || node->val >= hi) return false;
    return within(node->left, lo, node->val) && within(node->right, node->val, hi);
}

bool isValidBST(struct TreeNode* root) {
    return within(root, LLONG_MIN, LLONG_MAX);
}
