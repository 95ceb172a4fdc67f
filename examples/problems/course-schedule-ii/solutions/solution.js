/**
 * @param {number} numCourses
 * @param {number[][]} prerequisites
 * @return {number[]}
 */
var findOrder = function(numCourses, prerequisites) {
    const indegree = new Int32Array(numCourses);
    const after = Array.from({ length: numCourses }, () => []);
    for (const [a, b] of prerequisites) {
        after[b].push(a);
        indegree[a]++;
    }
    const order = [];
    for (let i = 0; i < numCourses; i++) {
        if (indegree[i] === 0) order.push(i);
    }
    // order doubles as the queue: courses are taken in the order they
    // become ready.
    for (let q = 0; q < order.length; q++) {
        for (const next of after[order[q]]) {
            if (--indegree[next] === 0) order.push(next);
        }
    }
    return order.length === numCourses ? order : [];
};
