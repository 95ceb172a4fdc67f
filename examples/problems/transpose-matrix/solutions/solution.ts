function transpose(matrix: number[][]): number[][] {
    const m = matrix.length, n = matrix[0].length;
    const out: number[][] = [];
    for (let j = 0; j < n; j++) {
        const row = new Array<number>(m);
        for (let i = 0; i < m; i++) {
            row[i] = matrix[i][j];
        }
        out.push(row);
    }
    return out;
};
