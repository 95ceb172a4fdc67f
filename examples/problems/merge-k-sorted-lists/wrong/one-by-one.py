class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        # Correct, but merging the lists one after another is O(k * N).
        merged = None
        for node in lists:
            dummy = tail = ListNode()
            a, b = merged, node
            while a and b:
                if a.val <= b.val:
                    tail.next, a = a, a.next
                else:
                    tail.next, b = b, b.next
                tail = tail.next
            tail.next = a or b
            merged = dummy.next
        return merged
