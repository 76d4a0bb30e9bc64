/* conf.c: INI loading, overrides, validation, help and printing from one key table. */
#include "cv/conf.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <ini.h>

static const struct cv_conf_key *
find_key(const struct cv_conf_key *tab, size_t n, const char *section, size_t slen,
         const char *name)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(tab[i].section) == slen && strncmp(tab[i].section, section, slen) == 0 &&
            strcmp(tab[i].name, name) == 0)
            return &tab[i];
    return NULL;
}

static bool
section_known(const struct cv_conf_key *tab, size_t n, const char *section)
{
    for (size_t i = 0; i < n; i++)
        if (strcmp(tab[i].section, section) == 0)
            return true;
    return false;
}

/* Index of `value` among "a|b|c" choices, or -1. */
static int
choice_index(const char *choices, const char *value)
{
    size_t vlen = strlen(value);
    int idx = 0;

    for (const char *p = choices; *p; idx++) {
        const char *bar = strchr(p, '|');
        size_t len = bar ? (size_t)(bar - p) : strlen(p);
        if (len == vlen && strncmp(p, value, len) == 0)
            return idx;
        if (!bar)
            break;
        p = bar + 1;
    }
    return -1;
}

static void
choice_name(const char *choices, int idx, char *out, size_t size)
{
    const char *p = choices;
    for (int i = 0; i < idx && p; i++) {
        p = strchr(p, '|');
        if (p)
            p++;
    }
    if (!p) {
        snprintf(out, size, "?");
        return;
    }
    const char *bar = strchr(p, '|');
    size_t len = bar ? (size_t)(bar - p) : strlen(p);
    snprintf(out, size, "%.*s", (int)len, p);
}

static int
set_value(const struct cv_conf_key *k, void *conf, const char *value, char *why,
          size_t why_size)
{
    char *field = (char *)conf + k->offset;

    switch (k->type) {
    case CV_CONF_STR: {
        char *copy = strdup(value);
        if (!copy)
            return CV_ENOMEM;
        free(*(char **)(void *)field);
        *(char **)(void *)field = copy;
        return CV_OK;
    }
    case CV_CONF_INT: {
        char *end = NULL;
        errno = 0;
        long long v = strtoll(value, &end, 10);
        if (errno || end == value || *end != '\0') {
            snprintf(why, why_size, "%s.%s: not an integer: \"%.64s\"", k->section, k->name,
                     value);
            return CV_EINVAL;
        }
        if (v < k->min) {
            snprintf(why, why_size, "%s.%s: %lld < min %" PRId64, k->section, k->name, v,
                     k->min);
            return CV_EINVAL;
        }
        if (v > k->max) {
            snprintf(why, why_size, "%s.%s: %lld > max %" PRId64, k->section, k->name, v,
                     k->max);
            return CV_EINVAL;
        }
        *(int64_t *)(void *)field = (int64_t)v;
        return CV_OK;
    }
    case CV_CONF_BOOL: {
        static const char *const yes[] = {"true", "yes", "on", "1"};
        static const char *const no[] = {"false", "no", "off", "0"};
        for (size_t i = 0; i < 4; i++) {
            if (strcasecmp(value, yes[i]) == 0) {
                *(bool *)(void *)field = true;
                return CV_OK;
            }
            if (strcasecmp(value, no[i]) == 0) {
                *(bool *)(void *)field = false;
                return CV_OK;
            }
        }
        snprintf(why, why_size, "%s.%s: not a boolean: \"%.64s\"", k->section, k->name, value);
        return CV_EINVAL;
    }
    case CV_CONF_ENUM: {
        int idx = choice_index(k->choices, value);
        if (idx < 0) {
            snprintf(why, why_size, "%s.%s: \"%.64s\" is not one of %s", k->section, k->name,
                     value, k->choices);
            return CV_EINVAL;
        }
        *(int *)(void *)field = idx;
        return CV_OK;
    }
    }
    return CV_EINTERNAL;
}

