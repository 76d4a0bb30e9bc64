/* server.c: libwebsockets HTTP server: TLS policy, request assembly, dispatch, writing. */
#include "server.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libwebsockets.h>
#include <openssl/ssl.h>

#include "cv/err.h"
#include "cv/log.h"
#include "cv/time.h"

#define MAX_ROUTES 16
#define PATH_MAX_LEN 1024
#define QUERY_MAX_LEN 2048
#define HDR_MAX_LEN 1024
#define WRITE_CHUNK 16384
#define HDR_BUF 4096

/* Applied to every answer (design: HSTS, CSP, no-sniff). The CSP allows only same-origin
 * scripts, styles and connections: the portal makes no third-party request. */
static const struct {
    const char *name;
    const char *value;
} security_headers[] = {
    {"strict-transport-security:", "max-age=63072000; includeSubDomains"},
    {"x-content-type-options:", "nosniff"},
    {"content-security-policy:",
     "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
     "connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; "
     "form-action 'self'"},
    {"referrer-policy:", "no-referrer"},
    {"x-frame-options:", "DENY"},
    {"cross-origin-opener-policy:", "same-origin"},
};

struct route {
    char prefix[64];
    size_t prefix_len;
    http_handler_cb cb;
    void *ud;
};

struct http_server {
    struct lws_context *ctx;
    struct lws_vhost *vhost;
    struct http_server_conf conf;
    struct route routes[MAX_ROUTES];
    size_t n_routes;
    struct http_stats stats;
    bool draining;
    uint64_t wsi_live;     /* every lws connection object alive, listeners included */
    uint64_t wsi_baseline; /* those alive right after start: listeners, event pipe */
    struct lws_protocols protocols[2];
};

enum conn_state { CONN_IDLE, CONN_BODY, CONN_WRITING };

/* Per-connection state, allocated and zeroed by libwebsockets. */
struct conn {
    enum conn_state state;
    char method[8];
    char path[PATH_MAX_LEN];
    char query[QUERY_MAX_LEN];
    char peer[64];
    char *authorization;
    char *content_type;
    char *user_agent;
    struct cv_buf body;
    size_t expect_len;
    bool head;
    bool close_after;
    bool headers_sent;
    bool counted;
    struct http_resp resp;
    size_t out_off;
};

static char *
dup_header(struct lws *wsi, enum lws_token_indexes h)
{
    int len = lws_hdr_total_length(wsi, h);
    char *s;

    if (len <= 0 || len > HDR_MAX_LEN)
        return NULL;
    s = malloc((size_t)len + 1);
    if (s && lws_hdr_copy(wsi, s, len + 1, h) < 0) {
        free(s);
        s = NULL;
    }
    return s;
}

static void
conn_reset(struct conn *c)
{
    free(c->authorization);
    free(c->content_type);
    free(c->user_agent);
    c->authorization = c->content_type = c->user_agent = NULL;
    cv_buf_free(&c->body);
    http_resp_clear(&c->resp);
    c->state = CONN_IDLE;
    c->expect_len = 0;
    c->out_off = 0;
    c->headers_sent = false;
    c->head = false;
}

static const struct {
    enum lws_token_indexes tok;
    const char *name;
} methods[] = {
    {WSI_TOKEN_GET_URI, "GET"},         {WSI_TOKEN_POST_URI, "POST"},
    {WSI_TOKEN_PUT_URI, "PUT"},         {WSI_TOKEN_PATCH_URI, "PATCH"},
    {WSI_TOKEN_DELETE_URI, "DELETE"},   {WSI_TOKEN_OPTIONS_URI, "OPTIONS"},
    {WSI_TOKEN_HEAD_URI, "HEAD"},
};

static bool
read_method(struct lws *wsi, struct conn *c)
{
    for (size_t i = 0; i < sizeof(methods) / sizeof(methods[0]); i++) {
        if (lws_hdr_total_length(wsi, methods[i].tok) > 0) {
            snprintf(c->method, sizeof(c->method), "%s", methods[i].name);
            return true;
        }
    }
    return false;
}

static void
respond_error(struct conn *c, int status, const char *code_msg)
{
    http_resp_clear(&c->resp);
    http_resp_init(&c->resp);
    int err = status == 413   ? CV_ETOOBIG
              : status == 503 ? CV_EUNAVAIL
              : status == 404 ? CV_ENOTFOUND
              : status == 411 ? CV_EINVAL
                              : CV_EINTERNAL;
    if (http_resp_error(&c->resp, err, status, code_msg) != CV_OK)
        c->resp.status = status;
}

