/* conf.h: conclaved's configuration: one table (server/conf.c) defines every key; the INI
 * file, --section.key=value overrides, --help and --print-config all come from it. */
#ifndef CV_SERVER_CONF_H
#define CV_SERVER_CONF_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

enum srv_roles { SRV_ROLES_ALL = 0, SRV_ROLES_MGMT = 1, SRV_ROLES_RELAY = 2 };
enum srv_tls_min { SRV_TLS_13 = 0, SRV_TLS_12 = 1 };

struct srv_conf {
    /* [server] */
    char *data_dir;
    char *listen;
    int64_t port;
    char *public_url;
    int roles;
    char *web_dir;
    char *user;
    int64_t drain_timeout;
    /* [tls] */
    char *cert;
    char *key;
    int tls_min;
    char *hostnames;
    /* [http] */
    int64_t max_body;
    int64_t idle_timeout;
    /* [log] */
    int log_level;
    int log_format;
};

enum srv_conf_action { SRV_CONF_RUN, SRV_CONF_EXIT_OK, SRV_CONF_EXIT_ERR };

/* Parse argv: defaults, then --config FILE (or $CONCLAVED_CONFIG), then every
 * --section.key=value in order. Prints --help, --version and --print-config itself and
 * returns SRV_CONF_EXIT_OK for them; errors are printed to err and give
 * SRV_CONF_EXIT_ERR. */
enum srv_conf_action srv_conf_parse(struct srv_conf *c, int argc, char **argv, FILE *out,
                                    FILE *err);
void srv_conf_clear(struct srv_conf *c);
const char *srv_roles_str(int roles);

#endif
