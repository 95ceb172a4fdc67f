static int compareChars(const void* a, const void* b) {
    return *(const unsigned char*)a - *(const unsigned char*)b;
}

/* A word with its sorted letters and where it came from. */
struct keyed {
    char* key;
    int index;
};

static int compareKeyed(const void* a, const void* b) {
    const struct keyed *x = a, *y = b;
    int c = strcmp(x->key, y->key);
    return c ? c : x->index - y->index;
}

/**
 * Return an array of arrays of size *returnSize.
 * The sizes of the arrays are returned as *returnColumnSizes array.
 * Note: Both returned array and *columnSizes array must be malloced, assume caller calls free().
 */
char*** groupAnagrams(char** strs, int strsSize, int* returnSize, int** returnColumnSizes) {
    struct keyed* words = malloc((strsSize + 1) * sizeof(struct keyed));
    for (int i = 0; i < strsSize; i++) {
        words[i].key = strdup(strs[i]);
        qsort(words[i].key, strlen(words[i].key), 1, compareChars);
        words[i].index = i;
    }
    qsort(words, strsSize, sizeof(struct keyed), compareKeyed);
    char*** out = malloc((strsSize + 1) * sizeof(char**));
    int* sizes = malloc((strsSize + 1) * sizeof(int));
    int groups = 0;
    for (int i = 0; i < strsSize;) {
        int j = i;
        while (j < strsSize && strcmp(words[j].key, words[i].key) == 0) j++;
        out[groups] = malloc((j - i) * sizeof(char*));
        for (int k = i; k < j; k++) out[groups][k - i] = strdup(strs[words[k].index]);
        sizes[groups++] = j - i;
        i = j;
    }
    for (int i = 0; i < strsSize; i++) free(words[i].key);
    free(words);
    *returnSize = groups;
    *returnColumnSizes = sizes;
    return out;
}
