/* static.h: the web portal's static files (server.web_dir) at "/": GET and HEAD only,
 * "/" serves index.html, types from the file extension, no directory listings, nothing
 * outside web_dir (no "..", no hidden files, symlinks resolved and checked). */
#ifndef CV_SERVER_HTTP_STATIC_H
#define CV_SERVER_HTTP_STATIC_H

#include "http.h"

struct http_static;

/* web_dir must exist; CV_ENOTFOUND otherwise (the server then answers 404 for "/"). */
int http_static_open(const char *web_dir, struct http_static **ret);
void http_static_free(struct http_static *st);
/* http_handler_cb for "/". */
int http_static_handle(void *st, const struct http_req *req, struct http_resp *resp);
/* Content type for a file name ("a.js" -> "text/javascript; charset=utf-8"). */
const char *http_static_type(const char *name);

#endif
