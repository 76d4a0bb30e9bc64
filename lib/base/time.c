/* time.c: monotonic and realtime clocks in microseconds, with an injectable fake. */
#include "cv/time.h"

#include <stdatomic.h>
#include <time.h>

static _Atomic uint64_t fake_real;

static uint64_t
read_clock(clockid_t id)
{
    struct timespec ts;
    clock_gettime(id, &ts);
    return (uint64_t)ts.tv_sec * CV_USEC_PER_SEC + (uint64_t)ts.tv_nsec / 1000u;
}

uint64_t
cv_now_mono(void)
{
    return read_clock(CLOCK_MONOTONIC);
}

uint64_t
cv_now_real(void)
{
    uint64_t f = atomic_load(&fake_real);
    return f ? f : read_clock(CLOCK_REALTIME);
}

uint64_t
cv_now_unix(void)
{
    return cv_now_real() / CV_USEC_PER_SEC;
}

void
cv_time_set_fake(uint64_t usec)
{
    atomic_store(&fake_real, usec);
}
