use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    /// Counts the levels of a breadth-first walk.
    pub fn max_depth(root: Option<Rc<RefCell<TreeNode>>>) -> i32 {
        let mut depth = 0;
        let mut level: Vec<Rc<RefCell<TreeNode>>> = root.into_iter().collect();
        while !level.is_empty() {
            depth += 1;
            let mut next = Vec::new();
            for node in &level {
                let node = node.borrow();
                next.extend(node.left.clone());
                next.extend(node.right.clone());
            }
            level = next;
        }
        depth
    }
}
