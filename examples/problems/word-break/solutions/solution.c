bool wordBreak(char* s, char** wordDict, int wordDictSize) {
    int n = strlen(s);
    bool* ok = calloc(n + 1, sizeof(bool));
    ok[0] = true;
    for (int i = 0; i < n; i++) {
        if (!ok[i]) continue;
        for (int w = 0; w < wordDictSize; w++) {
            int len = strlen(wordDict[w]);
            if (len <= n - i && strncmp(s + i, wordDict[w], len) == 0) ok[i + len] = true;
        }
    }
    bool result = ok[n];
    free(ok);
    return result;
}
