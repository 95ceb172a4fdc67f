use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    /// For every node, the best path bending there takes the node plus the
    /// best non-negative downward gain of each child. The nodes are visited
    /// children first, without recursion, so deep trees are fine.
    pub fn max_path_sum(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {
        let root = match root {
            Some(r) => r,
            None => return 0,
        };
        // Pre-order with parents before children; reversed, children come first.
        let mut order = Vec::new();
        let mut stack = vec![root];
        while let Some(node) = stack.pop() {
            {
                let n = node.borrow();
                stack.extend(n.left.clone());
                stack.extend(n.right.clone());
            }
            order.push(node);
        }
        let mut gain: HashMap<*const RefCell<TreeNode>, i32> = HashMap::new();
        let gain_of = |gain: &HashMap<*const RefCell<TreeNode>, i32>, child: &Option<Rc<RefCell<TreeNode>>>| {
            child.as_ref().map_or(0, |c| gain[&Rc::as_ptr(c)].max(0))
        };
        let mut best = i32::MIN;
        for node in order.iter().rev() {
            let n = node.borrow();
            let (left, right) = (gain_of(&gain, &n.left), gain_of(&gain, &n.right));
            best = best.max(n.val + left + right);
            gain.insert(Rc::as_ptr(node), n.val + left.max(right));
        }
        best
    }
}
