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
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
int** levelOrder(struct TreeNode* root, int* returnSize, int** returnColumnSizes) {
    int n = countNodes(root);
    struct TreeNode** queue = malloc((n + 1) * sizeof(struct TreeNode*));
    int** out = malloc((n + 1) * sizeof(int*));
    int* sizes = malloc((n + 1) * sizeof(int));
    int head = 0, tail = 0, levels = 0;
    if (root) queue[tail++] = root;
    while (head < tail) {
        int end = tail;
        int* level = malloc((end - head) * sizeof(int));
        for (int i = head; i < end; i++) {
            level[i - head] = queue[i]->val;
            if (queue[i]->left) queue[tail++] = queue[i]->left;
            if (queue[i]->right) queue[tail++] = queue[i]->right;
        }
        sizes[levels] = end - head;
        out[levels++] = level;
        head = end;
    }
    free(queue);
    *returnSize = levels;
    *returnColumnSizes = sizes;
    return out;
}
