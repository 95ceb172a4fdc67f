class Solution:
    def findOrder(self, numCourses: int, prerequisites: List[List[int]]) -> List[int]:
        indegree = [0] * numCourses
        after = [[] for _ in range(numCourses)]
        for a, b in prerequisites:
            after[b].append(a)
            indegree[a] += 1
        ready = deque(i for i in range(numCourses) if indegree[i] == 0)
        order = []
        while ready:
            course = ready.popleft()
            order.append(course)
            for nxt in after[course]:
                indegree[nxt] -= 1
                if indegree[nxt] == 0:
                    ready.append(nxt)
        return order if len(order) == numCourses else []
