function maxArea(height: number[]): number {
    let i = 0, j = height.length - 1, best = 0;
    while (i < j) {
        const hi = height[i], hj = height[j];
        if (hi < hj) {
            best = Math.max(best, (j - i) * hi);
            i++;
        } else {
            best = Math.max(best, (j - i) * hj);
            j--;
        }
    }
    return best;
};
