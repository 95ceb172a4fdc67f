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

function maxPathSum(root: TreeNode | null): number {
    if (root === null) {
        return 0;
    }
    // Visit the nodes parents first, then take them in reverse so that both
    // children's gains are known before their parent's (no recursion: the
    // tree may be a long path).
    const order: TreeNode[] = [];
    const stack: TreeNode[] = [root];
    while (stack.length > 0) {
        const node = stack.pop()!;
        order.push(node);
        if (node.left) {
            stack.push(node.left);
        }
        if (node.right) {
            stack.push(node.right);
        }
    }
    // gain: the best sum of a downward path starting at the node.
    const gain = new Map<TreeNode, number>();
    let best = root.val;
    for (let i = order.length - 1; i >= 0; i--) {
        const node = order[i];
        const left = node.left ? Math.max(0, gain.get(node.left)!) : 0;
        const right = node.right ? Math.max(0, gain.get(node.right)!) : 0;
        best = Math.max(best, node.val + left + right);
        gain.set(node, node.val + Math.max(left, right));
    }
    return best;
};
