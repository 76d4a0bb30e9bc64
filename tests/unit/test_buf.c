/* test_buf.c: bounds-checked reader and bounded writer. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "cv/b64.h"
#include "cv/buf.h"

static void
test_reader_reads_big_endian_and_stops_at_len(void **state)
{
    /* u8 0x01 | u16 0x0203 | u32 0x04050607 | 3 trailing bytes */
    static const uint8_t in[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0xaa, 0xbb, 0xcc};
    struct cv_rd rd = cv_rd_init(in, sizeof(in));
    uint8_t a;
    uint16_t b;
    uint32_t c;
    uint64_t d;
    const uint8_t *p;

    assert_int_equal(cv_rd_u8(&rd, &a), CV_OK);
    assert_int_equal(a, 1);
    assert_int_equal(cv_rd_u16(&rd, &b), CV_OK);
    assert_int_equal(b, 0x0203);
    assert_int_equal(cv_rd_u32(&rd, &c), CV_OK);
    assert_int_equal(c, 0x04050607);
    assert_int_equal(cv_rd_end(&rd), CV_EPROTO); /* trailing bytes are an error */
    /* A read past the end fails and consumes nothing. */
    assert_int_equal(cv_rd_u32(&rd, &c), CV_EPROTO);
    assert_int_equal(rd.off, 7);
    assert_int_equal(cv_rd_uint(&rd, 3, &d), CV_OK);
    assert_int_equal(d, 0xaabbcc);
    assert_int_equal(cv_rd_bytes(&rd, 1, &p), CV_EPROTO);
    assert_int_equal(cv_rd_end(&rd), CV_OK);
    assert_int_equal(cv_rd_uint(&rd, 9, &d), CV_EPROTO);
}

static void
test_writer_grows_to_max_then_refuses(void **state)
{
    struct cv_buf b;
    uint8_t big[40] = {0};

    cv_buf_init(&b, 32);
    assert_int_equal(cv_buf_put_u16(&b, 0x0102), CV_OK);
    assert_int_equal(cv_buf_put_u64(&b, 0x0304050607080910ull), CV_OK);
    assert_int_equal(b.len, 10);
    assert_int_equal(b.p[0], 1);
    assert_int_equal(b.p[9], 0x10);
    assert_int_equal(cv_buf_put(&b, big, 23), CV_ETOOBIG);
    assert_int_equal(b.len, 10); /* unchanged */
    assert_int_equal(cv_buf_put(&b, big, 22), CV_OK);
    assert_int_equal(b.len, 32);
    assert_int_equal(cv_buf_put_u8(&b, 1), CV_ETOOBIG);
    cv_buf_free(&b);
    assert_null(b.p);
}

static void
test_writer_uint_and_printf(void **state)
{
    struct cv_buf b;

    cv_buf_init(&b, 0);
    b.secret = 1;
    assert_int_equal(cv_buf_put_uint(&b, 0x1234, 2), CV_OK);
    assert_int_equal(cv_buf_put_uint(&b, 0x10000, 2), CV_EINVAL);
    assert_int_equal(cv_buf_printf(&b, "%s=%d", "n", 42), CV_OK);
    assert_int_equal(b.len, 6);
    assert_memory_equal(b.p, "\x12\x34n=42", 6);
    assert_int_equal(b.p[6], '\0');
    cv_buf_free(&b);
}

static void
test_b64_and_hex_round_trip_and_refuse_garbage(void **state)
{
    static const uint8_t in[] = {0xde, 0xad, 0xbe, 0xef, 0x00, 0xff};
    char s[32];
    uint8_t out[16];
    size_t n;

    assert_int_equal(cv_b64_encode(s, sizeof(s), in, sizeof(in), CV_B64_STD), CV_OK);
    assert_string_equal(s, "3q2+7wD/");
    assert_int_equal(cv_b64_decode(out, sizeof(out), &n, s, strlen(s), CV_B64_STD), CV_OK);
    assert_int_equal(n, sizeof(in));
    assert_memory_equal(out, in, n);
    assert_int_equal(cv_b64_encode(s, sizeof(s), in, sizeof(in), CV_B64_URL), CV_OK);
    assert_string_equal(s, "3q2-7wD_");
    assert_int_equal(cv_b64_decode(out, sizeof(out), &n, "3q2*", 4, CV_B64_STD), CV_EPROTO);
    assert_int_equal(cv_b64_encode(s, 4, in, sizeof(in), CV_B64_STD), CV_ETOOBIG);
    assert_int_equal(cv_hex_encode(s, sizeof(s), in, sizeof(in)), CV_OK);
    assert_string_equal(s, "deadbeef00ff");
    assert_int_equal(cv_hex_decode(out, sizeof(out), &n, s, strlen(s)), CV_OK);
    assert_memory_equal(out, in, sizeof(in));
    assert_int_equal(cv_hex_decode(out, sizeof(out), &n, "abc", 3), CV_EPROTO);
    assert_int_equal(cv_hex_decode(out, sizeof(out), &n, "zz", 2), CV_EPROTO);
    assert_int_equal(cv_hex_decode(out, 1, &n, "abcd", 4), CV_ETOOBIG);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_reader_reads_big_endian_and_stops_at_len),
        cmocka_unit_test(test_writer_grows_to_max_then_refuses),
        cmocka_unit_test(test_writer_uint_and_printf),
        cmocka_unit_test(test_b64_and_hex_round_trip_and_refuse_garbage),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
