class Solution {
    public int[] spiralOrder(int[][] matrix) {
        int top = 0, bottom = matrix.length - 1, left = 0, right = matrix[0].length - 1;
        int[] out = new int[matrix.length * matrix[0].length];
        int n = 0;
        while (top <= bottom && left <= right) {
            for (int j = left; j <= right; j++) {
                out[n++] = matrix[top][j];
            }
            for (int i = top + 1; i <= bottom; i++) {
                out[n++] = matrix[i][right];
            }
            if (top < bottom && left < right) {
                for (int j = right - 1; j >= left; j--) {
                    out[n++] = matrix[bottom][j];
                }
                for (int i = bottom - 1; i > top; i--) {
                    out[n++] = matrix[i][left];
                }
            }
            top++;
            bottom--;
            left++;
            right--;
        }
        return out;
    }
}
