class Solution:
    def findOrder(self, numCourses: int, prerequisites: List[List[int]]) -> List[int]:
        # Depth-first post-order without noticing a cycle.
        needs = [[] for _ in range(numCourses)]
        for a, b in prerequisites:
            needs[a].append(b)
        seen, order = [False] * numCourses, []
        def visit(c):
            if seen[c]:
                return
            seen[c] = True
            for b in needs[c]:
                visit(b)
            order.append(c)
        for c in range(numCourses):
            visit(c)
        return order
