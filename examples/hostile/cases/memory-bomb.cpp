// Grows a vector of long long without end, touching every element.
class Solution {
public:
    long long probe(long long x) {
        vector<long long> hoard;
        for (long long i = x;; i++) hoard.push_back(i);
        return (long long)hoard.size();
    }
};
