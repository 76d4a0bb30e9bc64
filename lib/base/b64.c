/* b64.c: Base64 and hex wrappers over libsodium's constant-time codecs. */
#include "cv/b64.h"

#include <sodium.h>

static int
sodium_variant(enum cv_b64_variant v)
{
    return v == CV_B64_URL ? sodium_base64_VARIANT_URLSAFE_NO_PADDING
                           : sodium_base64_VARIANT_ORIGINAL;
}

size_t
cv_b64_encoded_len(size_t n, enum cv_b64_variant v)
{
    return sodium_base64_ENCODED_LEN(n, sodium_variant(v));
}

int
cv_b64_encode(char *out, size_t out_size, const uint8_t *p, size_t n, enum cv_b64_variant v)
{
    if (out_size < cv_b64_encoded_len(n, v))
        return CV_ETOOBIG;
    sodium_bin2base64(out, out_size, p, n, sodium_variant(v));
    return CV_OK;
}

int
cv_b64_decode(uint8_t *out, size_t out_max, size_t *ret_len, const char *s, size_t slen,
              enum cv_b64_variant v)
{
    const char *end = NULL;
    size_t n = 0;

    if (slen / 4 * 3 > out_max + 3)
        return CV_ETOOBIG;
    if (sodium_base642bin(out, out_max, s, slen, NULL, &n, &end, sodium_variant(v)) != 0)
        return CV_EPROTO;
    if (end != s + slen)
        return CV_EPROTO;
    *ret_len = n;
    return CV_OK;
}

int
cv_hex_encode(char *out, size_t out_size, const uint8_t *p, size_t n)
{
    if (n > (SIZE_MAX - 1) / 2 || out_size < n * 2 + 1)
        return CV_ETOOBIG;
    sodium_bin2hex(out, out_size, p, n);
    return CV_OK;
}

int
cv_hex_decode(uint8_t *out, size_t out_max, size_t *ret_len, const char *s, size_t slen)
{
    const char *end = NULL;
    size_t n = 0;

    if (slen % 2 != 0)
        return CV_EPROTO;
    if (slen / 2 > out_max)
        return CV_ETOOBIG;
    if (sodium_hex2bin(out, out_max, s, slen, NULL, &n, &end) != 0 || end != s + slen)
        return CV_EPROTO;
    *ret_len = n;
    return CV_OK;
}
