/* err.c: names, texts and HTTP statuses of the project-wide result codes. */
#include "cv/err.h"

#include <stddef.h>

struct err_row {
    int code;
    const char *name;
    const char *text;
    int http;
};

/* One table: code -> JSON error name, human text, HTTP status (Janus apierror.h). */
static const struct err_row rows[] = {
    {CV_OK, "ok", "success", 200},
    {CV_ENOMEM, "no_memory", "out of memory", 503},
    {CV_EINVAL, "invalid", "invalid argument", 400},
    {CV_EAGAIN, "again", "try again", 503},
    {CV_EINCOMPLETE, "incomplete", "incomplete input", 400},
    {CV_EPROTO, "malformed", "malformed input", 400},
    {CV_EAUTH, "auth_failed", "authentication failed", 401},
    {CV_EREPLAY, "replay", "replayed or stale", 409},
    {CV_EEXPIRED, "expired", "expired", 410},
    {CV_ETOOBIG, "too_big", "too big", 413},
    {CV_EPERM, "forbidden", "not allowed", 403},
    {CV_ENOTFOUND, "not_found", "not found", 404},
    {CV_ESYS, "system", "system error", 500},
    {CV_EINTERNAL, "internal", "internal error", 500},
    {CV_ECONFLICT, "conflict", "conflict", 409},
    {CV_ETHROTTLED, "throttled", "too many attempts", 429},
    {CV_ENOSPACE, "no_space", "storage full", 507},
    {CV_EUNAVAIL, "unavailable", "service unavailable", 503},
};

static const struct err_row *
find(int err)
{
    for (size_t i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
        if (rows[i].code == err)
            return &rows[i];
    return NULL;
}

const char *
cv_strerror(int err)
{
    const struct err_row *r = find(err);
    return r ? r->text : "unknown error";
}

const char *
cv_errname(int err)
{
    const struct err_row *r = find(err);
    return r ? r->name : "unknown";
}

int
cv_err_http_status(int err)
{
    const struct err_row *r = find(err);
    return r ? r->http : 500;
}
