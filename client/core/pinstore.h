/* pinstore.h: the client's remembered server pins, one "HOST:PORT sha256//..." line per
 * server in $XDG_CONFIG_HOME/conclave/known_servers (default ~/.config/...), folder 0700,
 * file 0600, replaced atomically. */
#ifndef CV_CLIENT_PINSTORE_H
#define CV_CLIENT_PINSTORE_H

#include <stddef.h>

#include "cv/pin.h"

/* The client's config folder ($XDG_CONFIG_HOME/conclave or $HOME/.config/conclave),
 * created 0700 when `create`. CV_OK or CV_ESYS/CV_ENOTFOUND. */
int client_config_dir(char *out, size_t size, int create);
/* Look up hostport; CV_ENOTFOUND when not remembered. */
int pinstore_get(const char *hostport, char pin[static CV_PIN_LEN]);
/* Remember (or replace) the pin of hostport. */
int pinstore_put(const char *hostport, const char *pin);

#endif
