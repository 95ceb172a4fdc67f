class Solution {
    public int[] findOrder(int numCourses, int[][] prerequisites) {
        int[] indegree = new int[numCourses];
        List<List<Integer>> after = new ArrayList<>();
        for (int i = 0; i < numCourses; i++) {
            after.add(new ArrayList<>());
        }
        for (int[] p : prerequisites) {
            after.get(p[1]).add(p[0]);
            indegree[p[0]]++;
        }
        Deque<Integer> ready = new ArrayDeque<>();
        for (int i = 0; i < numCourses; i++) {
            if (indegree[i] == 0) {
                ready.add(i);
            }
        }
        int[] order = new int[numCourses];
        int n = 0;
        while (!ready.isEmpty()) {
            int course = ready.poll();
            order[n++] = course;
            for (int next : after.get(course)) {
                if (--indegree[next] == 0) {
                    ready.add(next);
                }
            }
        }
        return n == numCourses ? order : new int[0];
    }
}
