/* server.h: the one TLS listener (libwebsockets over OpenSSL): TLS 1.3 only by default,
 * ALPN http/1.1, whole-body requests dispatched to prefix routes (http.h handlers),
 * security headers on every answer, counters for /metrics, and drain on request.
 * Single-threaded: every call and every handler runs on the service thread. */
#ifndef CV_SERVER_HTTP_SERVER_H
#define CV_SERVER_HTTP_SERVER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "http.h"

struct http_server;

struct http_server_conf {
    const char *listen;    /* bind address, "" or NULL for all */
    int port;              /* 0: any free port (see http_server_port) */
    const char *cert_path; /* PEM certificate chain */
    const char *key_path;  /* PEM private key */
    bool allow_tls12;      /* else TLS 1.3 only */
    size_t max_body;       /* larger bodies: 413 */
    unsigned idle_timeout; /* seconds an idle keep-alive connection is kept */
    int uid, gid;          /* switch to these after binding; -1 to stay */
};

struct http_stats {
    uint64_t connections_total; /* TLS connections that reached HTTP */
    uint64_t connections_open;
    uint64_t requests_total;
    uint64_t responses[6]; /* by class: [1]=1xx ... [5]=5xx */
    uint64_t bytes_in;     /* request bodies */
    uint64_t bytes_out;    /* response bodies */
    uint64_t in_flight;    /* requests received, answer not yet fully written */
};

/* Create the context, the TLS vhost and the listening socket. */
int http_server_open(const struct http_server_conf *conf, struct http_server **ret,
                     char *why, size_t why_size);
void http_server_free(struct http_server *s);

/* Register a handler for every path starting with prefix (first match wins, in order of
 * registration). ud is passed to the handler. */
int http_server_route(struct http_server *s, const char *prefix, http_handler_cb cb, void *ud);

/* Run the event loop once (waits up to timeout_ms). */
int http_server_service(struct http_server *s, int timeout_ms);
/* Wake a blocked http_server_service (async-signal-safe enough for signal handlers). */
void http_server_wake(struct http_server *s);

int http_server_port(const struct http_server *s);
const struct http_stats *http_server_stats(const struct http_server *s);

/* Drain: from now on new requests are answered 503 with Retry-After and Connection:
 * close (health and readiness excepted, handled by their own routes). */
void http_server_set_draining(struct http_server *s, bool draining);
bool http_server_draining(const struct http_server *s);

#endif