static void
dispatch(struct http_server *s, struct lws *wsi, struct conn *c)
{
    static const uint8_t empty[1];
    struct http_req req = {
        .method = c->head ? "GET" : c->method,
        .path = c->path,
        .query = c->query,
        .peer = c->peer,
        .authorization = c->authorization,
        .content_type = c->content_type,
        .user_agent = c->user_agent,
        .body = c->body.p ? c->body.p : empty,
        .body_len = c->body.len,
        .now_mono = cv_now_mono(),
    };

    s->stats.requests_total++;
    s->stats.bytes_in += c->body.len;
    http_resp_init(&c->resp);
    for (size_t i = 0; i < s->n_routes; i++) {
        struct route *r = &s->routes[i];
        if (strncmp(c->path, r->prefix, r->prefix_len) != 0)
            continue;
        int rc = r->cb(r->ud, &req, &c->resp);
        if (rc != CV_OK) {
            respond_error(c, 500, "internal error");
            break;
        }
        if (c->resp.status != 0)
            break;
    }
    if (c->resp.status == 0)
        respond_error(c, 404, "no such resource");
    c->state = CONN_WRITING;
    lws_callback_on_writable(wsi);
}

static int
write_headers(struct http_server *s, struct lws *wsi, struct conn *c)
{
    unsigned char buf[LWS_PRE + HDR_BUF];
    unsigned char *start = buf + LWS_PRE, *p = start, *end = buf + sizeof(buf) - 1;
    const char *ctype = c->resp.content_type ? c->resp.content_type : "application/json";

    if (lws_add_http_common_headers(wsi, (unsigned int)c->resp.status, ctype,
                                    (lws_filepos_t)c->resp.body.len, &p, end))
        return -1;
    for (size_t i = 0; i < sizeof(security_headers) / sizeof(security_headers[0]); i++)
        if (lws_add_http_header_by_name(wsi, (const unsigned char *)security_headers[i].name,
                                        (const unsigned char *)security_headers[i].value,
                                        (int)strlen(security_headers[i].value), &p, end))
            return -1;
    for (unsigned i = 0; i < c->resp.n_extra; i++) {
        char name[64];
        snprintf(name, sizeof(name), "%s:", c->resp.extra[i].name);
        for (char *q = name; *q; q++)
            if (*q >= 'A' && *q <= 'Z')
                *q = (char)(*q - 'A' + 'a');
        if (lws_add_http_header_by_name(wsi, (const unsigned char *)name,
                                        (const unsigned char *)c->resp.extra[i].value,
                                        (int)strlen(c->resp.extra[i].value), &p, end))
            return -1;
    }
    if (c->close_after &&
        lws_add_http_header_by_name(wsi, (const unsigned char *)"connection:",
                                    (const unsigned char *)"close", 5, &p, end))
        return -1;
    if (lws_finalize_write_http_header(wsi, start, &p, end))
        return -1;
    int cls = c->resp.status / 100;
    if (cls >= 1 && cls <= 5)
        s->stats.responses[cls]++;
    c->headers_sent = true;
    return 0;
}

/* Write the next piece of the answer; returns -1 to close the connection. */
static int
write_some(struct http_server *s, struct lws *wsi, struct conn *c)
{
    static unsigned char buf[LWS_PRE + WRITE_CHUNK];
    size_t left, n;
    enum lws_write_protocol wp;

    if (!c->headers_sent) {
        if (write_headers(s, wsi, c) != 0)
            return -1;
        if (c->head || c->resp.body.len == 0)
            goto done;
        lws_callback_on_writable(wsi);
        return 0;
    }
    left = c->resp.body.len - c->out_off;
    n = left < WRITE_CHUNK ? left : WRITE_CHUNK;
    memcpy(buf + LWS_PRE, c->resp.body.p + c->out_off, n);
    wp = n == left ? LWS_WRITE_HTTP_FINAL : LWS_WRITE_HTTP;
    if (lws_write(wsi, buf + LWS_PRE, n, wp) != (int)n)
        return -1;
    c->out_off += n;
    s->stats.bytes_out += n;
    if (c->out_off < c->resp.body.len) {
        lws_callback_on_writable(wsi);
        return 0;
    }
done:
    if (c->counted) {
        s->stats.in_flight--;
        c->counted = false;
    }
    conn_reset(c);
    if (c->close_after)
        return -1;
    return lws_http_transaction_completed(wsi) ? -1 : 0;
}

