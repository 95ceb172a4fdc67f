class Solution {
public:
    vector<bool> kidsWithCandies(vector<int>& candies, int extraCandies) {
        int most = *max_element(candies.begin(), candies.end());
        vector<bool> out;
        for (int c : candies) out.push_back(c + extraCandies >= most);
        return out;
    }
};
