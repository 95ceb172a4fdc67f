use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    /// Walks the tree level by level and averages each level's values.
    pub fn average_of_levels(root: Option<Rc<RefCell<TreeNode>>>) -> Vec<f64> {
        let mut out = Vec::new();
        let mut level: Vec<Rc<RefCell<TreeNode>>> = root.into_iter().collect();
        while !level.is_empty() {
            let sum: i64 = level.iter().map(|n| n.borrow().val as i64).sum();
            out.push(sum as f64 / level.len() as f64);
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
