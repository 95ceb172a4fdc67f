function minDistance(word1: string, word2: string): number {
    const m = word1.length, n = word2.length;
    let prev = new Int32Array(n + 1);
    let cur = new Int32Array(n + 1);
    for (let j = 0; j <= n; j++) {
        prev[j] = j;
    }
    for (let i = 1; i <= m; i++) {
        const a = word1.charCodeAt(i - 1);
        cur[0] = i;
        for (let j = 1; j <= n; j++) {
            if (a === word2.charCodeAt(j - 1)) {
                cur[j] = prev[j - 1];
            } else {
                cur[j] = 1 + Math.min(prev[j - 1], prev[j], cur[j - 1]);
            }
        }
        [prev, cur] = [cur, prev];
    }
    return prev[n];
};
