static int min3(int a, int b, int c) {
    int m = a < b ? a : b;
    return m < c ? m : c;
}

int minDistance(char* word1, char* word2) {
    int m = strlen(word1), n = strlen(word2);
    int* prev = malloc((n + 1) * sizeof(int));
    int* cur = malloc((n + 1) * sizeof(int));
    for (int j = 0; j <= n; j++) prev[j] = j;
    for (int i = 1; i <= m; i++) {
        cur[0] = i;
        for (int j = 1; j <= n; j++) {
            if (word1[i - 1] == word2[j - 1]) {
                cur[j] = prev[j - 1];
            } else {
                cur[j] = 1 + min3(prev[j - 1], prev[j], cur[j - 1]);
            }
        }
        int* t = prev;
        prev = cur;
        cur = t;
    }
    int d = prev[n];
    free(prev);
    free(cur);
    return d;
}
