/* fuzz_conf.c: the INI configuration parser (cv_conf_load_string) with a key table of
 * every type. Invariant: a loaded config prints to a text that loads again. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cv/conf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

struct fconf {
    char *s;
    int64_t i;
    bool b;
    int e;
};

static const struct cv_conf_key tab[] = {
    {"a", "s", CV_CONF_STR, offsetof(struct fconf, s), "x", 0, 0, NULL, "s", 0},
    {"a", "i", CV_CONF_INT, offsetof(struct fconf, i), "5", -10, 1000000, NULL, "i", 0},
    {"b", "b", CV_CONF_BOOL, offsetof(struct fconf, b), "no", 0, 0, NULL, "b", 0},
    {"b", "e", CV_CONF_ENUM, offsetof(struct fconf, e), "one", 0, 0, "one|two|three", "e", 0},
};
#define NTAB (sizeof(tab) / sizeof(tab[0]))

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    struct fconf c = {0}, d = {0};
    char why[CV_CONF_WHY_MAX];
    char *text = malloc(size + 1), *printed = NULL;
    size_t plen = 0;

    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    if (cv_conf_defaults(tab, NTAB, &c, why, sizeof(why)) != CV_OK)
        abort();
    if (cv_conf_load_string(tab, NTAB, &c, "f", text, why, sizeof(why)) == CV_OK &&
        !strchr(c.s, '\n') && !strchr(c.s, ';') && !strchr(c.s, '#')) {
        FILE *f = open_memstream(&printed, &plen);
        cv_conf_print(tab, NTAB, &c, f);
        fclose(f);
        if (cv_conf_defaults(tab, NTAB, &d, why, sizeof(why)) != CV_OK ||
            cv_conf_load_string(tab, NTAB, &d, "p", printed, why, sizeof(why)) != CV_OK ||
            d.i != c.i || d.b != c.b || d.e != c.e)
            abort();
        free(printed);
        cv_conf_clear(tab, NTAB, &d);
    }
    cv_conf_clear(tab, NTAB, &c);
    free(text);
    return 0;
}
