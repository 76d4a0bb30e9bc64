/* url.c: parsing of https server URLs. */
#include "url.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cv/err.h"

int
url_parse(const char *s, struct url *ret, const char **why)
{
    const char *p, *host_end, *port_s = NULL;
    size_t hlen;
    int bracket = 0;

    memset(ret, 0, sizeof(*ret));
    if (strncmp(s, "https://", 8) != 0) {
        *why = "the URL must start with https://";
        return CV_EINVAL;
    }
    p = s + 8;
    if (*p == '[') {
        bracket = 1;
        host_end = strchr(p, ']');
        if (!host_end) {
            *why = "unterminated [IPv6] address";
            return CV_EINVAL;
        }
        p++;
        hlen = (size_t)(host_end - p);
        if (host_end[1] == ':')
            port_s = host_end + 2;
        else if (host_end[1] != '\0' && host_end[1] != '/') {
            *why = "unexpected characters after the address";
            return CV_EINVAL;
        }
    } else {
        hlen = strcspn(p, ":/");
        host_end = p + hlen;
        if (*host_end == ':')
            port_s = host_end + 1;
    }
    if (hlen == 0 || hlen >= sizeof(ret->host)) {
        *why = "missing or too long host";
        return CV_EINVAL;
    }
    memcpy(ret->host, p, hlen);
    for (size_t i = 0; i < hlen; i++) {
        char c = ret->host[i];
        if (!(c == '.' || c == '-' || c == ':' || c == '_' || (c >= '0' && c <= '9') ||
              (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) {
            *why = "invalid character in host";
            return CV_EINVAL;
        }
    }
    ret->port = 443;
    if (port_s) {
        char *end = NULL;
        long v = strtol(port_s, &end, 10);
        if (end == port_s || (*end != '\0' && *end != '/') || v < 1 || v > 65535) {
            *why = "invalid port";
            return CV_EINVAL;
        }
        ret->port = (int)v;
        p = end;
    } else {
        p = bracket ? host_end + 1 : host_end;
    }
    if (*p != '\0' && strcmp(p, "/") != 0) {
        *why = "give the server's base URL only (no path)";
        return CV_EINVAL;
    }
    snprintf(ret->origin, sizeof(ret->origin), bracket ? "https://[%s]:%d" : "https://%s:%d",
             ret->host, ret->port);
    snprintf(ret->hostport, sizeof(ret->hostport), bracket ? "[%s]:%d" : "%s:%d", ret->host,
             ret->port);
    return CV_OK;
}
