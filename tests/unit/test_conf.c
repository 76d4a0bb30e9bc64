/* test_conf.c: the table-driven config engine: defaults, INI files, overrides, bounds,
 * errors naming the line, printing that reloads to the same values. */
#include <setjmp.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cmocka.h>

#include "cv/conf.h"

struct tconf {
    char *name;
    int64_t port;
    bool flag;
    int mode;
    char *secret;
};

static const struct cv_conf_key tab[] = {
    {"server", "name", CV_CONF_STR, offsetof(struct tconf, name), "alpha", 0, 0, NULL,
     "a name", 0},
    {"server", "port", CV_CONF_INT, offsetof(struct tconf, port), "8443", 1, 65535, NULL,
     "TCP port", 0},
    {"server", "flag", CV_CONF_BOOL, offsetof(struct tconf, flag), "false", 0, 0, NULL,
     "a flag", 0},
    {"log", "mode", CV_CONF_ENUM, offsetof(struct tconf, mode), "human", 0, 0,
     "human|json|syslog", "log format", 0},
    {"log", "secret", CV_CONF_STR, offsetof(struct tconf, secret), "s3cr3t", 0, 0, NULL,
     "never printed", CV_CONF_SECRET},
};
#define NTAB (sizeof(tab) / sizeof(tab[0]))

static int
setup(void **state)
{
    struct tconf *c = calloc(1, sizeof(*c));
    char why[CV_CONF_WHY_MAX];
    assert_int_equal(cv_conf_defaults(tab, NTAB, c, why, sizeof(why)), CV_OK);
    *state = c;
    return 0;
}

static int
teardown(void **state)
{
    cv_conf_clear(tab, NTAB, *state);
    free(*state);
    return 0;
}

static void
test_defaults(void **state)
{
    struct tconf *c = *state;
    assert_string_equal(c->name, "alpha");
    assert_int_equal(c->port, 8443);
    assert_false(c->flag);
    assert_int_equal(c->mode, 0);
}

/* Table of INI texts: the good ones load, each bad one fails naming its line. */
static const struct {
    const char *text;
    int want;
    const char *why;
} cases[] = {
    {"[server]\nport = 9000\nflag = yes\n[log]\nmode = json\n", CV_OK, NULL},
    {"; comment\n\n[server]\nname = beta gamma\n", CV_OK, NULL},
    {"[server]\nport = 0\n", CV_EINVAL, "t.ini:2: server.port: 0 < min 1"},
    {"[server]\nport = 70000\n", CV_EINVAL, "t.ini:2: server.port: 70000 > max 65535"},
    {"[server]\nport = 12ab\n", CV_EINVAL, "t.ini:2: server.port: not an integer: \"12ab\""},
    {"[server]\n\nflag = maybe\n", CV_EINVAL, "t.ini:3: server.flag: not a boolean: \"maybe\""},
    {"[log]\nmode = xml\n", CV_EINVAL,
     "t.ini:2: log.mode: \"xml\" is not one of human|json|syslog"},
    {"[server]\nname = x\nbogus = 1\n", CV_EINVAL, "t.ini:3: server.bogus: unknown key"},
    {"[nope]\nname = x\n", CV_EINVAL, "t.ini:2: [nope]: unknown section"},
    {"[server]\nthis line has no equals sign\n", CV_EPROTO, "t.ini:2: syntax error"},
    {"[server\nname = x\n", CV_EPROTO, "t.ini:1: syntax error"},
};

static void
test_ini_cases(void **state)
{
    for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
        struct tconf c = {0};
        char why[CV_CONF_WHY_MAX] = "";
        assert_int_equal(cv_conf_defaults(tab, NTAB, &c, why, sizeof(why)), CV_OK);
        int r = cv_conf_load_string(tab, NTAB, &c, "t.ini", cases[i].text, why, sizeof(why));
        if (r != cases[i].want)
            fail_msg("case %zu: got %d want %d (%s)", i, r, cases[i].want, why);
        if (cases[i].why)
            assert_string_equal(why, cases[i].why);
        cv_conf_clear(tab, NTAB, &c);
    }
}

