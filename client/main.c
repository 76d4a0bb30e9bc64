/* main.c: `conclave`, the command line client. */
#include <stdio.h>
#include <string.h>

#include <curl/curl.h>
#include <sodium.h>

#include "cmd/cmd.h"
#include "core/trust.h"

static const struct {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *help;
} commands[] = {
    {"ping", cmd_ping, "ping https://HOST:PORT   check a server's health over its pinned key"},
};

static void
usage(FILE *out)
{
    fprintf(out, "Usage: conclave COMMAND [ARGS]\n       conclave --version | --help\n\n"
                 "Commands:\n");
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
        fprintf(out, "  %s\n", commands[i].help);
    fprintf(out, "\nServers are trusted by their key pin (sha256//...): give --pin, or accept "
                 "the pin shown\non first contact (interactive, or --trust-on-first-use). Pins "
                 "are remembered in\n$XDG_CONFIG_HOME/conclave/known_servers.\n");
}

int
main(int argc, char **argv)
{
    int rc;

    if (argc < 2) {
        usage(stderr);
        return EXIT_USAGE;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("conclave %s\n", CV_VERSION);
        return 0;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "help") == 0) {
        usage(stdout);
        return 0;
    }
    if (sodium_init() < 0 || curl_global_init(CURL_GLOBAL_DEFAULT) != 0) {
        fprintf(stderr, "conclave: cannot initialise the crypto libraries\n");
        return EXIT_USAGE;
    }
    for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++) {
        if (strcmp(argv[1], commands[i].name) == 0) {
            rc = commands[i].run(argc - 2, argv + 2);
            curl_global_cleanup();
            return rc;
        }
    }
    fprintf(stderr, "conclave: unknown command \"%s\"\n", argv[1]);
    usage(stderr);
    curl_global_cleanup();
    return EXIT_USAGE;
}