static int
on_http(struct http_server *s, struct lws *wsi, struct conn *c, const char *uri)
{
    char clen[32];

    conn_reset(c);
    c->counted = true;
    s->stats.in_flight++;
    lws_get_peer_simple(wsi, c->peer, sizeof(c->peer));
    if (!read_method(wsi, c)) {
        respond_error(c, 405, "method not allowed");
        c->close_after = true;
        c->state = CONN_WRITING;
        lws_callback_on_writable(wsi);
        return 0;
    }
    c->head = strcmp(c->method, "HEAD") == 0;
    snprintf(c->path, sizeof(c->path), "%s", uri ? uri : "/");
    c->query[0] = '\0';
    if (lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_URI_ARGS) > 0 &&
        lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_URI_ARGS) < (int)sizeof(c->query))
        lws_hdr_copy(wsi, c->query, sizeof(c->query), WSI_TOKEN_HTTP_URI_ARGS);
    c->authorization = dup_header(wsi, WSI_TOKEN_HTTP_AUTHORIZATION);
    c->content_type = dup_header(wsi, WSI_TOKEN_HTTP_CONTENT_TYPE);
    c->user_agent = dup_header(wsi, WSI_TOKEN_HTTP_USER_AGENT);
    cv_buf_init(&c->body, s->conf.max_body);

    if (s->draining && strcmp(c->path, "/healthz") != 0 && strcmp(c->path, "/readyz") != 0) {
        respond_error(c, 503, "server is shutting down; retry shortly");
        if (http_resp_header(&c->resp, "Retry-After", "5") != CV_OK)
            return -1;
        c->close_after = true;
        c->state = CONN_WRITING;
        lws_callback_on_writable(wsi);
        return 0;
    }
    if (lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_CONTENT_LENGTH) > 0) {
        unsigned long long want;
        char *end = NULL;
        lws_hdr_copy(wsi, clen, sizeof(clen), WSI_TOKEN_HTTP_CONTENT_LENGTH);
        want = strtoull(clen, &end, 10);
        if (!end || *end || want > s->conf.max_body) {
            /* Refused before reading a byte of it; the connection closes after. */
            respond_error(c, 413, "request body too large");
            c->close_after = true;
            c->state = CONN_WRITING;
            lws_callback_on_writable(wsi);
            return 0;
        }
        if (want > 0) {
            c->expect_len = (size_t)want;
            c->state = CONN_BODY;
            return 0;
        }
    } else if (lws_hdr_total_length(wsi, WSI_TOKEN_HTTP_TRANSFER_ENCODING) > 0) {
        respond_error(c, 411, "a Content-Length is required");
        c->close_after = true;
        c->state = CONN_WRITING;
        lws_callback_on_writable(wsi);
        return 0;
    }
    dispatch(s, wsi, c);
    return 0;
}

static int
callback_http(struct lws *wsi, enum lws_callback_reasons reason, void *user, void *in,
              size_t len)
{
    struct http_server *s = lws_context_user(lws_get_context(wsi));
    struct conn *c = user;

    switch (reason) {
    case LWS_CALLBACK_OPENSSL_LOAD_EXTRA_SERVER_VERIFY_CERTS: {
        /* The vhost's SSL_CTX, before it serves anyone: pin the protocol floor and the
         * key-exchange groups here (the options above only cover the version bits). */
        SSL_CTX *ctx = user;
        if (!ctx || !s)
            break;
        SSL_CTX_set_min_proto_version(ctx, s->conf.allow_tls12 ? TLS1_2_VERSION
                                                               : TLS1_3_VERSION);
        SSL_CTX_set1_groups_list(ctx, "X25519:P-256:P-384");
        SSL_CTX_set_options(ctx, SSL_OP_CIPHER_SERVER_PREFERENCE | SSL_OP_NO_COMPRESSION |
                                     SSL_OP_NO_RENEGOTIATION);
        break;
    }
    case LWS_CALLBACK_FILTER_NETWORK_CONNECTION:
        /* Every accepted TCP connection, before TLS. */
        if (s)
            s->stats.connections_total++;
        break;
    case LWS_CALLBACK_WSI_CREATE:
        if (s)
            s->wsi_live++;
        break;
    case LWS_CALLBACK_WSI_DESTROY:
        if (s && s->wsi_live)
            s->wsi_live--;
        break;
    case LWS_CALLBACK_HTTP:
        return on_http(s, wsi, c, in);
    case LWS_CALLBACK_HTTP_BODY:
        if (c->state != CONN_BODY)
            return -1;
        if (c->body.len + len > c->expect_len || cv_buf_put(&c->body, in, len) != CV_OK) {
            respond_error(c, 413, "request body too large");
            c->close_after = true;
            c->state = CONN_WRITING;
            lws_callback_on_writable(wsi);
        }
        return 0;
    case LWS_CALLBACK_HTTP_BODY_COMPLETION:
        if (c->state != CONN_BODY)
            return 0;
        /* The body stays NUL-terminated for handlers that parse text. */
        if (cv_buf_reserve(&c->body, 0) == CV_OK && c->body.p)
            c->body.p[c->body.len] = '\0';
        dispatch(s, wsi, c);
        return 0;
    case LWS_CALLBACK_HTTP_WRITEABLE:
        if (c->state != CONN_WRITING)
            return 0;
        return write_some(s, wsi, c);
    case LWS_CALLBACK_CLOSED_HTTP:
        if (c) {
            if (c->counted) {
                s->stats.in_flight--;
                c->counted = false;
            }
            conn_reset(c);
        }
        break;
    default:
        break;
    }
    return 0;
}

