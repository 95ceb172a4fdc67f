function threeSum(nums: number[]): number[][] {
    const a = Int32Array.from(nums).sort();
    const n = a.length;
    const out: number[][] = [];
    for (let i = 0; i < n - 2; i++) {
        const x = a[i];
        if (x > 0) {
            break;
        }
        if (i > 0 && x === a[i - 1]) {
            continue;
        }
        let lo = i + 1, hi = n - 1;
        while (lo < hi) {
            const s = x + a[lo] + a[hi];
            if (s < 0) {
                lo++;
            } else if (s > 0) {
                hi--;
            } else {
                out.push([x, a[lo], a[hi]]);
                lo++;
                while (lo < hi && a[lo] === a[lo - 1]) {
                    lo++;
                }
                hi--;
            }
        }
    }
    return out;
};
