/* conf.c: the table of every conclaved configuration key and the command line. */
#include "conf.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "cv/conf.h"

#define K(sec, name, type, field, def, min, max, choices, help)                               \
    {sec, name, type, offsetof(struct srv_conf, field), def, min, max, choices, help, 0}

static const struct cv_conf_key keys[] = {
    K("server", "data_dir", CV_CONF_STR, data_dir, "var", 0, 0, NULL,
      "folder for the database, certificate, keys (created 0700 when missing)"),
    K("server", "listen", CV_CONF_STR, listen, "", 0, 0, NULL,
      "address to bind (empty: all addresses)"),
    K("server", "port", CV_CONF_INT, port, "8443", 0, 65535, NULL,
      "TCP port of the one TLS listener (0: any free port, printed at start)"),
    K("server", "public_url", CV_CONF_STR, public_url, "", 0, 0, NULL,
      "URL clients use to reach this server (empty: https://<first tls.hostnames>:<port>)"),
    K("server", "roles", CV_CONF_ENUM, roles, "all", 0, 0, "all|mgmt|relay",
      "roles this process runs: management service, relay, or both"),
    K("server", "web_dir", CV_CONF_STR, web_dir, "web", 0, 0, NULL,
      "folder of the web portal's static files served at /"),
    K("server", "user", CV_CONF_STR, user, "", 0, 0, NULL,
      "when started as root, switch to this user after binding (empty: stay)"),
    K("server", "drain_timeout", CV_CONF_INT, drain_timeout, "3", 0, 600, NULL,
      "seconds to finish in-flight work after SIGTERM/SIGINT before exiting"),
    K("tls", "cert", CV_CONF_STR, cert, "", 0, 0, NULL,
      "PEM certificate chain (empty: self-signed ECDSA P-256 made in data_dir)"),
    K("tls", "key", CV_CONF_STR, key, "", 0, 0, NULL, "PEM private key of tls.cert"),
    K("tls", "min_version", CV_CONF_ENUM, tls_min, "1.3", 0, 0, "1.3|1.2",
      "lowest TLS version accepted (1.2 allows ECDHE with AEAD suites only)"),
    K("tls", "hostnames", CV_CONF_STR, hostnames, "localhost", 0, 0, NULL,
      "comma-separated names for the self-signed certificate"),
    K("http", "max_body", CV_CONF_INT, max_body, "1048576", 1024, 67108864, NULL,
      "largest request body accepted, in bytes (larger: 413)"),
    K("http", "idle_timeout", CV_CONF_INT, idle_timeout, "30", 1, 3600, NULL,
      "seconds an idle HTTP connection is kept"),
    K("log", "level", CV_CONF_ENUM, log_level, "info", 0, 0, "error|warn|info|debug",
      "lowest level logged"),
    K("log", "format", CV_CONF_ENUM, log_format, "human", 0, 0, "human|json|syslog",
      "human lines or JSON lines on stderr, or syslog"),
};
#define NKEYS (sizeof(keys) / sizeof(keys[0]))

const char *
srv_roles_str(int roles)
{
    switch (roles) {
    case SRV_ROLES_MGMT:
        return "mgmt";
    case SRV_ROLES_RELAY:
        return "relay";
    default:
        return "mgmt,relay";
    }
}

static void
usage(FILE *out)
{
    fprintf(out, "Usage: conclaved [--config FILE] [--section.key=VALUE ...]\n"
                 "       conclaved --help | --version | --print-config\n\n"
                 "Conclave server: management service and meeting relay on one TLS port.\n"
                 "The configuration file is FILE, else $CONCLAVED_CONFIG when set. Every key\n"
                 "can be given on the command line and wins over the file:\n\n");
    cv_conf_help(keys, NKEYS, out);
}

enum srv_conf_action
srv_conf_parse(struct srv_conf *c, int argc, char **argv, FILE *out, FILE *err)
{
    char why[CV_CONF_WHY_MAX];
    const char *file = getenv("CONCLAVED_CONFIG");
    bool print = false;

    memset(c, 0, sizeof(*c));
    if (cv_conf_defaults(keys, NKEYS, c, why, sizeof(why)) != CV_OK) {
        fprintf(err, "conclaved: %s\n", why);
        return SRV_CONF_EXIT_ERR;
    }
    /* First pass: actions and the config file. */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            usage(out);
            return SRV_CONF_EXIT_OK;
        } else if (strcmp(a, "--version") == 0) {
            fprintf(out, "conclaved %s\n", CV_VERSION);
            return SRV_CONF_EXIT_OK;
        } else if (strcmp(a, "--print-config") == 0) {
            print = true;
        } else if (strcmp(a, "--config") == 0) {
            if (i + 1 >= argc) {
                fprintf(err, "conclaved: --config needs a file name\n");
                return SRV_CONF_EXIT_ERR;
            }
            file = argv[++i];
        } else if (strncmp(a, "--config=", 9) == 0) {
            file = a + 9;
        } else if (strncmp(a, "--", 2) != 0 || !strchr(a, '=')) {
            fprintf(err, "conclaved: unknown argument \"%s\" (see --help)\n", a);
            return SRV_CONF_EXIT_ERR;
        }
    }
    if (file && *file &&
        cv_conf_load_file(keys, NKEYS, c, file, why, sizeof(why)) != CV_OK) {
        fprintf(err, "conclaved: %s\n", why);
        return SRV_CONF_EXIT_ERR;
    }
    /* Second pass: overrides, in order. */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--config") == 0) {
            i++;
            continue;
        }
        if (strncmp(a, "--", 2) != 0 || strncmp(a, "--config=", 9) == 0 || !strchr(a, '='))
            continue;
        char name[128];
        const char *eq = strchr(a, '=');
        size_t nlen = (size_t)(eq - a - 2);
        if (nlen >= sizeof(name)) {
            fprintf(err, "conclaved: option too long: %.40s...\n", a);
            return SRV_CONF_EXIT_ERR;
        }
        memcpy(name, a + 2, nlen);
        name[nlen] = '\0';
        if (cv_conf_set(keys, NKEYS, c, name, eq + 1, why, sizeof(why)) != CV_OK) {
            fprintf(err, "conclaved: --%s\n", why);
            return SRV_CONF_EXIT_ERR;
        }
    }
    if (print) {
        cv_conf_print(keys, NKEYS, c, out);
        return SRV_CONF_EXIT_OK;
    }
    return SRV_CONF_RUN;
}

void
srv_conf_clear(struct srv_conf *c)
{
    cv_conf_clear(keys, NKEYS, c);
}
