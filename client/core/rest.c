/* rest.c: pinned libcurl transport with JSON bodies. */
#include "rest.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <curl/curl.h>
#include <sodium.h>

#include "cv/buf.h"
#include "cv/err.h"

#define REST_BODY_MAX (16u * 1024u * 1024u)
#define REST_TIMEOUT_S 30L

struct rest {
    CURL *curl;
    char origin[300];
    char pin[CV_PIN_LEN];
    char *auth_header; /* "Authorization: Bearer ..." in sodium_malloc'd memory */
};

static size_t
on_data(char *p, size_t size, size_t n, void *ud)
{
    struct cv_buf *b = ud;
    if (cv_buf_put(b, p, size * n) != CV_OK)
        return 0; /* aborts the transfer: answer larger than we accept */
    return size * n;
}

int
rest_open(const char *origin, const char *pin, struct rest **ret)
{
    struct rest *r;

    if (cv_pin_check_syntax(pin) != CV_OK || strlen(origin) >= sizeof(r->origin))
        return CV_EINVAL;
    if (!(r = calloc(1, sizeof(*r))))
        return CV_ENOMEM;
    if (!(r->curl = curl_easy_init())) {
        free(r);
        return CV_ENOMEM;
    }
    snprintf(r->origin, sizeof(r->origin), "%s", origin);
    snprintf(r->pin, sizeof(r->pin), "%s", pin);
    *ret = r;
    return CV_OK;
}

void
rest_free(struct rest *r)
{
    if (!r)
        return;
    curl_easy_cleanup(r->curl);
    if (r->auth_header)
        sodium_free(r->auth_header);
    free(r);
}

int
rest_set_token(struct rest *r, const char *token)
{
    static const char prefix[] = "Authorization: Bearer ";
    size_t n;

    if (r->auth_header) {
        sodium_free(r->auth_header);
        r->auth_header = NULL;
    }
    if (!token)
        return CV_OK;
    n = sizeof(prefix) + strlen(token);
    if (strpbrk(token, "\r\n"))
        return CV_EINVAL;
    if (!(r->auth_header = sodium_malloc(n)))
        return CV_ENOMEM;
    snprintf(r->auth_header, n, "%s%s", prefix, token);
    return CV_OK;
}

int
rest_call(struct rest *r, const char *method, const char *path, json_t *body,
          struct rest_answer *ret, char *why, size_t why_size)
{
    struct curl_slist *hdrs = NULL;
    struct cv_buf in;
    char url[2048], *payload = NULL;
    CURLcode cc;
    int rc = CV_ESYS;

    memset(ret, 0, sizeof(*ret));
    cv_buf_init(&in, REST_BODY_MAX);
    if ((size_t)snprintf(url, sizeof(url), "%s%s", r->origin, path) >= sizeof(url)) {
        snprintf(why, why_size, "URL too long");
        return CV_EINVAL;
    }
    curl_easy_reset(r->curl);
    curl_easy_setopt(r->curl, CURLOPT_URL, url);
    curl_easy_setopt(r->curl, CURLOPT_PROTOCOLS_STR, "https");
    curl_easy_setopt(r->curl, CURLOPT_SSLVERSION, (long)CURL_SSLVERSION_TLSv1_2);
    /* The pin is the trust anchor (self-signed servers are the default): chain and name
     * checks are off, the key check is on and happens before the request is sent. */
    curl_easy_setopt(r->curl, CURLOPT_SSL_VERIFYPEER, 0L);
    curl_easy_setopt(r->curl, CURLOPT_SSL_VERIFYHOST, 0L);
    curl_easy_setopt(r->curl, CURLOPT_PINNEDPUBLICKEY, r->pin);
    curl_easy_setopt(r->curl, CURLOPT_CUSTOMREQUEST, method);
    curl_easy_setopt(r->curl, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(r->curl, CURLOPT_WRITEDATA, &in);
    curl_easy_setopt(r->curl, CURLOPT_TIMEOUT, REST_TIMEOUT_S);
    curl_easy_setopt(r->curl, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(r->curl, CURLOPT_USERAGENT, "conclave/" CV_VERSION);
    if (strcmp(method, "HEAD") == 0)
        curl_easy_setopt(r->curl, CURLOPT_NOBODY, 1L);
    hdrs = curl_slist_append(hdrs, "Accept: application/json");
    if (r->auth_header)
        hdrs = curl_slist_append(hdrs, r->auth_header);
    if (body) {
        if (!(payload = json_dumps(body, JSON_COMPACT))) {
            rc = CV_ENOMEM;
            goto out;
        }
        hdrs = curl_slist_append(hdrs, "Content-Type: application/json");
        curl_easy_setopt(r->curl, CURLOPT_POSTFIELDS, payload);
        curl_easy_setopt(r->curl, CURLOPT_POSTFIELDSIZE, (long)strlen(payload));
    }
    curl_easy_setopt(r->curl, CURLOPT_HTTPHEADER, hdrs);
    cc = curl_easy_perform(r->curl);
    if (cc == CURLE_SSL_PINNEDPUBKEYNOTMATCH) {
        snprintf(why, why_size,
                 "the server's key does not match the pinned key %s: refusing to talk to it "
                 "(nothing was sent). If the operator changed the key, verify the new pin "
                 "with them.",
                 r->pin);
        rc = CV_EAUTH;
        goto out;
    }
    if (cc != CURLE_OK) {
        snprintf(why, why_size, "%s: %s", r->origin, curl_easy_strerror(cc));
        goto out;
    }
    curl_easy_getinfo(r->curl, CURLINFO_RESPONSE_CODE, &ret->status);
    if (cv_buf_reserve(&in, 0) != CV_OK) {
        rc = CV_ENOMEM;
        goto out;
    }
    in.p[in.len] = '\0';
    ret->text = (char *)in.p;
    ret->text_len = in.len;
    in.p = NULL; /* transferred */
    ret->json = json_loadb(ret->text, ret->text_len, 0, NULL);
    rc = CV_OK;
out:
    if (payload) {
        sodium_memzero(payload, strlen(payload)); /* bodies may carry proofs and tokens */
        free(payload);
    }
    curl_slist_free_all(hdrs);
    cv_buf_free(&in);
    return rc;
}

void
rest_answer_clear(struct rest_answer *a)
{
    json_decref(a->json);
    free(a->text);
    memset(a, 0, sizeof(*a));
}

const char *
rest_error_message(const struct rest_answer *a)
{
    json_t *m = json_object_get(json_object_get(a->json, "error"), "message");
    return json_is_string(m) ? json_string_value(m) : "the server refused the request";
}
