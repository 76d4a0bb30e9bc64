/* trust.h: which key the client trusts for a server: the pin given with --pin, else the
 * remembered one, else trust on first use: show the server's pin and ask (interactive)
 * or refuse unless --trust-on-first-use was given (then remember it). */
#ifndef CV_CLIENT_TRUST_H
#define CV_CLIENT_TRUST_H

#include <stdbool.h>
#include <stdio.h>

#include "cv/pin.h"
#include "url.h"

struct trust_opts {
    const char *pin;         /* --pin, or NULL */
    bool trust_on_first_use; /* --trust-on-first-use */
    bool interactive;        /* may ask on the terminal */
};

/* Exit statuses shared by every command. */
enum client_exit {
    EXIT_OK_ = 0,
    EXIT_USAGE = 1,
    EXIT_UNREACHABLE = 2,
    EXIT_UNTRUSTED = 3, /* no pin and none accepted */
    EXIT_PIN_MISMATCH = 4,
    EXIT_SERVER = 5, /* the server answered an error */
};

/* Fill pin for url; messages for the person go to err. Returns EXIT_OK_ or an exit
 * status. */
int trust_resolve(const struct url *u, const struct trust_opts *o, char pin[static CV_PIN_LEN],
                  FILE *err);

#endif
