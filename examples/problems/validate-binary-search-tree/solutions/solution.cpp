/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     TreeNode *left;
 *     TreeNode *right;
 *     TreeNode() : val(0), left(nullptr), right(nullptr) {}
 *     TreeNode(int x) : val(x), left(nullptr), right(nullptr) {}
 *     TreeNode(int x, TreeNode *left, TreeNode *right) : val(x), left(left), right(right) {}
 * };
 */
class Solution {
public:
    bool isValidBST(TreeNode* root) {
        // An in-order walk of a binary search tree is strictly increasing.
        vector<TreeNode*> stack;
        TreeNode* prev = nullptr;
        for (TreeNode* node = root; node || !stack.empty();) {
            while (node) {
                stack.push_back(node);
                node = node->left;
            }
            node = stack.back();
            stack.pop_back();
            if (prev && prev->val >= node->val) return false;
            prev = node;
            node = node->right;
        }
        return true;
    }
};
