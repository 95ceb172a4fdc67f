// Recurses without end until the stack gives out.
/**
 * @param {number} x
 * @return {number}
 */
var probe = function(x) {
    return probe(x + 1) + 1;
};
