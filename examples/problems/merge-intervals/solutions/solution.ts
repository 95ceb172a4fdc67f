function merge(intervals: number[][]): number[][] {
    const sorted = intervals.slice().sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    const out: number[][] = [];
    for (const [start, end] of sorted) {
        const last = out[out.length - 1];
        if (last !== undefined && start <= last[1]) {
            last[1] = Math.max(last[1], end);
        } else {
            out.push([start, end]);
        }
    }
    return out;
};
