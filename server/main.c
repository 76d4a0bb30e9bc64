/* main.c: conclaved: configuration, data folder, certificate, the TLS listener, the roles'
 * routes, signals, systemd notification, drain and exit. */
#include <errno.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "conf.h"
#include "cv/err.h"
#include "cv/log.h"
#include "cv/time.h"
#include "http/server.h"
#include "http/static.h"
#include "ops.h"
#include "sdnotify.h"
#include "tlscert.h"

static volatile sig_atomic_t stop_requested;

static void
on_stop_signal(int sig)
{
    (void)sig;
    stop_requested = 1;
}

static int
install_signals(void)
{
    struct sigaction sa;

    memset(&sa, 0, sizeof(sa));
    sa.sa_handler = on_stop_signal;
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: poll() returns EINTR so the loop sees the request at once. */
    if (sigaction(SIGTERM, &sa, NULL) != 0 || sigaction(SIGINT, &sa, NULL) != 0)
        return -1;
    signal(SIGPIPE, SIG_IGN);
    return 0;
}

/* mkdir -p with mode 0700 for folders we create. */
static int
make_dirs(const char *path)
{
    char tmp[4096];
    size_t len = strlen(path);

    if (len == 0 || len >= sizeof(tmp))
        return -1;
    memcpy(tmp, path, len + 1);
    for (char *p = tmp + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
            return -1;
        *p = '/';
    }
    if (mkdir(tmp, 0700) != 0 && errno != EEXIST)
        return -1;
    return 0;
}

struct run_user {
    int uid, gid;
};

static int
resolve_user(const char *name, struct run_user *ru, char *why, size_t why_size)
{
    struct passwd *pw;

    ru->uid = ru->gid = -1;
    if (!name || !*name)
        return CV_OK;
    if (geteuid() != 0) {
        CV_WARN("main", "server.user=%s ignored: not started as root", name);
        return CV_OK;
    }
    pw = getpwnam(name);
    if (!pw) {
        snprintf(why, why_size, "server.user: no such user \"%.64s\"", name);
        return CV_EINVAL;
    }
    ru->uid = (int)pw->pw_uid;
    ru->gid = (int)pw->pw_gid;
    return CV_OK;
}

/* The data folder and everything in it belong to the user the server runs as. */
static void
chown_data(const char *data_dir, const struct srv_cert *cert, const struct run_user *ru)
{
    if (ru->uid < 0)
        return;
    if (chown(data_dir, (uid_t)ru->uid, (gid_t)ru->gid) != 0 ||
        (cert->generated && (chown(cert->key_path, (uid_t)ru->uid, (gid_t)ru->gid) != 0 ||
                             chown(cert->cert_path, (uid_t)ru->uid, (gid_t)ru->gid) != 0)))
        CV_WARN("main", "cannot give %s to uid %d: %s", data_dir, ru->uid, strerror(errno));
}

struct loop_state {
    struct http_server *http;
    struct ops *ops;
    uint64_t watchdog_us;
    uint64_t last_watchdog;
};

static void
status_line(const struct loop_state *ls, char *out, size_t size)
{
    const struct http_stats *st = http_server_stats(ls->http);
    snprintf(out, size, "STATUS=%s: %llu connections open, %llu requests served",
             http_server_draining(ls->http) ? "draining" : "serving",
             (unsigned long long)st->connections_open,
             (unsigned long long)st->requests_total);
}