static void
lws_log_bridge(int level, const char *line)
{
    size_t n = strlen(line);
    char copy[512];
    snprintf(copy, sizeof(copy), "%.*s", (int)(n && line[n - 1] == '\n' ? n - 1 : n), line);
    if (level & LLL_ERR)
        CV_WARN("lws", "%s", copy);
    else
        CV_DEBUG("lws", "%s", copy);
}

int
http_server_open(const struct http_server_conf *conf, struct http_server **ret, char *why,
                 size_t why_size)
{
    struct lws_context_creation_info info;
    struct http_server *s = calloc(1, sizeof(*s));

    if (!s)
        return CV_ENOMEM;
    s->conf = *conf;
    s->protocols[0] = (struct lws_protocols){
        .name = "http",
        .callback = callback_http,
        .per_session_data_size = sizeof(struct conn),
        .rx_buffer_size = 0,
    };
    lws_set_log_level(LLL_ERR | (cv_log_enabled(CV_LOG_DEBUG) ? LLL_WARN | LLL_NOTICE : 0),
                      lws_log_bridge);

    memset(&info, 0, sizeof(info));
    info.options = LWS_SERVER_OPTION_DO_SSL_GLOBAL_INIT | LWS_SERVER_OPTION_VALIDATE_UTF8;
    info.port = conf->port;
    info.iface = conf->listen && *conf->listen ? conf->listen : NULL;
    info.protocols = s->protocols;
    info.user = s;
    info.ssl_cert_filepath = conf->cert_path;
    info.ssl_private_key_filepath = conf->key_path;
    info.alpn = "http/1.1";
    /* TLS 1.3 suites are all AEAD; TLS 1.2 (only when enabled) gets ECDHE + AEAD only. */
    info.tls1_3_plus_cipher_list =
        "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256";
    info.ssl_cipher_list = "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
                           "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305:"
                           "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256";
    info.ssl_options_set = SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 | SSL_OP_NO_TLSv1 |
                           SSL_OP_NO_TLSv1_1 | (conf->allow_tls12 ? 0 : SSL_OP_NO_TLSv1_2) |
                           SSL_OP_CIPHER_SERVER_PREFERENCE;
    info.keepalive_timeout = (int)conf->idle_timeout;
    info.timeout_secs = 10;
    info.timeout_secs_ah_idle = 10;
    info.max_http_header_data = 4096;
    info.uid = conf->uid;
    info.gid = conf->gid;

    s->ctx = lws_create_context(&info);
    if (!s->ctx) {
        snprintf(why, why_size, "cannot start the TLS listener on %s:%d (address in use, "
                                "bad certificate or key?)",
                 info.iface ? info.iface : "*", conf->port);
        free(s);
        return CV_ESYS;
    }
    s->vhost = lws_get_vhost_by_name(s->ctx, "default");
    s->wsi_baseline = s->wsi_live;
    *ret = s;
    return CV_OK;
}

void
http_server_free(struct http_server *s)
{
    if (!s)
        return;
    if (s->ctx)
        lws_context_destroy(s->ctx);
    free(s);
}

int
http_server_route(struct http_server *s, const char *prefix, http_handler_cb cb, void *ud)
{
    struct route *r;

    if (s->n_routes >= MAX_ROUTES || strlen(prefix) >= sizeof(r->prefix))
        return CV_ETOOBIG;
    r = &s->routes[s->n_routes++];
    snprintf(r->prefix, sizeof(r->prefix), "%s", prefix);
    r->prefix_len = strlen(prefix);
    r->cb = cb;
    r->ud = ud;
    return CV_OK;
}

int
http_server_service(struct http_server *s, int timeout_ms)
{
    return lws_service(s->ctx, timeout_ms) < 0 ? CV_ESYS : CV_OK;
}

void
http_server_wake(struct http_server *s)
{
    if (s && s->ctx)
        lws_cancel_service(s->ctx);
}

int
http_server_port(const struct http_server *s)
{
    return s->vhost ? lws_get_vhost_listen_port(s->vhost) : -1;
}

const struct http_stats *
http_server_stats(const struct http_server *s)
{
    struct http_server *m = (struct http_server *)s; /* a derived gauge, refreshed here */
    m->stats.connections_open = s->wsi_live > s->wsi_baseline ? s->wsi_live - s->wsi_baseline
                                                              : 0;
    return &s->stats;
}

void
http_server_set_draining(struct http_server *s, bool draining)
{
    s->draining = draining;
}

bool
http_server_draining(const struct http_server *s)
{
    return s->draining;
}
