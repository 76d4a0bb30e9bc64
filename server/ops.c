/* ops.c: health, readiness and metrics endpoints. */
#include "ops.h"

#include <inttypes.h>
#include <string.h>

#include "cv/err.h"
#include "cv/time.h"
#include "http/server.h"

static int
method_not_allowed(struct http_resp *resp)
{
    int r = http_resp_error(resp, CV_EINVAL, 405, "method not allowed");
    return r == CV_OK ? http_resp_header(resp, "Allow", "GET, HEAD") : r;
}

static int
metrics(struct ops *o, struct http_resp *resp)
{
    const struct http_stats *st = http_server_stats(o->http);
    uint64_t up = (cv_now_mono() - o->started_mono) / CV_USEC_PER_SEC;
    int r;

    r = cv_buf_printf(
        &resp->body,
        "# HELP conclave_up 1 while the server runs.\n# TYPE conclave_up gauge\n"
        "conclave_up 1\n"
        "# HELP conclave_ready 1 while accepting new meetings.\n# TYPE conclave_ready gauge\n"
        "conclave_ready %d\n"
        "# HELP conclave_uptime_seconds Seconds since start.\n"
        "# TYPE conclave_uptime_seconds counter\nconclave_uptime_seconds %" PRIu64 "\n"
        "# HELP conclave_http_connections_total HTTP connections accepted.\n"
        "# TYPE conclave_http_connections_total counter\n"
        "conclave_http_connections_total %" PRIu64 "\n"
        "# HELP conclave_http_connections_open HTTP connections open now.\n"
        "# TYPE conclave_http_connections_open gauge\n"
        "conclave_http_connections_open %" PRIu64 "\n"
        "# HELP conclave_http_requests_total HTTP requests received.\n"
        "# TYPE conclave_http_requests_total counter\n"
        "conclave_http_requests_total %" PRIu64 "\n"
        "# HELP conclave_http_responses_total HTTP responses by status class.\n"
        "# TYPE conclave_http_responses_total counter\n"
        "conclave_http_responses_total{class=\"2xx\"} %" PRIu64 "\n"
        "conclave_http_responses_total{class=\"3xx\"} %" PRIu64 "\n"
        "conclave_http_responses_total{class=\"4xx\"} %" PRIu64 "\n"
        "conclave_http_responses_total{class=\"5xx\"} %" PRIu64 "\n"
        "# HELP conclave_http_received_bytes_total Request body bytes received.\n"
        "# TYPE conclave_http_received_bytes_total counter\n"
        "conclave_http_received_bytes_total %" PRIu64 "\n"
        "# HELP conclave_http_sent_bytes_total Response body bytes sent.\n"
        "# TYPE conclave_http_sent_bytes_total counter\n"
        "conclave_http_sent_bytes_total %" PRIu64 "\n",
        o->ready && !http_server_draining(o->http) ? 1 : 0, up, st->connections_total,
        st->connections_open, st->requests_total, st->responses[2], st->responses[3],
        st->responses[4], st->responses[5], st->bytes_in, st->bytes_out);
    if (r != CV_OK)
        return r;
    resp->status = 200;
    resp->content_type = "text/plain; version=0.0.4; charset=utf-8";
    return CV_OK;
}

int
ops_handle(void *ud, const struct http_req *req, struct http_resp *resp)
{
    struct ops *o = ud;
    bool draining = http_server_draining(o->http);

    if (strcmp(req->path, "/healthz") != 0 && strcmp(req->path, "/readyz") != 0 &&
        strcmp(req->path, "/metrics") != 0)
        return CV_OK;
    if (strcmp(req->method, "GET") != 0)
        return method_not_allowed(resp);
    if (strcmp(req->path, "/healthz") == 0) {
        return http_resp_json(
            resp, 200,
            json_pack("{s:s,s:s,s:s,s:I}", "status", draining ? "draining" : "ok", "version",
                      CV_VERSION, "roles", o->roles, "uptime_s",
                      (json_int_t)((cv_now_mono() - o->started_mono) / CV_USEC_PER_SEC)));
    }
    if (strcmp(req->path, "/readyz") == 0) {
        if (o->ready && !draining)
            return http_resp_json(resp, 200, json_pack("{s:b}", "ready", 1));
        int r = http_resp_json(resp, 503,
                               json_pack("{s:b,s:s}", "ready", 0, "reason",
                                         draining ? "draining" : "starting"));
        return r == CV_OK ? http_resp_header(resp, "Retry-After", "5") : r;
    }
    return metrics(o, resp);
}

int
ops_api_not_found(void *ud, const struct http_req *req, struct http_resp *resp)
{
    return http_resp_error(resp, CV_ENOTFOUND, 404, "no such API route");
}
