/**
 * @param {number[][]} matrix
 * @return {number[][]}
 */
var transpose = function(matrix) {
    const m = matrix.length, n = matrix[0].length;
    const out = [];
    for (let j = 0; j < n; j++) {
        const row = new Array(m);
        for (let i = 0; i < m; i++) row[i] = matrix[i][j];
        out.push(row);
    }
    return out;
};