int
main(int argc, char **argv)
{
    struct srv_conf conf;
    struct srv_cert cert;
    struct run_user ru;
    struct http_server *http = NULL;
    struct http_static *web = NULL;
    struct ops ops = {0};
    char why[1024], public_url[512], status[256];
    int rc = 2;

    switch (srv_conf_parse(&conf, argc, argv, stdout, stderr)) {
    case SRV_CONF_EXIT_OK:
        srv_conf_clear(&conf);
        return 0;
    case SRV_CONF_EXIT_ERR:
        srv_conf_clear(&conf);
        return 1;
    case SRV_CONF_RUN:
        break;
    }
    cv_log_setup((enum cv_log_target)conf.log_format, (enum cv_log_level)conf.log_level,
                 "conclaved");
    ops.started_mono = cv_now_mono();
    ops.roles = srv_roles_str(conf.roles);

    if (install_signals() != 0) {
        CV_ERROR("main", "cannot install signal handlers: %s", strerror(errno));
        goto out;
    }
    if (make_dirs(conf.data_dir) != 0) {
        CV_ERROR("main", "cannot create data folder %s: %s", conf.data_dir, strerror(errno));
        goto out;
    }
    if (resolve_user(conf.user, &ru, why, sizeof(why)) != CV_OK) {
        CV_ERROR("main", "%s", why);
        rc = 1;
        goto out;
    }
    if (srv_cert_ensure(conf.cert, conf.key, conf.data_dir, conf.hostnames, &cert, why,
                        sizeof(why)) != CV_OK) {
        CV_ERROR("tls", "%s", why);
        goto out;
    }
    if (cert.generated)
        CV_INFO("tls", "generated a self-signed ECDSA P-256 certificate in %s", conf.data_dir);
    chown_data(conf.data_dir, &cert, &ru);

    struct http_server_conf hc = {
        .listen = conf.listen,
        .port = (int)conf.port,
        .cert_path = cert.cert_path,
        .key_path = cert.key_path,
        .allow_tls12 = conf.tls_min == SRV_TLS_12,
        .max_body = (size_t)conf.max_body,
        .idle_timeout = (unsigned)conf.idle_timeout,
        .uid = ru.uid,
        .gid = ru.gid,
    };
    if (http_server_open(&hc, &http, why, sizeof(why)) != CV_OK) {
        CV_ERROR("http", "%s", why);
        goto out;
    }
    ops.http = http;
    if (http_server_route(http, "/healthz", ops_handle, &ops) != CV_OK ||
        http_server_route(http, "/readyz", ops_handle, &ops) != CV_OK ||
        http_server_route(http, "/metrics", ops_handle, &ops) != CV_OK ||
        http_server_route(http, "/api/", ops_api_not_found, NULL) != CV_OK)
        goto out;
    if (http_static_open(conf.web_dir, &web) == CV_OK) {
        if (http_server_route(http, "/", http_static_handle, web) != CV_OK)
            goto out;
    } else {
        CV_WARN("http", "web portal folder %s not found: / answers 404", conf.web_dir);
    }

    if (conf.public_url && *conf.public_url)
        snprintf(public_url, sizeof(public_url), "%s", conf.public_url);
    else
        snprintf(public_url, sizeof(public_url), "https://%.*s:%d",
                 (int)strcspn(conf.hostnames, ","), conf.hostnames, http_server_port(http));
    ops.ready = true;

    /* The banner goes to stdout for the person (or the test) that started us. */
    printf("conclaved %s listening on port %d (roles: %s)\n", CV_VERSION,
           http_server_port(http), ops.roles);
    printf("url: %s\n", public_url);
    printf("certificate pin: %s\n", cert.pin);
    fflush(stdout);
    CV_INFO("main", "serving %s roles=%s pin=%s", public_url, ops.roles, cert.pin);

    struct loop_state ls = {.http = http, .ops = &ops, .watchdog_us = sd_watchdog_usec()};
    status_line(&ls, status, sizeof(status));
    char ready_msg[300];
    snprintf(ready_msg, sizeof(ready_msg), "READY=1\n%s", status);
    sd_notify_send(ready_msg);

    uint64_t drain_deadline = 0, last_status = cv_now_mono();
    while (1) {
        uint64_t now = cv_now_mono();
        if (stop_requested && !drain_deadline) {
            drain_deadline = now + (uint64_t)conf.drain_timeout * CV_USEC_PER_SEC;
            http_server_set_draining(http, true);
            sd_notify_send("STOPPING=1\nSTATUS=draining");
            CV_INFO("main", "stop requested: draining (up to %llds)",
                    (long long)conf.drain_timeout);
        }
        if (drain_deadline) {
            if (http_server_stats(http)->in_flight == 0)
                break;
            if (now >= drain_deadline) {
                CV_WARN("main", "drain timeout: %llu requests still in flight",
                        (unsigned long long)http_server_stats(http)->in_flight);
                break;
            }
        }
        if (ls.watchdog_us && now - ls.last_watchdog >= ls.watchdog_us / 2) {
            sd_notify_send("WATCHDOG=1");
            ls.last_watchdog = now;
        }
        if (now - last_status >= 10 * CV_USEC_PER_SEC) {
            status_line(&ls, status, sizeof(status));
            sd_notify_send(status);
            last_status = now;
        }
        /* lws wakes at least every 200 ms through this timeout, for the checks above. */
        if (http_server_service(http, 200) != CV_OK && !stop_requested) {
            CV_ERROR("main", "event loop failed");
            goto out;
        }
    }
    CV_INFO("main", "stopped");
    rc = 0;
out:
    http_server_free(http);
    http_static_free(web);
    srv_conf_clear(&conf);
    return rc;
}
