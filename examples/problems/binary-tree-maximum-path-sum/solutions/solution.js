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
 * @return {number}
 */
var maxPathSum = function(root) {
    // Visit parents before children, then fold the gains bottom-up, so that
    // a deep tree needs no recursion.
    const order = [];
    const stack = [root];
    while (stack.length > 0) {
        const node = stack.pop();
        order.push(node);
        if (node.left) stack.push(node.left);
        if (node.right) stack.push(node.right);
    }
    const gain = new Map();
    const gainOf = (node) => (node ? gain.get(node) : 0);
    let best = root.val;
    for (let i = order.length - 1; i >= 0; i--) {
        const node = order[i];
        const left = Math.max(0, gainOf(node.left));
        const right = Math.max(0, gainOf(node.right));
        best = Math.max(best, node.val + left + right);
        gain.set(node, node.val + Math.max(left, right));
    }
    return best;
};
