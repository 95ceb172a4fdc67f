class Solution:
    def spiralOrder(self, matrix: List[List[int]]) -> List[int]:
        out = []
        top, bottom, left, right = 0, len(matrix) - 1, 0, len(matrix[0]) - 1
        while top <= bottom and left <= right:
            out += matrix[top][left:right + 1]
            out += [matrix[i][right] for i in range(top + 1, bottom + 1)]
            # Walks back along a single remaining row or column twice.
            out += matrix[bottom][left:right][::-1]
            out += [matrix[i][left] for i in range(bottom - 1, top, -1)]
            top, bottom, left, right = top + 1, bottom - 1, left + 1, right - 1
        return out
