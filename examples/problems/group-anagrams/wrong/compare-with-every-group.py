class Solution:
    def groupAnagrams(self, strs: List[str]) -> List[List[str]]:
        groups = []
        for s in strs:
            key = sorted(s)
            for g in groups:
                if sorted(g[0]) == key:
                    g.append(s)
                    break
            else:
                groups.append([s])
        return groups
