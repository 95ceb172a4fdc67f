/**
 * Definition for a binary tree node.
 * class TreeNode {
 *     val: number
 *     left: TreeNode | null
 *     right: TreeNode | null
 *     constructor(val?: number, left?: TreeNode | null, right?: TreeNode | null) {
 *         this.val = (val===undefined ? 0 : val)
 *         this.left = (left===undefined ? null : left)
 *         this.right = (right===undefined ? null : right)
 *     }
 * }
 */

function isValidBST(root: TreeNode | null): boolean {
    // Each entry is a node and the open interval its value must lie in; a
    // null bound is no bound.
    const stack: Array<[TreeNode | null, number | null, number | null]> = [[root, null, null]];
    while (stack.length > 0) {
        const [node, lo, hi] = stack.pop()!;
        if (node === null) {
            continue;
        }
        if ((lo !== null && node.val <= lo) || (hi !== null && node.val >= hi)) {
            return false;
        }
        stack.push([node.left, lo, node.val]);
        stack.push([node.right, node.val, hi]);
    }
    return true;
};
