use std::rc::Rc;
use std::cell::RefCell;
impl Solution {
    /// Swaps the children of every node, with an explicit stack.
    pub fn invert_tree(root: Option<Rc<RefCell<TreeNode>>>) -> Option<Rc<RefCell<TreeNode>>> {
        let mut stack: Vec<Rc<RefCell<TreeNode>>> = root.iter().cloned().collect();
        while let Some(node) = stack.pop() {
            let mut n = node.borrow_mut();
            let n = &mut *n;
            std::mem::swap(&mut n.left, &mut n.right);
            stack.extend(n.left.clone());
            stack.extend(n.right.clone());
        }
        root
    }
}
