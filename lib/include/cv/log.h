/* cv/log.h: one logging front for every binary.
 *
 * Targets: human lines or JSON lines on stderr, or syslog. Format of a human line:
 *   2026-11-21T10:00:00.123Z info  relay: join refused: ticket expired meeting=42
 * lib/ logs only at debug; the program layer that handles an error logs it once.
 * Secrets are never passed to these functions; untrusted strings go through
 * cv_log_quote(). Thread-safe (one write(2) per line). */
#ifndef CV_LOG_H
#define CV_LOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum cv_log_level { CV_LOG_ERROR = 0, CV_LOG_WARN = 1, CV_LOG_INFO = 2, CV_LOG_DEBUG = 3 };
enum cv_log_target { CV_LOG_HUMAN = 0, CV_LOG_JSON = 1, CV_LOG_SYSLOG = 2 };

/* Sink for tests: receives each finished line (without newline). */
typedef void (*cv_log_sink_cb)(enum cv_log_level level, const char *line, void *ud);

void cv_log_setup(enum cv_log_target target, enum cv_log_level level, const char *ident);
void cv_log_set_sink(cv_log_sink_cb cb, void *ud);
bool cv_log_enabled(enum cv_log_level level);
/* Parse "error|warn|info|debug" and "human|json|syslog"; -1 when unknown. */
int cv_log_level_from_str(const char *s);
int cv_log_target_from_str(const char *s);
const char *cv_log_level_str(enum cv_log_level level);

/* module: short component name ("relay"); fmt: the message, may end with key=value pairs. */
void cv_log(enum cv_log_level level, const char *module, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

#define CV_ERROR(mod, ...) cv_log(CV_LOG_ERROR, mod, __VA_ARGS__)
#define CV_WARN(mod, ...) cv_log(CV_LOG_WARN, mod, __VA_ARGS__)
#define CV_INFO(mod, ...) cv_log(CV_LOG_INFO, mod, __VA_ARGS__)
#define CV_DEBUG(mod, ...)                                                                    \
    do {                                                                                      \
        if (cv_log_enabled(CV_LOG_DEBUG))                                                     \
            cv_log(CV_LOG_DEBUG, mod, __VA_ARGS__);                                           \
    } while (0)

/* Copy an untrusted string into out as a double-quoted, escaped C-style literal, cut to
 * fit (ending in "..."). Returns out. */
char *cv_log_quote(char *out, size_t out_size, const char *s, size_t len);

/* Token bucket for per-peer warnings: at most `burst` events per `interval_us`.
 * Returns true when this event may be logged. */
struct cv_ratelimit {
    uint64_t start;
    unsigned count;
    unsigned suppressed;
};
bool cv_ratelimit_ok(struct cv_ratelimit *rl, uint64_t now_us, unsigned burst,
                     uint64_t interval_us);

#endif
