// ListNode support of the judge's Rust harness: harness/rust.go puts this
// text into the module `judge_harness::list` when a signature uses ListNode.
// A list travels as its values: tokens "length v1 v2 ...", JSON [v1,v2,...].

use super::{FromTokens, ToJson, Tokens};
use crate::ListNode;

impl FromTokens for Option<Box<ListNode>> {
    fn read(t: &mut Tokens) -> Self {
        let n: usize = t.parse();
        let values: Vec<i32> = (0..n).map(|_| t.parse()).collect();
        let mut head = None;
        for &val in values.iter().rev() {
            head = Some(Box::new(ListNode { val, next: head }));
        }
        head
    }
}

impl ToJson for Option<Box<ListNode>> {
    fn write_json(&self, out: &mut String) -> Result<(), String> {
        out.push('[');
        let mut node = self.as_deref();
        let mut first = true;
        while let Some(n) = node {
            if !first {
                out.push(',');
            }
            first = false;
            n.val.write_json(out)?;
            node = n.next.as_deref();
        }
        out.push(']');
        Ok(())
    }

    /// Unlinks the list node by node, so that dropping it never recurses.
    fn release(self) {
        let mut node = self;
        while let Some(mut n) = node {
            node = n.next.take();
        }
    }
}
