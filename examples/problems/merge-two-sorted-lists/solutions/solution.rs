impl Solution {
    /// Splices the smaller head onto the tail until one list runs out.
    pub fn merge_two_lists(list1: Option<Box<ListNode>>, list2: Option<Box<ListNode>>) -> Option<Box<ListNode>> {
        let (mut a, mut b) = (list1, list2);
        let mut head: Option<Box<ListNode>> = None;
        let mut tail = &mut head;
        loop {
            let take_a = match (&a, &b) {
                (Some(x), Some(y)) => x.val <= y.val,
                _ => break,
            };
            let from = if take_a { &mut a } else { &mut b };
            let mut node = from.take().unwrap();
            *from = node.next.take();
            tail = &mut tail.insert(node).next;
        }
        *tail = if a.is_some() { a } else { b };
        head
    }
}
