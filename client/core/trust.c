/* trust.c: pin resolution and trust on first use. */
#include "trust.h"

#include <stdio.h>
#include <string.h>

#include "cv/err.h"
#include "pinstore.h"
#include "tlsprobe.h"

int
trust_resolve(const struct url *u, const struct trust_opts *o, char pin[static CV_PIN_LEN],
              FILE *err)
{
    char seen[CV_PIN_LEN], why[512], answer[16];

    if (o->pin) {
        if (cv_pin_check_syntax(o->pin) != CV_OK) {
            fprintf(err, "conclave: --pin must look like sha256//<44 Base64 characters>\n");
            return EXIT_USAGE;
        }
        snprintf(pin, CV_PIN_LEN, "%s", o->pin);
        return EXIT_OK_;
    }
    if (pinstore_get(u->hostport, pin) == CV_OK)
        return EXIT_OK_;
    if (tlsprobe_pin(u->host, u->port, seen, why, sizeof(why)) != CV_OK) {
        fprintf(err, "conclave: %s\n", why);
        return EXIT_UNREACHABLE;
    }
    fprintf(err, "conclave: %s is not known yet. Its key pin is:\n    %s\n", u->hostport, seen);
    if (!o->trust_on_first_use) {
        if (!o->interactive) {
            fprintf(err, "conclave: refusing an unknown server. Compare this pin with the one "
                         "the server printed at start (ask its operator), then run again with "
                         "--pin %s (or --trust-on-first-use).\n",
                    seen);
            return EXIT_UNTRUSTED;
        }
        fprintf(err, "Is this the pin the server's operator gave you? Trust it? [y/N] ");
        fflush(err);
        if (!fgets(answer, sizeof(answer), stdin) || (answer[0] != 'y' && answer[0] != 'Y')) {
            fprintf(err, "conclave: not trusted; nothing was sent.\n");
            return EXIT_UNTRUSTED;
        }
    }
    if (pinstore_put(u->hostport, seen) != CV_OK)
        fprintf(err, "conclave: warning: cannot remember the pin in the config folder\n");
    else
        fprintf(err, "conclave: remembered the pin of %s.\n", u->hostport);
    snprintf(pin, CV_PIN_LEN, "%s", seen);
    return EXIT_OK_;
}
