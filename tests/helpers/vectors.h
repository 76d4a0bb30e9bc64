/* vectors.h: test helpers to locate and load known-answer vectors from
 * $CONCLAVE_VECTORS (default ../shared/vectors) and to decode hex fields. */
#ifndef CV_TEST_VECTORS_H
#define CV_TEST_VECTORS_H

#include <stddef.h>
#include <stdint.h>

#include <jansson.h>

/* Load $CONCLAVE_VECTORS/<rel> as JSON. Fails the test (cmocka) with a clear message when
 * the folder or file is absent. The caller owns the result (json_decref). */
json_t *tv_load_json(const char *rel);

/* Decode a hex string into a fresh malloc'd buffer (length in *ret_len). NULL input gives
 * an empty buffer. Fails the test on bad hex. Caller frees. */
uint8_t *tv_hex(const char *hex, size_t *ret_len);

/* Same, from a JSON string member of obj. */
uint8_t *tv_hex_member(json_t *obj, const char *key, size_t *ret_len);

#endif
