use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    /// Every node must lie strictly between the bounds its ancestors set;
    /// checked with an explicit stack of (node, low, high).
    pub fn is_valid_bst(root: Option<Rc<RefCell<TreeNode>>>) -> bool {
        let mut stack: Vec<(Rc<RefCell<TreeNode>>, i64, i64)> = Vec::new();
        if let Some(r) = root {
            stack.push((r, i64::MIN, i64::MAX));
        }
        while let Some((node, lo, hi)) = stack.pop() {
            let n = node.borrow();
            let v = n.val as i64;
            if v <= lo || v >= hi {
                return false;
            }
            if let Some(l) = &n.left {
                stack.push((Rc::clone(l), lo, v));
            }
            if let Some(r) = &n.right {
                stack.push((Rc::clone(r), v, hi));
            }
        }
        true
    }
}
