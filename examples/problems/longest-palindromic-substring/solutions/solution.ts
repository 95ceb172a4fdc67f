function longestPalindrome(s: string): string {
    const n = s.length;
    let lo = 0, hi = Math.min(n, 1);
    let start = 0;
    while (start < n) {
        // A run of equal characters is the centre of any palindrome through
        // it: expand from the whole run at once.
        let end = start;
        while (end + 1 < n && s[end + 1] === s[start]) {
            end++;
        }
        let i = start - 1, j = end + 1;
        while (i >= 0 && j < n && s[i] === s[j]) {
            i--;
            j++;
        }
        if (j - i - 1 > hi - lo) {
            lo = i + 1;
            hi = j;
        }
        start = end + 1;
    }
    return s.slice(lo, hi);
};
