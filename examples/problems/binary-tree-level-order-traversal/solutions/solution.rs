use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    /// Breadth-first, one level at a time.
    pub fn level_order(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<Vec<i32>> {
        let mut out = Vec::new();
        let mut level: Vec<Rc<RefCell<TreeNode>>> = root.into_iter().collect();
        while !level.is_empty() {
            out.push(level.iter().map(|n| n.borrow().val).collect());
            let mut next = Vec::new();
            for node in &level {
                let node = node.borrow();
                next.extend(node.left.clone());
                next.extend(node.right.clone());
            }
            level = next;
        }
        out
    }
}
