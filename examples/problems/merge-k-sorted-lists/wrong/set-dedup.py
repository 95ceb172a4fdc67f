class Solution:
    def mergeKLists(self, lists: List[Optional[ListNode]]) -> Optional[ListNode]:
        values = set()
        for node in lists:
            while node:
                values.add(node.val)
                node = node.next
        head = None
        for v in sorted(values, reverse=True):
            head = ListNode(v, head)
        return head
