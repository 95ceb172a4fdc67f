class Solution {
    public boolean[] kidsWithCandies(int[] candies, int extraCandies) {
        int most = Arrays.stream(candies).max().getAsInt();
        boolean[] out = new boolean[candies.length];
        for (int i = 0; i < candies.length; i++) {
            out[i] = candies[i] + extraCandies >= most;
        }
        return out;
    }
}
