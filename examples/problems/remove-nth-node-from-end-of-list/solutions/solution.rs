impl Solution {
    /// The n-th node from the end is node len - n from the front: count,
    /// then walk to the link that points at it and skip the node.
    pub fn remove_nth_from_end(head: Option<Box<ListNode>>, n: i32) -> Option<Box<ListNode>> {
        let mut len = 0;
        let mut node = head.as_ref();
        while let Some(x) = node {
            len += 1;
            node = x.next.as_ref();
        }
        let mut head = head;
        let mut link = &mut head;
        for _ in 0..len - n {
            link = &mut link.as_mut().unwrap().next;
        }
        let removed = link.take();
        *link = removed.and_then(|r| r.next);
        head
    }
}
