/* sdnotify.c: datagram to $NOTIFY_SOCKET (path or abstract "@name"). */
#include "sdnotify.h"

#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

int
sd_notify_send(const char *msg)
{
    const char *path = getenv("NOTIFY_SOCKET");
    struct sockaddr_un sa;
    size_t plen;
    int fd, r;

    if (!path || !*path)
        return 0;
    plen = strlen(path);
    if (plen >= sizeof(sa.sun_path) || (path[0] != '/' && path[0] != '@'))
        return -1;
    memset(&sa, 0, sizeof(sa));
    sa.sun_family = AF_UNIX;
    memcpy(sa.sun_path, path, plen);
    if (sa.sun_path[0] == '@')
        sa.sun_path[0] = '\0';
    fd = socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    r = (int)sendto(fd, msg, strlen(msg), MSG_NOSIGNAL, (struct sockaddr *)&sa,
                    (socklen_t)(offsetof(struct sockaddr_un, sun_path) + plen));
    close(fd);
    return r < 0 ? -1 : 0;
}

uint64_t
sd_watchdog_usec(void)
{
    const char *s = getenv("WATCHDOG_USEC");
    const char *pid = getenv("WATCHDOG_PID");
    char *end = NULL;
    unsigned long long v;

    if (!s)
        return 0;
    if (pid && (pid_t)strtol(pid, NULL, 10) != getpid())
        return 0;
    v = strtoull(s, &end, 10);
    return (end && *end == '\0') ? (uint64_t)v : 0;
}
