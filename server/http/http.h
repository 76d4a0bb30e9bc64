/* http.h: the request/response contract between the HTTP layer (libwebsockets, in
 * server/http/) and the handlers of the roles (server/mgmt/, health, metrics, static).
 *
 * The HTTP layer reads the whole request body (bounded by http.max_body), then calls a
 * handler synchronously on the event loop with a filled `struct http_req`; the handler
 * fills `struct http_resp` and returns. Handlers never block for long: no sleeps, no
 * network waits (throttling answers 429 with Retry-After instead of delaying).
 * Handlers can be unit-tested without sockets: build an http_req, call, check http_resp. */
#ifndef CV_SERVER_HTTP_H
#define CV_SERVER_HTTP_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

#include "cv/buf.h"

#define HTTP_MAX_EXTRA_HEADERS 8

struct http_req {
    const char *method;       /* "GET", "POST", "PUT", "PATCH", "DELETE", ... */
    const char *path;         /* decoded path without the query, e.g. "/api/v1/login" */
    const char *query;        /* raw query string without '?', "" when none */
    const char *peer;         /* client address as text ("127.0.0.1", "::1") */
    const char *authorization; /* Authorization header value, NULL when absent */
    const char *content_type; /* Content-Type header value, NULL when absent */
    const char *user_agent;   /* User-Agent header value, NULL when absent */
    const uint8_t *body;      /* request body (NUL-terminated copy), never NULL */
    size_t body_len;
    uint64_t now_mono;        /* cv_now_mono() at dispatch */
};

struct http_header {
    char name[48];
    char value[208];
};

struct http_resp {
    int status;               /* HTTP status; 0 means "not handled here" */
    const char *content_type; /* static string, e.g. "application/json" */
    struct cv_buf body;       /* owned by the response; freed by http_resp_clear */
    struct http_header extra[HTTP_MAX_EXTRA_HEADERS];
    unsigned n_extra;
};

/* Initialise an empty response (status 0, body limit 64 MiB). */
void http_resp_init(struct http_resp *resp);
void http_resp_clear(struct http_resp *resp);
/* Add a response header (e.g. "Retry-After", "30"). CV_ETOOBIG when full or too long. */
CV_MUSTCHECK int http_resp_header(struct http_resp *resp, const char *name, const char *value);
/* Set status and a JSON body (steals the reference to j). */
CV_MUSTCHECK int http_resp_json(struct http_resp *resp, int status, json_t *j);
/* Set an error answer {"error":{"code":"<cv_errname>","message":"..."}} with the status
 * from cv_err_http_status(err), unless status is non-zero. */
CV_MUSTCHECK int http_resp_error(struct http_resp *resp, int err, int status,
                                 const char *message);

/* A handler: fill resp and return CV_OK; leave resp->status 0 to decline the route. A
 * non-OK return makes the HTTP layer answer a generic JSON 500 (the handler logged). */
typedef int (*http_handler_cb)(void *ud, const struct http_req *req, struct http_resp *resp);

#endif
