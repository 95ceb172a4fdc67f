class Solution {
public:
    vector<vector<int>> subsets(vector<int>& nums) {
        vector<vector<int>> out = {{}};
        for (int x : nums) {
            for (size_t i = 0, n = out.size(); i < n; i++) {
                vector<int> s = out[i];
                s.push_back(x);
                out.push_back(s);
            }
        }
        return out;
    }
};
