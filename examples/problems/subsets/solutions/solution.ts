function subsets(nums: number[]): number[][] {
    const out: number[][] = [[]];
    for (const x of nums) {
        const size = out.length;
        for (let i = 0; i < size; i++) {
            out.push([...out[i], x]);
        }
    }
    return out;
};
