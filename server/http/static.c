/* static.c: static file serving for the web portal. */
#include "static.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cv/err.h"

#define STATIC_FILE_MAX (32u * 1024u * 1024u)

struct http_static {
    char root[PATH_MAX]; /* realpath of web_dir */
};

static const struct {
    const char *ext;
    const char *type;
} types[] = {
    {".html", "text/html; charset=utf-8"},
    {".css", "text/css; charset=utf-8"},
    {".js", "text/javascript; charset=utf-8"},
    {".mjs", "text/javascript; charset=utf-8"},
    {".json", "application/json"},
    {".svg", "image/svg+xml"},
    {".png", "image/png"},
    {".ico", "image/x-icon"},
    {".wasm", "application/wasm"},
    {".txt", "text/plain; charset=utf-8"},
    {".woff2", "font/woff2"},
};

const char *
http_static_type(const char *name)
{
    size_t n = strlen(name);
    for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++) {
        size_t e = strlen(types[i].ext);
        if (n >= e && strcmp(name + n - e, types[i].ext) == 0)
            return types[i].type;
    }
    return "application/octet-stream";
}

int
http_static_open(const char *web_dir, struct http_static **ret)
{
    struct http_static *st = calloc(1, sizeof(*st));
    if (!st)
        return CV_ENOMEM;
    if (!realpath(web_dir, st->root)) {
        free(st);
        return CV_ENOTFOUND;
    }
    *ret = st;
    return CV_OK;
}

void
http_static_free(struct http_static *st)
{
    free(st);
}

/* Path segments must be plain names: no empty "..", no leading dot (hidden files). */
static int
path_is_clean(const char *path)
{
    if (path[0] != '/')
        return 0;
    for (const char *p = path; *p; p++) {
        if (*p == '/' && p[1] == '.')
            return 0;
        if ((unsigned char)*p < 0x20 || *p == '\\')
            return 0;
    }
    return 1;
}

int
http_static_handle(void *ud, const struct http_req *req, struct http_resp *resp)
{
    struct http_static *st = ud;
    char want[PATH_MAX], real[PATH_MAX];
    const char *rel = req->path;
    struct stat sb;
    int fd = -1, r;
    size_t rootlen = strlen(st->root);

    if (strncmp(req->path, "/api/", 5) == 0 || strcmp(req->path, "/api") == 0)
        return CV_OK; /* not ours: the API space answers JSON 404 elsewhere */
    if (strcmp(req->method, "GET") != 0) {
        r = http_resp_error(resp, CV_EINVAL, 405, "method not allowed");
        return r == CV_OK ? http_resp_header(resp, "Allow", "GET, HEAD") : r;
    }
    if (!path_is_clean(rel))
        return http_resp_error(resp, CV_ENOTFOUND, 404, "no such file");
    if (strcmp(rel, "/") == 0)
        rel = "/index.html";
    if ((size_t)snprintf(want, sizeof(want), "%s%s", st->root, rel) >= sizeof(want))
        return http_resp_error(resp, CV_ENOTFOUND, 404, "no such file");
    /* Symlinks may point anywhere: resolve and require the result under the root. */
    if (!realpath(want, real) || strncmp(real, st->root, rootlen) != 0 ||
        (real[rootlen] != '/' && real[rootlen] != '\0'))
        return http_resp_error(resp, CV_ENOTFOUND, 404, "no such file");
    fd = open(real, O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0 || fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) ||
        (size_t)sb.st_size > STATIC_FILE_MAX) {
        if (fd >= 0)
            close(fd);
        return http_resp_error(resp, CV_ENOTFOUND, 404, "no such file");
    }
    if ((r = cv_buf_reserve(&resp->body, (size_t)sb.st_size)) != CV_OK) {
        close(fd);
        return r;
    }
    size_t got = 0;
    while (got < (size_t)sb.st_size) {
        ssize_t n = read(fd, resp->body.p + got, (size_t)sb.st_size - got);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        got += (size_t)n;
    }
    close(fd);
    if (got != (size_t)sb.st_size)
        return http_resp_error(resp, CV_ESYS, 500, "cannot read file");
    resp->body.len = got;
    resp->status = 200;
    resp->content_type = http_static_type(real);
    return http_resp_header(resp, "Cache-Control", "no-cache");
}
