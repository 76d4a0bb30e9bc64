/* ping.c: `conclave ping URL [--pin P] [--trust-on-first-use] [--json]`: connect with the
 * pin, print the server's health. */
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <jansson.h>

#include "cmd.h"
#include "core/rest.h"
#include "core/trust.h"
#include "core/url.h"
#include "cv/err.h"

static void
ping_usage(void)
{
    fprintf(stderr, "Usage: conclave ping https://HOST[:PORT] [--pin sha256//...] "
                    "[--trust-on-first-use] [--json]\n");
}

int
cmd_ping(int argc, char **argv)
{
    struct trust_opts to = {.interactive = isatty(STDIN_FILENO) && isatty(STDERR_FILENO)};
    const char *target = NULL, *why = NULL;
    bool as_json = false;
    struct url u;
    char pin[CV_PIN_LEN], err[REST_WHY_MAX];
    struct rest *rest = NULL;
    struct rest_answer ans = {0};
    int rc;

    for (int i = 0; i < argc; i++) {
        if (strcmp(argv[i], "--pin") == 0 && i + 1 < argc)
            to.pin = argv[++i];
        else if (strncmp(argv[i], "--pin=", 6) == 0)
            to.pin = argv[i] + 6;
        else if (strcmp(argv[i], "--trust-on-first-use") == 0)
            to.trust_on_first_use = true;
        else if (strcmp(argv[i], "--json") == 0)
            as_json = true;
        else if (argv[i][0] != '-' && !target)
            target = argv[i];
        else {
            ping_usage();
            return EXIT_USAGE;
        }
    }
    if (!target) {
        ping_usage();
        return EXIT_USAGE;
    }
    if (url_parse(target, &u, &why) != CV_OK) {
        fprintf(stderr, "conclave: %s: %s\n", target, why);
        return EXIT_USAGE;
    }
    if ((rc = trust_resolve(&u, &to, pin, stderr)) != EXIT_OK_)
        return rc;
    if (rest_open(u.origin, pin, &rest) != CV_OK)
        return EXIT_USAGE;
    switch (rest_call(rest, "GET", "/healthz", NULL, &ans, err, sizeof(err))) {
    case CV_OK:
        break;
    case CV_EAUTH:
        fprintf(stderr, "conclave: %s\n", err);
        rest_free(rest);
        return EXIT_PIN_MISMATCH;
    default:
        fprintf(stderr, "conclave: %s\n", err);
        rest_free(rest);
        return EXIT_UNREACHABLE;
    }
    rc = EXIT_OK_;
    if (ans.status != 200 || !json_is_object(ans.json)) {
        fprintf(stderr, "conclave: %s answered HTTP %ld to /healthz\n", u.hostport, ans.status);
        rc = EXIT_SERVER;
    } else if (as_json) {
        printf("%s\n", ans.text);
    } else {
        json_t *j = ans.json;
        printf("%s: %s (conclaved %s, roles %s, up %lld s)\n", u.hostport,
               json_string_value(json_object_get(j, "status")),
               json_string_value(json_object_get(j, "version")),
               json_string_value(json_object_get(j, "roles")),
               (long long)json_integer_value(json_object_get(j, "uptime_s")));
        printf("pin: %s\n", pin);
    }
    rest_answer_clear(&ans);
    rest_free(rest);
    return rc;
}
