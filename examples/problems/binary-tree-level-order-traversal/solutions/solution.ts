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

function levelOrder(root: TreeNode | null): number[][] {
    const out: number[][] = [];
    let level: TreeNode[] = root ? [root] : [];
    while (level.length > 0) {
        const values: number[] = [];
        const next: TreeNode[] = [];
        for (const node of level) {
            values.push(node.val);
            if (node.left) {
                next.push(node.left);
            }
            if (node.right) {
                next.push(node.right);
            }
        }
        out.push(values);
        level = next;
    }
    return out;
};
