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

function averageOfLevels(root: TreeNode | null): number[] {
    const out: number[] = [];
    let level: TreeNode[] = root ? [root] : [];
    while (level.length > 0) {
        let sum = 0;
        const next: TreeNode[] = [];
        for (const node of level) {
            sum += node.val;
            if (node.left) {
                next.push(node.left);
            }
            if (node.right) {
                next.push(node.right);
            }
        }
        out.push(sum / level.length);
        level = next;
    }
    return out;
};
