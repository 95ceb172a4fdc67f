class Solution {
    public int[] topKFrequent(int[] nums, int k) {
        Map<Integer, Integer> count = new HashMap<>();
        for (int x : nums) {
            count.merge(x, 1, Integer::sum);
        }
        List<List<Integer>> buckets = new ArrayList<>();
        for (int i = 0; i <= nums.length; i++) {
            buckets.add(new ArrayList<>());
        }
        count.forEach((value, c) -> buckets.get(c).add(value));
        int[] out = new int[k];
        int n = 0;
        for (int c = nums.length; c > 0 && n < k; c--) {
            for (int value : buckets.get(c)) {
                if (n < k) {
                    out[n++] = value;
                }
            }
        }
        return out;
    }
}
