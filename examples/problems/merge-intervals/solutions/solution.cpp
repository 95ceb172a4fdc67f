class Solution {
public:
    vector<vector<int>> merge(vector<vector<int>>& intervals) {
        sort(intervals.begin(), intervals.end());
        vector<vector<int>> out;
        for (auto& in : intervals) {
            if (!out.empty() && in[0] <= out.back()[1]) {
                out.back()[1] = max(out.back()[1], in[1]);
            } else {
                out.push_back({in[0], in[1]});
            }
        }
        return out;
    }
};
