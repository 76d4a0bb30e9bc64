/* sdnotify.h: systemd's notify protocol (Type=notify) without libsystemd: READY=1 once
 * the listener is up, STATUS= lines, WATCHDOG=1 keep-alives, STOPPING=1 on drain.
 * Every call is a no-op when $NOTIFY_SOCKET is unset. */
#ifndef CV_SERVER_SDNOTIFY_H
#define CV_SERVER_SDNOTIFY_H

#include <stdint.h>

/* Send one notification ("READY=1\nSTATUS=..."). Returns 0, or -1 when it failed. */
int sd_notify_send(const char *msg);
/* Watchdog interval from $WATCHDOG_USEC (0 when disabled); ping at half of it. */
uint64_t sd_watchdog_usec(void);

#endif
