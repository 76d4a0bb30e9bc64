/* url.h: the server URLs the client accepts: https://HOST[:PORT][/], HOST a name, an IPv4
 * address or a bracketed IPv6 address. */
#ifndef CV_CLIENT_URL_H
#define CV_CLIENT_URL_H

#include <stddef.h>

struct url {
    char host[256]; /* without brackets */
    int port;
    char origin[300]; /* "https://host:port" (IPv6 bracketed), no trailing slash */
    char hostport[270]; /* "host:port", the key of the pin store */
};

/* CV_OK or CV_EINVAL with why. */
int url_parse(const char *s, struct url *ret, const char **why);

#endif