int
cv_conf_defaults(const struct cv_conf_key *tab, size_t n, void *conf, char *why,
                 size_t why_size)
{
    for (size_t i = 0; i < n; i++) {
        int r = set_value(&tab[i], conf, tab[i].def ? tab[i].def : "", why, why_size);
        if (r != CV_OK)
            return r;
    }
    return CV_OK;
}

int
cv_conf_set(const struct cv_conf_key *tab, size_t n, void *conf, const char *dotted,
            const char *value, char *why, size_t why_size)
{
    const char *dot = strchr(dotted, '.');
    const struct cv_conf_key *k;

    if (!dot) {
        snprintf(why, why_size, "%.64s: expected section.key", dotted);
        return CV_EINVAL;
    }
    k = find_key(tab, n, dotted, (size_t)(dot - dotted), dot + 1);
    if (!k) {
        snprintf(why, why_size, "%.64s: unknown key", dotted);
        return CV_EINVAL;
    }
    return set_value(k, conf, value, why, why_size);
}

struct load_ctx {
    const struct cv_conf_key *tab;
    size_t n;
    void *conf;
    char msg[CV_CONF_WHY_MAX];
    int err;
    int err_line; /* line of our first error */
    int line;     /* lines read so far (inih reads one line per reader call) */
    FILE *file;   /* source: a file, or */
    const char *cursor; /* the rest of a string */
};

/* inih line reader (ini_reader) over a file or a string; counts lines so that our own
 * errors can name theirs. */
static char *
read_line(char *str, int num, void *stream)
{
    struct load_ctx *ctx = stream;
    char *out = NULL;

    if (ctx->file) {
        out = fgets(str, num, ctx->file);
    } else if (*ctx->cursor) {
        size_t i = 0;
        while (ctx->cursor[i] && ctx->cursor[i] != '\n' && (int)i < num - 1)
            i++;
        if (ctx->cursor[i] == '\n' && (int)i < num - 1)
            i++;
        memcpy(str, ctx->cursor, i);
        str[i] = '\0';
        ctx->cursor += i;
        out = str;
    }
    if (out)
        ctx->line++;
    return out;
}

static int
on_ini_pair(void *user, const char *section, const char *name, const char *value)
{
    struct load_ctx *ctx = user;
    const struct cv_conf_key *k;
    char msg[CV_CONF_WHY_MAX];
    int r;

    if (ctx->err)
        return 1; /* keep the first error only */
    k = find_key(ctx->tab, ctx->n, section, strlen(section), name);
    if (!k) {
        if (!section_known(ctx->tab, ctx->n, section))
            snprintf(ctx->msg, sizeof(ctx->msg), "[%.64s]: unknown section", section);
        else
            snprintf(ctx->msg, sizeof(ctx->msg), "%.64s.%.64s: unknown key", section, name);
        ctx->err = CV_EINVAL;
        ctx->err_line = ctx->line;
        return 0;
    }
    r = set_value(k, ctx->conf, value, msg, sizeof(msg));
    if (r != CV_OK) {
        snprintf(ctx->msg, sizeof(ctx->msg), "%s", msg);
        ctx->err = r;
        ctx->err_line = ctx->line;
        return 0;
    }
    return 1;
}

static int
finish_load(struct load_ctx *ctx, const char *name, int line, char *why, size_t why_size)
{
    if (line == 0)
        return CV_OK;
    if (line < 0) {
        snprintf(why, why_size, "%s: cannot read", name);
        return line == -2 ? CV_ENOMEM : CV_ESYS;
    }
    /* inih reports its first error line; when that is a syntax error before ours, the
     * syntax error is the one to report. */
    if (!ctx->err || line < ctx->err_line) {
        snprintf(why, why_size, "%s:%d: syntax error", name, line);
        return CV_EPROTO;
    }
    snprintf(why, why_size, "%s:%d: %s", name, ctx->err_line, ctx->msg);
    return ctx->err;
}

