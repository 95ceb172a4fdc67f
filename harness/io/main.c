#include <stdio.h>

int main(void) {
    /* Solve the problem: read the input with scanf, write the answer with printf. */
    return 0;
}
