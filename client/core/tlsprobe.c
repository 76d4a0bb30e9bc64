/* tlsprobe.c: TLS handshake to read the server certificate's pin. */
#include "tlsprobe.h"

#include <netdb.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include "cv/err.h"

#define PROBE_TIMEOUT_MS 10000

static int
connect_tcp(const char *host, int port, char *why, size_t why_size)
{
    struct addrinfo hints = {.ai_socktype = SOCK_STREAM}, *res = NULL, *ai;
    char ports[8];
    int fd = -1, gai;

    snprintf(ports, sizeof(ports), "%d", port);
    if ((gai = getaddrinfo(host, ports, &hints, &res)) != 0) {
        snprintf(why, why_size, "cannot resolve %s: %s", host, gai_strerror(gai));
        return -1;
    }
    for (ai = res; ai; ai = ai->ai_next) {
        fd = socket(ai->ai_family, ai->ai_socktype | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0)
            continue;
        if (connect(fd, ai->ai_addr, ai->ai_addrlen) == 0)
            break;
        close(fd);
        fd = -1;
    }
    freeaddrinfo(res);
    if (fd < 0)
        snprintf(why, why_size, "cannot connect to %s:%d", host, port);
    return fd;
}

int
tlsprobe_pin(const char *host, int port, char pin[static CV_PIN_LEN], char *why,
             size_t why_size)
{
    SSL_CTX *ctx = NULL;
    SSL *ssl = NULL;
    X509 *cert = NULL;
    int fd = -1, r = CV_ESYS;
    struct timeval tv = {PROBE_TIMEOUT_MS / 1000, 0};

    if ((fd = connect_tcp(host, port, why, why_size)) < 0)
        return CV_ESYS;
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof(tv));
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof(tv));
    if (!(ctx = SSL_CTX_new(TLS_client_method())) || !(ssl = SSL_new(ctx))) {
        snprintf(why, why_size, "out of memory");
        r = CV_ENOMEM;
        goto out;
    }
    /* No chain verification here on purpose: the point is to show the key to a person
     * who compares it with the one the server's operator published. */
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_set_verify(ssl, SSL_VERIFY_NONE, NULL);
    SSL_set_tlsext_host_name(ssl, host);
    SSL_set_alpn_protos(ssl, (const unsigned char *)"\x08http/1.1", 9);
    SSL_set_fd(ssl, fd);
    if (SSL_connect(ssl) != 1) {
        snprintf(why, why_size, "TLS handshake with %s:%d failed", host, port);
        goto out;
    }
    if (!(cert = SSL_get1_peer_certificate(ssl)) || cv_pin_from_x509(cert, pin) != CV_OK) {
        snprintf(why, why_size, "the server sent no usable certificate");
        r = CV_EPROTO;
        goto out;
    }
    r = CV_OK;
out:
    if (ssl)
        SSL_shutdown(ssl);
    X509_free(cert);
    SSL_free(ssl);
    SSL_CTX_free(ctx);
    if (fd >= 0)
        close(fd);
    ERR_clear_error();
    return r;
}
