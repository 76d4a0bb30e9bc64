/* ops.h: the operator endpoints: /healthz (alive: version, roles, uptime), /readyz
 * (200 when accepting meetings, 503 while starting or draining) and /metrics
 * (Prometheus text format), plus the JSON 404 of the API space. */
#ifndef CV_SERVER_OPS_H
#define CV_SERVER_OPS_H

#include <stdbool.h>
#include <stdint.h>

#include "http.h"

struct http_server;

struct ops {
    struct http_server *http;
    const char *roles; /* "mgmt,relay" */
    uint64_t started_mono;
    bool ready;
};

/* http_handler_cb for "/healthz", "/readyz" and "/metrics" (ud: struct ops). */
int ops_handle(void *ops, const struct http_req *req, struct http_resp *resp);
/* http_handler_cb for "/api/": answers JSON 404 for every path nothing else took. */
int ops_api_not_found(void *ud, const struct http_req *req, struct http_resp *resp);

#endif
