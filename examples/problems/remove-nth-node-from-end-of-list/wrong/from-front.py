class Solution:
    def removeNthFromEnd(self, head: Optional[ListNode], n: int) -> Optional[ListNode]:
        # Counts from the front instead of the end.
        dummy = ListNode(0, head)
        prev = dummy
        for _ in range(n - 1):
            prev = prev.next
        prev.next = prev.next.next
        return dummy.next
