/**
 * Definition for a binary tree node.
 * function TreeNode(val, left, right) {
 *     this.val = (val===undefined ? 0 : val)
 *     this.left = (left===undefined ? null : left)
 *     this.right = (right===undefined ? null : right)
 * }
 */
/**
 * @param {TreeNode} root
 * @return {boolean}
 */
var isValidBST = function(root) {
    // Each node must lie strictly between the bounds its ancestors set.
    const stack = [[root, -Infinity, Infinity]];
    while (stack.length > 0) {
        const [node, lo, hi] = stack.pop();
        if (!node) continue;
        if (node.val <= lo || node.val >= hi) return false;
        stack.push([node.left, lo, node.val], [node.right, node.val, hi]);
    }
    return true;
};
