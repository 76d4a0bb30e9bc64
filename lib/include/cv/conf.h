/* cv/conf.h: table-driven configuration.
 *
 * Each binary defines one table of keys (section, name, type, default, bounds, help and
 * the offset of the field in its own config struct). From that table this module loads
 * the INI file (inih), applies `--section.key=value` overrides, validates bounds, and
 * prints `--help` and `--print-config`. Errors name the file and line:
 *   conclaved.ini:12: relay.max_receivers: 0 < min 1
 * Strings are heap copies owned by the config struct; cv_conf_clear() frees them. */
#ifndef CV_CONF_H
#define CV_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "cv/err.h"

enum cv_conf_type {
    CV_CONF_STR,  /* char * */
    CV_CONF_INT,  /* int64_t, within [min, max] */
    CV_CONF_BOOL, /* bool: true/false/yes/no/on/off/1/0 */
    CV_CONF_ENUM, /* int: index into `choices` ("a|b|c") */
};

#define CV_CONF_SECRET 0x1u /* value is never printed */

struct cv_conf_key {
    const char *section;
    const char *name;
    enum cv_conf_type type;
    size_t offset;
    const char *def;
    int64_t min, max;
    const char *choices;
    const char *help;
    unsigned flags;
};

#define CV_CONF_WHY_MAX 512

/* Set every key to its default. */
CV_MUSTCHECK int cv_conf_defaults(const struct cv_conf_key *tab, size_t n, void *conf,
                                  char *why, size_t why_size);
/* Load an INI file over the current values. Unknown sections or keys and bad values are
 * errors naming the line. CV_ENOTFOUND when the file does not exist. */
CV_MUSTCHECK int cv_conf_load_file(const struct cv_conf_key *tab, size_t n, void *conf,
                                   const char *path, char *why, size_t why_size);
/* Same as cv_conf_load_file, from NUL-terminated text; `name` stands for the file name in
 * messages. */
CV_MUSTCHECK int cv_conf_load_string(const struct cv_conf_key *tab, size_t n, void *conf,
                                     const char *name, const char *text, char *why,
                                     size_t why_size);
/* Set one key from text ("section.key", "value"). */
CV_MUSTCHECK int cv_conf_set(const struct cv_conf_key *tab, size_t n, void *conf,
                             const char *dotted, const char *value, char *why,
                             size_t why_size);
/* Write the effective configuration as a valid INI file. */
void cv_conf_print(const struct cv_conf_key *tab, size_t n, const void *conf, FILE *out);
/* Write one line per key: --section.key=TYPE (default) help. */
void cv_conf_help(const struct cv_conf_key *tab, size_t n, FILE *out);
/* Free string values. */
void cv_conf_clear(const struct cv_conf_key *tab, size_t n, void *conf);

#endif
