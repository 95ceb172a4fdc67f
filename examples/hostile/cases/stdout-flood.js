// Prints to stdout with console.log without end.
/**
 * @param {number} x
 * @return {number}
 */
var probe = function(x) {
    const line = "flood ".repeat(100);
    for (;;) {
        console.log(line, x);
    }
};
