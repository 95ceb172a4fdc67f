use std::cmp::Reverse;

impl Solution {
    /// Repeatedly takes the smallest head from a min-heap of the lists'
    /// heads, ties broken by list index so the merge is stable.
    pub fn merge_k_lists(lists: Vec<Option<Box<ListNode>>>) -> Option<Box<ListNode>> {
        let mut heads: Vec<Option<Box<ListNode>>> = lists;
        let mut heap = BinaryHeap::new();
        for (i, head) in heads.iter().enumerate() {
            if let Some(node) = head {
                heap.push(Reverse((node.val, i)));
            }
        }
        let mut merged: Vec<Box<ListNode>> = Vec::new();
        while let Some(Reverse((_, i))) = heap.pop() {
            let mut node = heads[i].take().unwrap();
            heads[i] = node.next.take();
            if let Some(next) = &heads[i] {
                heap.push(Reverse((next.val, i)));
            }
            merged.push(node);
        }
        // Link the nodes back to front.
        let mut head = None;
        while let Some(mut node) = merged.pop() {
            node.next = head;
            head = Some(node);
        }
        head
    }
}
