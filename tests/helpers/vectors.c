/* vectors.c: known-answer vector loading for the unit tests. */
#include "vectors.h"

#include <setjmp.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "cv/b64.h"

json_t *
tv_load_json(const char *rel)
{
    const char *dir = getenv("CONCLAVE_VECTORS");
    char path[4096];
    json_error_t jerr;
    json_t *j;

    if (!dir || !*dir)
        dir = "../shared/vectors";
    snprintf(path, sizeof(path), "%s/%s", dir, rel);
    j = json_load_file(path, 0, &jerr);
    if (!j)
        fail_msg("known-answer vectors missing or unreadable: %s (%s). Set CONCLAVE_VECTORS "
                 "to the shared/vectors folder.",
                 path, jerr.text);
    return j;
}

uint8_t *
tv_hex(const char *hex, size_t *ret_len)
{
    size_t slen = hex ? strlen(hex) : 0;
    uint8_t *out = malloc(slen / 2 + 1);
    size_t n = 0;

    assert_non_null(out);
    if (slen && cv_hex_decode(out, slen / 2, &n, hex, slen) != CV_OK)
        fail_msg("bad hex in vector: %.40s", hex);
    *ret_len = n;
    return out;
}

uint8_t *
tv_hex_member(json_t *obj, const char *key, size_t *ret_len)
{
    json_t *v = json_object_get(obj, key);
    if (!json_is_string(v))
        fail_msg("vector field %s missing", key);
    return tv_hex(json_string_value(v), ret_len);
}
