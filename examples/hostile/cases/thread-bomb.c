/* Starts threads that spin forever until thread creation fails, and keeps trying. */
#include <pthread.h>

static void *spin(void *arg) {
    for (volatile unsigned long i = 0;; i++) (void)arg;
    return NULL;
}

long long probe(long long x) {
    for (;;) {
        pthread_t t;
        pthread_attr_t a;
        pthread_attr_init(&a);
        pthread_attr_setstacksize(&a, 65536);
        pthread_create(&t, &a, spin, NULL);
        pthread_attr_destroy(&a);
    }
    return x;
}
