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
 * @return {number[][]}
 */
var levelOrder = function(root) {
    const out = [];
    let level = root ? [root] : [];
    while (level.length > 0) {
        const vals = [];
        const next = [];
        for (const node of level) {
            vals.push(node.val);
            if (node.left) next.push(node.left);
            if (node.right) next.push(node.right);
        }
        out.push(vals);
        level = next;
    }
    return out;
};
