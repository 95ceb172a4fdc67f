class Solution {
public:
    vector<int> findOrder(int numCourses, vector<vector<int>>& prerequisites) {
        vector<int> indegree(numCourses);
        vector<vector<int>> after(numCourses);
        for (auto& p : prerequisites) {
            after[p[1]].push_back(p[0]);
            indegree[p[0]]++;
        }
        vector<int> order;
        for (int i = 0; i < numCourses; i++)
            if (indegree[i] == 0) order.push_back(i);
        for (size_t k = 0; k < order.size(); k++)
            for (int next : after[order[k]])
                if (--indegree[next] == 0) order.push_back(next);
        if ((int)order.size() != numCourses) return {};
        return order;
    }
};
