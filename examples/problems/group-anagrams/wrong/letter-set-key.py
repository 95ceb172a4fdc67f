class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        # Keys on which letters occur, not how often.
        groups = defaultdict(list)
        for s in strs:
            groups[frozenset(s)].append(s)
        return list(groups.values())
