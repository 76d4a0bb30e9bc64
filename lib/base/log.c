/* log.c: human, JSON-lines and syslog output with a test sink. */
#include "cv/log.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>
#include <syslog.h>
#include <time.h>
#include <unistd.h>

#include "cv/time.h"

#define LOG_LINE_MAX 4096

static enum cv_log_target log_target = CV_LOG_HUMAN;
static enum cv_log_level log_level = CV_LOG_INFO;
static cv_log_sink_cb log_sink;
static void *log_sink_ud;

static const char *const level_names[] = {"error", "warn", "info", "debug"};
static const char *const target_names[] = {"human", "json", "syslog"};

void
cv_log_setup(enum cv_log_target target, enum cv_log_level level, const char *ident)
{
    log_target = target;
    log_level = level;
    if (target == CV_LOG_SYSLOG)
        openlog(ident ? ident : "conclave", LOG_PID | LOG_NDELAY, LOG_DAEMON);
}

void
cv_log_set_sink(cv_log_sink_cb cb, void *ud)
{
    log_sink = cb;
    log_sink_ud = ud;
}

bool
cv_log_enabled(enum cv_log_level level)
{
    return level <= log_level;
}

static int
index_of(const char *const *names, size_t n, const char *s)
{
    for (size_t i = 0; s && i < n; i++)
        if (strcmp(names[i], s) == 0)
            return (int)i;
    return -1;
}

int
cv_log_level_from_str(const char *s)
{
    return index_of(level_names, 4, s);
}

int
cv_log_target_from_str(const char *s)
{
    return index_of(target_names, 3, s);
}

const char *
cv_log_level_str(enum cv_log_level level)
{
    return (unsigned)level < 4 ? level_names[level] : "?";
}

/* Append s to out as JSON string content (no quotes). */
static size_t
json_escape(char *out, size_t size, size_t at, const char *s)
{
    for (; *s && at + 7 < size; s++) {
        unsigned char c = (unsigned char)*s;
        if (c == '"' || c == '\\') {
            out[at++] = '\\';
            out[at++] = (char)c;
        } else if (c < 0x20 || c == 0x7f) {
            at += (size_t)snprintf(out + at, size - at, "\\u%04x", c);
        } else {
            out[at++] = (char)c;
        }
    }
    out[at] = '\0';
    return at;
}

static void
format_time(char *out, size_t size)
{
    uint64_t us = cv_now_real();
    time_t sec = (time_t)(us / CV_USEC_PER_SEC);
    struct tm tm;
    gmtime_r(&sec, &tm);
    size_t n = strftime(out, size, "%Y-%m-%dT%H:%M:%S", &tm);
    snprintf(out + n, size - n, ".%03uZ", (unsigned)(us % CV_USEC_PER_SEC / 1000u));
}

void
cv_log(enum cv_log_level level, const char *module, const char *fmt, ...)
{
    char msg[LOG_LINE_MAX], line[LOG_LINE_MAX * 2], ts[40];
    va_list ap;
    size_t n;

    if (!cv_log_enabled(level))
        return;
    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    /* A message never spans lines: newlines from anywhere become spaces. */
    for (char *c = msg; *c; c++)
        if (*c == '\n' || *c == '\r')
            *c = ' ';

    if (log_target == CV_LOG_SYSLOG && !log_sink) {
        static const int prio[] = {LOG_ERR, LOG_WARNING, LOG_INFO, LOG_DEBUG};
        syslog(prio[level], "%s: %s", module, msg);
        return;
    }
    format_time(ts, sizeof(ts));
    if (log_target == CV_LOG_JSON) {
        n = (size_t)snprintf(line, sizeof(line), "{\"ts\":\"%s\",\"level\":\"%s\",\"module\":\"",
                             ts, level_names[level]);
        n = json_escape(line, sizeof(line), n, module);
        n += (size_t)snprintf(line + n, sizeof(line) - n, "\",\"msg\":\"");
        n = json_escape(line, sizeof(line), n, msg);
        snprintf(line + n, sizeof(line) - n, "\"}");
    } else {
        snprintf(line, sizeof(line), "%s %-5s %s: %s", ts, level_names[level], module, msg);
    }
    if (log_sink) {
        log_sink(level, line, log_sink_ud);
        return;
    }
    n = strlen(line);
    line[n++] = '\n';
    /* One write per line so concurrent writers do not interleave. */
    ssize_t w = write(STDERR_FILENO, line, n);
    (void)w;
}

char *
cv_log_quote(char *out, size_t out_size, const char *s, size_t len)
{
    static const char hex[] = "0123456789abcdef";
    size_t at = 0;

    if (out_size < 8) {
        if (out_size)
            out[0] = '\0';
        return out;
    }
    out[at++] = '"';
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)s[i];
        char esc[5];
        size_t el = 0;
        if (c == '"' || c == '\\') {
            esc[el++] = '\\';
            esc[el++] = (char)c;
        } else if (c < 0x20 || c >= 0x7f) {
            esc[el++] = '\\';
            esc[el++] = 'x';
            esc[el++] = hex[c >> 4];
            esc[el++] = hex[c & 15];
        } else {
            esc[el++] = (char)c;
        }
        if (at + el + 5 > out_size) { /* keep room for ..."\0 */
            memcpy(out + at, "...", 3);
            at += 3;
            break;
        }
        memcpy(out + at, esc, el);
        at += el;
    }
    out[at++] = '"';
    out[at] = '\0';
    return out;
}

bool
cv_ratelimit_ok(struct cv_ratelimit *rl, uint64_t now_us, unsigned burst, uint64_t interval_us)
{
    if (rl->start == 0 || now_us - rl->start >= interval_us) {
        rl->start = now_us;
        rl->count = 0;
    }
    if (rl->count < burst) {
        rl->count++;
        return true;
    }
    rl->suppressed++;
    return false;
}
