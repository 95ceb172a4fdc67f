class Solution:
    def findOrder(self, numCourses: int, prerequisites: List[List[int]]) -> List[int]:
        # Reads [a, b] as "a before b".
        indegree = [0] * numCourses
        after = [[] for _ in range(numCourses)]
        for a, b in prerequisites:
            after[a].append(b)
            indegree[b] += 1
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
