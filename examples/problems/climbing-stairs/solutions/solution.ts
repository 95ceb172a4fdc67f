function climbStairs(n: number): bigint {
    // The count passes 2^53 for n > 77: a BigInt keeps it exact.
    let a = 1n, b = 1n;
    for (let i = 0; i < n; i++) {
        [a, b] = [b, a + b];
    }
    return a;
};
