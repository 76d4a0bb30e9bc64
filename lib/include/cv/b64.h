/* cv/b64.h: constant-time Base64 and hex through libsodium (keys are encoded only with
 * constant-time encoders). Outputs are NUL-terminated. */
#ifndef CV_B64_H
#define CV_B64_H

#include <stddef.h>
#include <stdint.h>

#include "cv/err.h"

/* Standard alphabet with padding ("sha256//" pins) or URL-safe without padding (tokens). */
enum cv_b64_variant { CV_B64_STD, CV_B64_URL };

/* Size of the buffer cv_b64_encode needs for n bytes, NUL included. */
size_t cv_b64_encoded_len(size_t n, enum cv_b64_variant v);
CV_MUSTCHECK int cv_b64_encode(char *out, size_t out_size, const uint8_t *p, size_t n,
                               enum cv_b64_variant v);
/* Decode exactly; CV_EPROTO on bad characters or trailing bytes, CV_ETOOBIG past out_max.
 */
CV_MUSTCHECK int cv_b64_decode(uint8_t *out, size_t out_max, size_t *ret_len, const char *s,
                               size_t slen, enum cv_b64_variant v);
CV_MUSTCHECK int cv_hex_encode(char *out, size_t out_size, const uint8_t *p, size_t n);
CV_MUSTCHECK int cv_hex_decode(uint8_t *out, size_t out_max, size_t *ret_len, const char *s,
                               size_t slen);

#endif
