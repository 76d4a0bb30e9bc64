/* resp.c: building HTTP responses for handlers (JSON bodies, error bodies, headers). */
#include "http.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cv/err.h"

#define RESP_BODY_MAX (64u * 1024u * 1024u)

void
http_resp_init(struct http_resp *resp)
{
    memset(resp, 0, sizeof(*resp));
    cv_buf_init(&resp->body, RESP_BODY_MAX);
}

void
http_resp_clear(struct http_resp *resp)
{
    cv_buf_free(&resp->body);
    resp->n_extra = 0;
    resp->status = 0;
}

int
http_resp_header(struct http_resp *resp, const char *name, const char *value)
{
    struct http_header *h;

    if (resp->n_extra >= HTTP_MAX_EXTRA_HEADERS || strlen(name) >= sizeof(h->name) ||
        strlen(value) >= sizeof(h->value))
        return CV_ETOOBIG;
    /* Header injection guard: no CR/LF in what handlers put in headers. */
    if (strpbrk(name, "\r\n:") || strpbrk(value, "\r\n"))
        return CV_EINVAL;
    h = &resp->extra[resp->n_extra++];
    snprintf(h->name, sizeof(h->name), "%s", name);
    snprintf(h->value, sizeof(h->value), "%s", value);
    return CV_OK;
}

int
http_resp_json(struct http_resp *resp, int status, json_t *j)
{
    char *text;
    int r;

    if (!j)
        return CV_ENOMEM;
    text = json_dumps(j, JSON_COMPACT);
    json_decref(j);
    if (!text)
        return CV_ENOMEM;
    resp->body.len = 0;
    r = cv_buf_put(&resp->body, text, strlen(text));
    free(text);
    if (r != CV_OK)
        return r;
    resp->status = status;
    resp->content_type = "application/json";
    return CV_OK;
}

int
http_resp_error(struct http_resp *resp, int err, int status, const char *message)
{
    json_t *j = json_pack("{s:{s:s,s:s}}", "error", "code", cv_errname(err), "message",
                          message ? message : cv_strerror(err));
    return http_resp_json(resp, status ? status : cv_err_http_status(err), j);
}
