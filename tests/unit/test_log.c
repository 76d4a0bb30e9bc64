/* test_log.c: levels, human and JSON lines, quoting of untrusted strings, rate limits. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <cmocka.h>
#include <jansson.h>

#include "cv/log.h"
#include "cv/time.h"

static char last[8192];
static int nlines;

static void
sink(enum cv_log_level level, const char *line, void *ud)
{
    snprintf(last, sizeof(last), "%s", line);
    nlines++;
}

static void
test_levels_filter(void **state)
{
    cv_log_setup(CV_LOG_HUMAN, CV_LOG_WARN, "t");
    cv_log_set_sink(sink, NULL);
    nlines = 0;
    CV_INFO("mod", "hidden");
    CV_DEBUG("mod", "hidden");
    assert_int_equal(nlines, 0);
    CV_WARN("mod", "shown %d", 7);
    assert_int_equal(nlines, 1);
    assert_non_null(strstr(last, " warn  mod: shown 7"));
    cv_log_set_sink(NULL, NULL);
}

static void
test_human_line_format(void **state)
{
    cv_time_set_fake(UINT64_C(1763719200123456)); /* 2025-11-21T10:00:00.123Z */
    cv_log_setup(CV_LOG_HUMAN, CV_LOG_DEBUG, "t");
    cv_log_set_sink(sink, NULL);
    CV_ERROR("relay", "join refused: %s meeting=%d", "ticket expired", 42);
    assert_string_equal(last,
                        "2025-11-21T10:00:00.123Z error relay: join refused: ticket expired "
                        "meeting=42");
    /* A newline in a message never starts a forged log line. */
    CV_INFO("m", "a\nb");
    assert_null(strchr(last, '\n'));
    cv_log_set_sink(NULL, NULL);
    cv_time_set_fake(0);
}

static void
test_json_lines_are_valid_json(void **state)
{
    json_error_t jerr;
    cv_log_setup(CV_LOG_JSON, CV_LOG_INFO, "t");
    cv_log_set_sink(sink, NULL);
    CV_INFO("http", "path \"%s\" \\ ctrl%c end", "/x\"y", 1);
    json_t *j = json_loads(last, 0, &jerr);
    assert_non_null(j);
    assert_string_equal(json_string_value(json_object_get(j, "level")), "info");
    assert_string_equal(json_string_value(json_object_get(j, "module")), "http");
    assert_string_equal(json_string_value(json_object_get(j, "msg")),
                        "path \"/x\"y\" \\ ctrl\x01 end");
    json_decref(j);
    cv_log_set_sink(NULL, NULL);
    cv_log_setup(CV_LOG_HUMAN, CV_LOG_INFO, "t");
}

static void
test_quote_escapes_and_truncates(void **state)
{
    char out[64];
    assert_string_equal(cv_log_quote(out, sizeof(out), "a\"b\\\n\xff", 6),
                        "\"a\\\"b\\\\\\x0a\\xff\"");
    char small[12];
    cv_log_quote(small, sizeof(small), "abcdefghijklmnop", 16);
    assert_true(strlen(small) < sizeof(small));
    assert_non_null(strstr(small, "...\""));
}

static void
test_parse_names(void **state)
{
    assert_int_equal(cv_log_level_from_str("debug"), CV_LOG_DEBUG);
    assert_int_equal(cv_log_level_from_str("loud"), -1);
    assert_int_equal(cv_log_target_from_str("syslog"), CV_LOG_SYSLOG);
    assert_int_equal(cv_log_target_from_str(NULL), -1);
}

static void
test_ratelimit(void **state)
{
    struct cv_ratelimit rl = {0};
    int ok = 0;
    for (int i = 0; i < 100; i++)
        ok += cv_ratelimit_ok(&rl, 1000000 + (uint64_t)i, 5, 1000000);
    assert_int_equal(ok, 5);
    assert_int_equal(rl.suppressed, 95);
    assert_true(cv_ratelimit_ok(&rl, 2000001, 5, 1000000)); /* next interval */
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_levels_filter),
        cmocka_unit_test(test_human_line_format),
        cmocka_unit_test(test_json_lines_are_valid_json),
        cmocka_unit_test(test_quote_escapes_and_truncates),
        cmocka_unit_test(test_parse_names),
        cmocka_unit_test(test_ratelimit),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
