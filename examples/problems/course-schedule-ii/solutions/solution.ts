function findOrder(numCourses: number, prerequisites: number[][]): number[] {
    const indegree = new Int32Array(numCourses);
    const after: number[][] = Array.from({ length: numCourses }, () => []);
    for (const [a, b] of prerequisites) {
        after[b].push(a);
        indegree[a]++;
    }
    const order: number[] = [];
    for (let i = 0; i < numCourses; i++) {
        if (indegree[i] === 0) {
            order.push(i);
        }
    }
    // order doubles as the queue: its unread part is the courses ready.
    for (let head = 0; head < order.length; head++) {
        for (const next of after[order[head]]) {
            if (--indegree[next] === 0) {
                order.push(next);
            }
        }
    }
    return order.length === numCourses ? order : [];
};
