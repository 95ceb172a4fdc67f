function wordBreak(s: string, wordDict: string[]): boolean {
    const words = new Set(wordDict);
    let longest = 0;
    for (const w of words) {
        longest = Math.max(longest, w.length);
    }
    // ok[i]: s's first i characters break into words.
    const ok: boolean[] = new Array<boolean>(s.length + 1).fill(false);
    ok[0] = true;
    for (let i = 1; i <= s.length; i++) {
        for (let j = Math.max(0, i - longest); j < i; j++) {
            if (ok[j] && words.has(s.slice(j, i))) {
                ok[i] = true;
                break;
            }
        }
    }
    return ok[s.length];
};
