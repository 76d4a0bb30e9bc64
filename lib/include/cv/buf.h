/* cv/buf.h: borrowed byte slices, a bounds-checked big-endian reader, and a growable
 * writer with a hard maximum.
 *
 * Readers never read past `len`; every read returns CV_OK or CV_EPROTO and leaves the
 * reader unchanged on failure. Writers grow up to `max` and return CV_ETOOBIG past it.
 * Not thread-safe; callers own their readers and writers. */
#ifndef CV_BUF_H
#define CV_BUF_H

#include <stddef.h>
#include <stdint.h>

#include "cv/err.h"

/* Borrowed bytes: the owner of `p` outlives the slice. */
struct cv_bytes {
    const uint8_t *p;
    size_t len;
};

struct cv_rd {
    const uint8_t *p;
    size_t len;
    size_t off;
};

static inline struct cv_rd
cv_rd_init(const uint8_t *p, size_t len)
{
    struct cv_rd rd = {p, len, 0};
    return rd;
}

static inline size_t
cv_rd_left(const struct cv_rd *rd)
{
    return rd->len - rd->off;
}

CV_MUSTCHECK int cv_rd_u8(struct cv_rd *rd, uint8_t *ret_v);
CV_MUSTCHECK int cv_rd_u16(struct cv_rd *rd, uint16_t *ret_v);
CV_MUSTCHECK int cv_rd_u32(struct cv_rd *rd, uint32_t *ret_v);
CV_MUSTCHECK int cv_rd_u64(struct cv_rd *rd, uint64_t *ret_v);
/* Big-endian unsigned integer of n bytes (1..8). */
CV_MUSTCHECK int cv_rd_uint(struct cv_rd *rd, size_t n, uint64_t *ret_v);
/* Borrow the next n bytes. */
CV_MUSTCHECK int cv_rd_bytes(struct cv_rd *rd, size_t n, const uint8_t **ret_p);
/* Copy the next n bytes into out. */
CV_MUSTCHECK int cv_rd_copy(struct cv_rd *rd, void *out, size_t n);
/* CV_OK when every byte was consumed, CV_EPROTO on trailing bytes. */
CV_MUSTCHECK int cv_rd_end(const struct cv_rd *rd);

/* Growable writer. `max` is the hard limit in bytes (0 means 16 MiB). When `secret` is
 * set, the storage is wiped before it is freed or moved. */
struct cv_buf {
    uint8_t *p;
    size_t len;
    size_t cap;
    size_t max;
    int secret;
};

void cv_buf_init(struct cv_buf *b, size_t max);
/* Wipe (when secret) and free the storage; the buffer is empty and reusable after. */
void cv_buf_free(struct cv_buf *b);
/* Make room for n more bytes. */
CV_MUSTCHECK int cv_buf_reserve(struct cv_buf *b, size_t n);
CV_MUSTCHECK int cv_buf_put(struct cv_buf *b, const void *p, size_t n);
CV_MUSTCHECK int cv_buf_put_u8(struct cv_buf *b, uint8_t v);
CV_MUSTCHECK int cv_buf_put_u16(struct cv_buf *b, uint16_t v);
CV_MUSTCHECK int cv_buf_put_u32(struct cv_buf *b, uint32_t v);
CV_MUSTCHECK int cv_buf_put_u64(struct cv_buf *b, uint64_t v);
/* Big-endian unsigned integer in n bytes (1..8); CV_EINVAL when v does not fit. */
CV_MUSTCHECK int cv_buf_put_uint(struct cv_buf *b, uint64_t v, size_t n);
/* Append printf-formatted text (no NUL counted in len, but one is kept after it). */
CV_MUSTCHECK int cv_buf_printf(struct cv_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Big-endian stores and loads on raw memory. */
static inline void
cv_store_u16(uint8_t *p, uint16_t v)
{
    p[0] = (uint8_t)(v >> 8);
    p[1] = (uint8_t)v;
}
static inline void
cv_store_u32(uint8_t *p, uint32_t v)
{
    p[0] = (uint8_t)(v >> 24);
    p[1] = (uint8_t)(v >> 16);
    p[2] = (uint8_t)(v >> 8);
    p[3] = (uint8_t)v;
}
static inline void
cv_store_u64(uint8_t *p, uint64_t v)
{
    cv_store_u32(p, (uint32_t)(v >> 32));
    cv_store_u32(p + 4, (uint32_t)v);
}
static inline uint16_t
cv_load_u16(const uint8_t *p)
{
    return (uint16_t)((p[0] << 8) | p[1]);
}
static inline uint32_t
cv_load_u32(const uint8_t *p)
{
    return ((uint32_t)p[0] << 24) | ((uint32_t)p[1] << 16) | ((uint32_t)p[2] << 8) | p[3];
}
static inline uint64_t
cv_load_u64(const uint8_t *p)
{
    return ((uint64_t)cv_load_u32(p) << 32) | cv_load_u32(p + 4);
}

#endif
