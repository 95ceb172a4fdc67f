// TreeNode support of the judge's Rust harness: harness/rust.go puts this
// text into the module `judge_harness::tree` when a signature uses TreeNode.
// A tree travels in level order with null for a missing child, as LeetCode
// writes it: tokens "length 1 null 2 3", JSON [1,null,2,3] without trailing
// nulls.

use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;

use super::{FromTokens, ToJson, Tokens, MAX_NODES};
use crate::TreeNode;

type Tree = Option<Rc<RefCell<TreeNode>>>;

fn node(val: i32) -> Rc<RefCell<TreeNode>> {
    Rc::new(RefCell::new(TreeNode::new(val)))
}

impl FromTokens for Option<Rc<RefCell<TreeNode>>> {
    fn read(t: &mut Tokens) -> Self {
        let n: usize = t.parse();
        let entries: Vec<Option<i32>> = (0..n)
            .map(|_| match t.next() {
                "null" => None,
                tok => Some(tok.parse().unwrap_or_else(|_| panic!("judge harness: bad tree entry {:?}", tok))),
            })
            .collect();
        let root = match entries.first() {
            Some(&Some(val)) => node(val),
            _ => return None,
        };
        // Each node in the queue takes the next two entries as its children.
        let mut queue = VecDeque::from(vec![root.clone()]);
        let mut rest = entries[1..].iter();
        'fill: while let Some(parent) = queue.pop_front() {
            for left in [true, false] {
                let entry = match rest.next() {
                    Some(e) => e,
                    None => break 'fill,
                };
                if let Some(val) = *entry {
                    let child = node(val);
                    let mut p = parent.borrow_mut();
                    if left {
                        p.left = Some(child.clone());
                    } else {
                        p.right = Some(child.clone());
                    }
                    queue.push_back(child);
                }
            }
        }
        Some(root)
    }
}

impl ToJson for Option<Rc<RefCell<TreeNode>>> {
    fn write_json(&self, out: &mut String) -> Result<(), String> {
        let mut entries: Vec<Option<i32>> = Vec::new();
        let mut nodes = 0;
        let mut queue: VecDeque<Tree> = VecDeque::new();
        queue.push_back(self.clone());
        while let Some(entry) = queue.pop_front() {
            let rc = match entry {
                Some(rc) => rc,
                None => {
                    entries.push(None);
                    continue;
                }
            };
            let n = rc.try_borrow().map_err(|_| "a tree node is still mutably borrowed".to_string())?;
            nodes += 1;
            if nodes > MAX_NODES {
                return Err(format!("the tree has a cycle or more than {} nodes", MAX_NODES));
            }
            entries.push(Some(n.val));
            queue.push_back(n.left.clone());
            queue.push_back(n.right.clone());
        }
        while let Some(None) = entries.last() {
            entries.pop();
        }
        out.push('[');
        for (i, e) in entries.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            match e {
                Some(v) => v.write_json(out)?,
                None => out.push_str("null"),
            }
        }
        out.push(']');
        Ok(())
    }

    /// Takes the tree apart node by node, so that dropping a deep tree never
    /// recurses. Nodes that something else still holds are left alone.
    fn release(self) {
        let mut stack: Vec<Rc<RefCell<TreeNode>>> = self.into_iter().collect();
        while let Some(rc) = stack.pop() {
            if let Ok(cell) = Rc::try_unwrap(rc) {
                let mut n = cell.into_inner();
                stack.extend(n.left.take());
                stack.extend(n.right.take());
            }
        }
    }
}
