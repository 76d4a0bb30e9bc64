/* tlsprobe.h: learn a server's key pin without trusting it: a TLS 1.3 handshake that reads
 * the certificate and closes before any application byte is sent (trust on first use). */
#ifndef CV_CLIENT_TLSPROBE_H
#define CV_CLIENT_TLSPROBE_H

#include <stddef.h>

#include "cv/pin.h"

/* CV_OK with the peer's pin, or an error with a message in why. */
int tlsprobe_pin(const char *host, int port, char pin[static CV_PIN_LEN], char *why,
                 size_t why_size);

#endif
