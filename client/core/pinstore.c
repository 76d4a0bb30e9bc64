/* pinstore.c: known server pins in the user's config folder. */
#include "pinstore.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cv/err.h"

#define STORE_NAME "known_servers"

int
client_config_dir(char *out, size_t size, int create)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    char base[4096];

    if (xdg && *xdg)
        snprintf(base, sizeof(base), "%s", xdg);
    else if (home && *home)
        snprintf(base, sizeof(base), "%s/.config", home);
    else
        return CV_ENOTFOUND;
    if ((size_t)snprintf(out, size, "%s/conclave", base) >= size)
        return CV_ETOOBIG;
    if (create) {
        if (mkdir(base, 0700) != 0 && errno != EEXIST)
            return CV_ESYS;
        if (mkdir(out, 0700) != 0 && errno != EEXIST)
            return CV_ESYS;
    }
    return CV_OK;
}

int
pinstore_get(const char *hostport, char pin[static CV_PIN_LEN])
{
    char dir[4096], path[4200], line[512];
    FILE *f;
    int r = CV_ENOTFOUND;
    size_t hl = strlen(hostport);

    if (client_config_dir(dir, sizeof(dir), 0) != CV_OK)
        return CV_ENOTFOUND;
    snprintf(path, sizeof(path), "%s/%s", dir, STORE_NAME);
    if (!(f = fopen(path, "r")))
        return CV_ENOTFOUND;
    while (fgets(line, sizeof(line), f)) {
        line[strcspn(line, "\r\n")] = '\0';
        if (strncmp(line, hostport, hl) == 0 && line[hl] == ' ' &&
            cv_pin_check_syntax(line + hl + 1) == CV_OK) {
            snprintf(pin, CV_PIN_LEN, "%s", line + hl + 1);
            r = CV_OK;
            break;
        }
    }
    fclose(f);
    return r;
}

int
pinstore_put(const char *hostport, const char *pin)
{
    char dir[4096], path[4200], tmp[4300], line[512];
    FILE *in, *out;
    int fd;
    size_t hl = strlen(hostport);

    if (cv_pin_check_syntax(pin) != CV_OK || strchr(hostport, ' ') || strchr(hostport, '\n'))
        return CV_EINVAL;
    if (client_config_dir(dir, sizeof(dir), 1) != CV_OK)
        return CV_ESYS;
    snprintf(path, sizeof(path), "%s/%s", dir, STORE_NAME);
    snprintf(tmp, sizeof(tmp), "%s.tmp.%d", path, (int)getpid());
    fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
    if (fd < 0 || !(out = fdopen(fd, "w"))) {
        if (fd >= 0)
            close(fd);
        return CV_ESYS;
    }
    if ((in = fopen(path, "r"))) {
        while (fgets(line, sizeof(line), in))
            if (!(strncmp(line, hostport, hl) == 0 && line[hl] == ' '))
                fputs(line, out);
        fclose(in);
    }
    fprintf(out, "%s %s\n", hostport, pin);
    if (fflush(out) != 0 || fsync(fileno(out)) != 0) {
        fclose(out);
        unlink(tmp);
        return CV_ESYS;
    }
    fclose(out);
    if (rename(tmp, path) != 0) {
        unlink(tmp);
        return CV_ESYS;
    }
    return CV_OK;
}
