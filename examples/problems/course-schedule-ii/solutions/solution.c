/**
 * Note: The returned array must be malloced, assume caller calls free().
 */
int* findOrder(int numCourses, int** prerequisites, int prerequisitesSize, int* prerequisitesColSize, int* returnSize) {
    int* indegree = calloc(numCourses + 1, sizeof(int));
    int* outdegree = calloc(numCourses + 1, sizeof(int));
    for (int i = 0; i < prerequisitesSize; i++) {
        indegree[prerequisites[i][0]]++;
        outdegree[prerequisites[i][1]]++;
    }
    /* after[start[c] .. start[c+1]) lists the courses that need course c. */
    int* start = calloc(numCourses + 2, sizeof(int));
    for (int c = 0; c < numCourses; c++) start[c + 1] = start[c] + outdegree[c];
    int* fill = malloc((numCourses + 1) * sizeof(int));
    memcpy(fill, start, numCourses * sizeof(int));
    int* after = malloc((prerequisitesSize + 1) * sizeof(int));
    for (int i = 0; i < prerequisitesSize; i++) after[fill[prerequisites[i][1]]++] = prerequisites[i][0];
    int* order = malloc((numCourses + 1) * sizeof(int));
    int n = 0;
    for (int c = 0; c < numCourses; c++)
        if (indegree[c] == 0) order[n++] = c;
    for (int k = 0; k < n; k++) {
        int c = order[k];
        for (int e = start[c]; e < start[c + 1]; e++)
            if (--indegree[after[e]] == 0) order[n++] = after[e];
    }
    free(indegree);
    free(outdegree);
    free(start);
    free(fill);
    free(after);
    *returnSize = n == numCourses ? n : 0;
    return order;
}
