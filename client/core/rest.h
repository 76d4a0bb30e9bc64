/* rest.h: the client's pinned HTTPS transport for the management API: libcurl with the
 * server's SPKI pin (CURLOPT_PINNEDPUBLICKEY) checked during the handshake, before any
 * request byte leaves. JSON in, JSON out. One handle per thread. */
#ifndef CV_CLIENT_REST_H
#define CV_CLIENT_REST_H

#include <stddef.h>

#include <jansson.h>

#include "cv/pin.h"

struct rest;

#define REST_WHY_MAX 512

/* Result of a call that reached the server: HTTP status and parsed JSON body (NULL when
 * the body is not JSON). */
struct rest_answer {
    long status;
    json_t *json;
    char *text; /* the raw body, NUL-terminated */
    size_t text_len;
};

/* origin: "https://host:port"; pin: "sha256//..." (required). */
int rest_open(const char *origin, const char *pin, struct rest **ret);
void rest_free(struct rest *r);
/* Bearer token sent with every later call (NULL to stop). The token is copied into
 * locked memory. */
int rest_set_token(struct rest *r, const char *token);

/* method "GET"/"POST"/...; path "/api/v1/..."; body may be NULL. On CV_OK the answer is
 * filled (free with rest_answer_clear) whatever the status. Errors: CV_EAUTH when the
 * pin did not match (nothing was sent), CV_ESYS when the server could not be reached,
 * with a message in why. */
int rest_call(struct rest *r, const char *method, const char *path, json_t *body,
              struct rest_answer *ret, char *why, size_t why_size);
void rest_answer_clear(struct rest_answer *a);

/* Message of a JSON error answer ({"error":{"message":...}}), or a generic one. */
const char *rest_error_message(const struct rest_answer *a);

#endif
