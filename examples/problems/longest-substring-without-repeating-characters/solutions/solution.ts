function lengthOfLongestSubstring(s: string): number {
    const last = new Map<number, number>();
    let best = 0, start = 0;
    for (let i = 0; i < s.length; i++) {
        const c = s.charCodeAt(i);
        const seen = last.get(c);
        if (seen !== undefined && seen >= start) {
            start = seen + 1;
        }
        last.set(c, i);
        best = Math.max(best, i - start + 1);
    }
    return best;
};
