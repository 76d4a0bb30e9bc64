/* cv/time.h: clocks. Time is uint64_t microseconds: monotonic for intervals, realtime
 * (Unix epoch) for anything that crosses machines (tickets, expiries). Tests may inject a
 * fixed realtime clock through cv_time_set_fake(). Thread-safe. */
#ifndef CV_TIME_H
#define CV_TIME_H

#include <stdint.h>

#define CV_USEC_PER_SEC UINT64_C(1000000)
#define CV_USEC_PER_MSEC UINT64_C(1000)

uint64_t cv_now_mono(void);
uint64_t cv_now_real(void);
/* Seconds since the Unix epoch (from cv_now_real). */
uint64_t cv_now_unix(void);

/* Tests only: make cv_now_real() return `usec` (0 restores the real clock). */
void cv_time_set_fake(uint64_t usec);

#endif
