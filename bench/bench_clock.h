/*
 * bench_clock.h - the one clock every benchmark reads: monotonic seconds.
 */
#ifndef YS_BENCH_CLOCK_H
#define YS_BENCH_CLOCK_H

#include <time.h>

static inline double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

#endif
