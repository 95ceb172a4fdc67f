// Writes a single 100 MB line without a newline with process.stdout.write, then answers right.
/**
 * @param {number} x
 * @return {number}
 */
var probe = function(x) {
    const chunk = "x".repeat(1 << 20);
    for (let i = 0; i < 100; i++) {
        process.stdout.write(chunk);
    }
    return typeof x === "bigint" ? 3n * x + 1n : 3 * x + 1;
};