static void
test_good_file_values(void **state)
{
    struct tconf *c = *state;
    char why[CV_CONF_WHY_MAX];
    assert_int_equal(cv_conf_load_string(tab, NTAB, c, "t.ini", cases[0].text, why,
                                         sizeof(why)),
                     CV_OK);
    assert_int_equal(c->port, 9000);
    assert_true(c->flag);
    assert_int_equal(c->mode, 1);
}

static void
test_override_and_errors(void **state)
{
    struct tconf *c = *state;
    char why[CV_CONF_WHY_MAX];
    assert_int_equal(cv_conf_set(tab, NTAB, c, "server.port", "1234", why, sizeof(why)), CV_OK);
    assert_int_equal(c->port, 1234);
    assert_int_equal(cv_conf_set(tab, NTAB, c, "server.nope", "1", why, sizeof(why)),
                     CV_EINVAL);
    assert_string_equal(why, "server.nope: unknown key");
    assert_int_equal(cv_conf_set(tab, NTAB, c, "port", "1", why, sizeof(why)), CV_EINVAL);
    assert_string_equal(why, "port: expected section.key");
    assert_int_equal(cv_conf_set(tab, NTAB, c, "server.port", "-5", why, sizeof(why)),
                     CV_EINVAL);
    assert_int_equal(c->port, 1234); /* a refused value changes nothing */
}

static void
test_missing_file(void **state)
{
    struct tconf *c = *state;
    char why[CV_CONF_WHY_MAX];
    assert_int_equal(cv_conf_load_file(tab, NTAB, c, "/nonexistent/x.ini", why, sizeof(why)),
                     CV_ENOTFOUND);
    assert_non_null(strstr(why, "/nonexistent/x.ini"));
}

/* --print-config output is itself a valid config that reloads to the same values, and
 * hides secrets. */
static void
test_print_reloads(void **state)
{
    struct tconf *c = *state, d = {0};
    char why[CV_CONF_WHY_MAX], *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);

    assert_int_equal(cv_conf_set(tab, NTAB, c, "server.name", "with spaces", why, sizeof(why)),
                     CV_OK);
    assert_int_equal(cv_conf_set(tab, NTAB, c, "log.mode", "syslog", why, sizeof(why)), CV_OK);
    cv_conf_print(tab, NTAB, c, f);
    fclose(f);
    assert_null(strstr(text, "s3cr3t"));
    assert_int_equal(cv_conf_defaults(tab, NTAB, &d, why, sizeof(why)), CV_OK);
    assert_int_equal(cv_conf_load_string(tab, NTAB, &d, "printed", text, why, sizeof(why)),
                     CV_OK);
    assert_string_equal(d.name, "with spaces");
    assert_int_equal(d.mode, 2);
    assert_int_equal(d.port, c->port);
    cv_conf_clear(tab, NTAB, &d);
    free(text);
}

static void
test_help_lists_every_key(void **state)
{
    char *text = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&text, &len);
    cv_conf_help(tab, NTAB, f);
    fclose(f);
    assert_non_null(strstr(text, "--server.port=1..65535"));
    assert_non_null(strstr(text, "--log.mode=human|json|syslog"));
    assert_non_null(strstr(text, "--server.flag=true|false"));
    free(text);
}

int
main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_setup_teardown(test_defaults, setup, teardown),
        cmocka_unit_test(test_ini_cases),
        cmocka_unit_test_setup_teardown(test_good_file_values, setup, teardown),
        cmocka_unit_test_setup_teardown(test_override_and_errors, setup, teardown),
        cmocka_unit_test_setup_teardown(test_missing_file, setup, teardown),
        cmocka_unit_test_setup_teardown(test_print_reloads, setup, teardown),
        cmocka_unit_test(test_help_lists_every_key),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
