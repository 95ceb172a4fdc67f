/**
 * Definition for a binary tree node.
 * struct TreeNode {
 *     int val;
 *     struct TreeNode *left;
 *     struct TreeNode *right;
 * };
 */
static int countNodes(struct TreeNode* root) {
    return root ? 1 + countNodes(root->left) + countNodes(root->right) : 0;
}

/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
double* averageOfLevels(struct TreeNode* root, int* returnSize) {
    int n = countNodes(root);
    struct TreeNode** queue = malloc((n + 1) * sizeof(struct TreeNode*));
    double* out = malloc((n + 1) * sizeof(double));
    int head = 0, tail = 0, levels = 0;
    if (root) queue[tail++] = root;
    while (head < tail) {
        int end = tail;
        long long sum = 0;
        for (int i = head; i < end; i++) {
            sum += queue[i]->val;
            if (queue[i]->left) queue[tail++] = queue[i]->left;
            if (queue[i]->right) queue[tail++] = queue[i]->right;
        }
        out[levels++] = (double)sum / (end - head);
        head = end;
    }
    free(queue);
    *returnSize = levels;
    return out;
}