int
cv_conf_load_string(const struct cv_conf_key *tab, size_t n, void *conf, const char *name,
                    const char *text, char *why, size_t why_size)
{
    struct load_ctx ctx = {.tab = tab, .n = n, .conf = conf, .cursor = text};
    int line = ini_parse_stream(read_line, &ctx, on_ini_pair, &ctx);
    return finish_load(&ctx, name, line, why, why_size);
}

int
cv_conf_load_file(const struct cv_conf_key *tab, size_t n, void *conf, const char *path,
                  char *why, size_t why_size)
{
    struct load_ctx ctx = {.tab = tab, .n = n, .conf = conf};
    FILE *f = fopen(path, "r");
    int line;

    if (!f) {
        snprintf(why, why_size, "%s: %s", path, strerror(errno));
        return errno == ENOENT ? CV_ENOTFOUND : CV_ESYS;
    }
    ctx.file = f;
    line = ini_parse_stream(read_line, &ctx, on_ini_pair, &ctx);
    fclose(f);
    return finish_load(&ctx, path, line, why, why_size);
}

void
cv_conf_print(const struct cv_conf_key *tab, size_t n, const void *conf, FILE *out)
{
    const char *section = NULL;

    for (size_t i = 0; i < n; i++) {
        const struct cv_conf_key *k = &tab[i];
        const char *field = (const char *)conf + k->offset;
        char name[64];

        if (!section || strcmp(section, k->section) != 0) {
            fprintf(out, "%s[%s]\n", section ? "\n" : "", k->section);
            section = k->section;
        }
        fprintf(out, "; %s\n", k->help);
        if (k->flags & CV_CONF_SECRET) {
            fprintf(out, "; %s = (hidden)\n", k->name);
            continue;
        }
        switch (k->type) {
        case CV_CONF_STR: {
            const char *s = *(char *const *)(const void *)field;
            fprintf(out, "%s = %s\n", k->name, s ? s : "");
            break;
        }
        case CV_CONF_INT:
            fprintf(out, "%s = %" PRId64 "\n", k->name, *(const int64_t *)(const void *)field);
            break;
        case CV_CONF_BOOL:
            fprintf(out, "%s = %s\n", k->name,
                    *(const bool *)(const void *)field ? "true" : "false");
            break;
        case CV_CONF_ENUM:
            choice_name(k->choices, *(const int *)(const void *)field, name, sizeof(name));
            fprintf(out, "%s = %s\n", k->name, name);
            break;
        }
    }
}

void
cv_conf_help(const struct cv_conf_key *tab, size_t n, FILE *out)
{
    for (size_t i = 0; i < n; i++) {
        const struct cv_conf_key *k = &tab[i];
        char arg[96];
        switch (k->type) {
        case CV_CONF_STR:
            snprintf(arg, sizeof(arg), "TEXT");
            break;
        case CV_CONF_INT:
            snprintf(arg, sizeof(arg), "%" PRId64 "..%" PRId64, k->min, k->max);
            break;
        case CV_CONF_BOOL:
            snprintf(arg, sizeof(arg), "true|false");
            break;
        case CV_CONF_ENUM:
            snprintf(arg, sizeof(arg), "%s", k->choices);
            break;
        }
        fprintf(out, "  --%s.%s=%s\n      %s (default: %s)\n", k->section, k->name, arg,
                k->help, k->def && *k->def ? k->def : "none");
    }
}

void
cv_conf_clear(const struct cv_conf_key *tab, size_t n, void *conf)
{
    for (size_t i = 0; i < n; i++) {
        if (tab[i].type != CV_CONF_STR)
            continue;
        char **field = (char **)(void *)((char *)conf + tab[i].offset);
        free(*field);
        *field = NULL;
    }
}
