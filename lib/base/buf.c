/* buf.c: bounds-checked reader and bounded growable writer. */
#include "cv/buf.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#define BUF_DEFAULT_MAX (16u * 1024u * 1024u)

int
cv_rd_uint(struct cv_rd *rd, size_t n, uint64_t *ret_v)
{
    uint64_t v = 0;

    if (n == 0 || n > 8 || cv_rd_left(rd) < n)
        return CV_EPROTO;
    for (size_t i = 0; i < n; i++)
        v = (v << 8) | rd->p[rd->off + i];
    rd->off += n;
    *ret_v = v;
    return CV_OK;
}

int
cv_rd_u8(struct cv_rd *rd, uint8_t *ret_v)
{
    if (cv_rd_left(rd) < 1)
        return CV_EPROTO;
    *ret_v = rd->p[rd->off++];
    return CV_OK;
}

int
cv_rd_u16(struct cv_rd *rd, uint16_t *ret_v)
{
    if (cv_rd_left(rd) < 2)
        return CV_EPROTO;
    *ret_v = cv_load_u16(rd->p + rd->off);
    rd->off += 2;
    return CV_OK;
}

int
cv_rd_u32(struct cv_rd *rd, uint32_t *ret_v)
{
    if (cv_rd_left(rd) < 4)
        return CV_EPROTO;
    *ret_v = cv_load_u32(rd->p + rd->off);
    rd->off += 4;
    return CV_OK;
}

int
cv_rd_u64(struct cv_rd *rd, uint64_t *ret_v)
{
    if (cv_rd_left(rd) < 8)
        return CV_EPROTO;
    *ret_v = cv_load_u64(rd->p + rd->off);
    rd->off += 8;
    return CV_OK;
}

int
cv_rd_bytes(struct cv_rd *rd, size_t n, const uint8_t **ret_p)
{
    if (cv_rd_left(rd) < n)
        return CV_EPROTO;
    *ret_p = rd->p + rd->off;
    rd->off += n;
    return CV_OK;
}

int
cv_rd_copy(struct cv_rd *rd, void *out, size_t n)
{
    if (cv_rd_left(rd) < n)
        return CV_EPROTO;
    if (n)
        memcpy(out, rd->p + rd->off, n);
    rd->off += n;
    return CV_OK;
}

int
cv_rd_end(const struct cv_rd *rd)
{
    return cv_rd_left(rd) == 0 ? CV_OK : CV_EPROTO;
}

void
cv_buf_init(struct cv_buf *b, size_t max)
{
    memset(b, 0, sizeof(*b));
    b->max = max ? max : BUF_DEFAULT_MAX;
}

void
cv_buf_free(struct cv_buf *b)
{
    if (b->p && b->secret)
        sodium_memzero(b->p, b->cap);
    free(b->p);
    b->p = NULL;
    b->len = b->cap = 0;
}

int
cv_buf_reserve(struct cv_buf *b, size_t n)
{
    size_t need, cap;
    uint8_t *p;

    if (n > b->max || b->len > b->max - n)
        return CV_ETOOBIG;
    need = b->len + n + 1; /* room for a trailing NUL kept by cv_buf_printf */
    if (need <= b->cap)
        return CV_OK;
    cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    if (b->secret) {
        /* realloc could leave a secret copy behind: move it by hand and wipe the old. */
        p = malloc(cap);
        if (!p)
            return CV_ENOMEM;
        if (b->p) {
            memcpy(p, b->p, b->len);
            sodium_memzero(b->p, b->cap);
            free(b->p);
        }
    } else {
        p = realloc(b->p, cap);
        if (!p)
            return CV_ENOMEM;
    }
    b->p = p;
    b->cap = cap;
    return CV_OK;
}

int
cv_buf_put(struct cv_buf *b, const void *p, size_t n)
{
    int r = cv_buf_reserve(b, n);
    if (r != CV_OK)
        return r;
    if (n)
        memcpy(b->p + b->len, p, n);
    b->len += n;
    return CV_OK;
}

int
cv_buf_put_u8(struct cv_buf *b, uint8_t v)
{
    return cv_buf_put(b, &v, 1);
}

int
cv_buf_put_u16(struct cv_buf *b, uint16_t v)
{
    uint8_t t[2];
    cv_store_u16(t, v);
    return cv_buf_put(b, t, 2);
}

int
cv_buf_put_u32(struct cv_buf *b, uint32_t v)
{
    uint8_t t[4];
    cv_store_u32(t, v);
    return cv_buf_put(b, t, 4);
}

int
cv_buf_put_u64(struct cv_buf *b, uint64_t v)
{
    uint8_t t[8];
    cv_store_u64(t, v);
    return cv_buf_put(b, t, 8);
}

int
cv_buf_put_uint(struct cv_buf *b, uint64_t v, size_t n)
{
    uint8_t t[8];

    if (n == 0 || n > 8 || (n < 8 && (v >> (8 * n)) != 0))
        return CV_EINVAL;
    for (size_t i = 0; i < n; i++)
        t[n - 1 - i] = (uint8_t)(v >> (8 * i));
    return cv_buf_put(b, t, n);
}

int
cv_buf_printf(struct cv_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n, r;

    va_start(ap, fmt);
    n = vsnprintf(NULL, 0, fmt, ap);
    va_end(ap);
    if (n < 0)
        return CV_EINVAL;
    if ((r = cv_buf_reserve(b, (size_t)n)) != CV_OK)
        return r;
    va_start(ap, fmt);
    vsnprintf((char *)b->p + b->len, (size_t)n + 1, fmt, ap);
    va_end(ap);
    b->len += (size_t)n;
    return CV_OK;
}
