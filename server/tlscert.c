/* tlscert.c: self-signed ECDSA P-256 certificate generation and loading. */
#include "tlscert.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include "cv/err.h"

#define CERT_DAYS 3650

static int
add_ext(X509 *cert, int nid, const char *value)
{
    X509V3_CTX ctx;
    X509_EXTENSION *ext;

    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, cert, cert, NULL, NULL, 0);
    ext = X509V3_EXT_conf_nid(NULL, &ctx, nid, value);
    if (!ext)
        return -1;
    int ok = X509_add_ext(cert, ext, -1);
    X509_EXTENSION_free(ext);
    return ok ? 0 : -1;
}

/* Build "DNS:a,DNS:b,IP:127.0.0.1,IP:::1" from "a,b". */
static int
san_list(const char *hostnames, char *out, size_t size)
{
    size_t at = 0;
    const char *p = hostnames;

    while (p && *p) {
        const char *comma = strchr(p, ',');
        size_t len = comma ? (size_t)(comma - p) : strlen(p);
        while (len && *p == ' ') {
            p++;
            len--;
        }
        while (len && p[len - 1] == ' ')
            len--;
        if (len) {
            for (size_t i = 0; i < len; i++)
                if (!(p[i] == '-' || p[i] == '.' || (p[i] >= '0' && p[i] <= '9') ||
                      (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')))
                    return -1;
            int n = snprintf(out + at, size - at, "%sDNS:%.*s", at ? "," : "", (int)len, p);
            if (n < 0 || (size_t)n >= size - at)
                return -1;
            at += (size_t)n;
        }
        p = comma ? comma + 1 : NULL;
    }
    int n = snprintf(out + at, size - at, "%sIP:127.0.0.1,IP:::1", at ? "," : "");
    return (n < 0 || (size_t)n >= size - at) ? -1 : 0;
}

static int
write_pem_key(const char *path, EVP_PKEY *pkey)
{
    char tmp[4200];
    int fd;
    FILE *f;
    int ok;

    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    unlink(tmp);
    /* Created 0600 from the start: the key never exists with wider permissions. */
    fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd < 0)
        return -1;
    f = fdopen(fd, "w");
    if (!f) {
        close(fd);
        return -1;
    }
    ok = PEM_write_PrivateKey(f, pkey, NULL, NULL, 0, NULL, NULL);
    ok = ok && fflush(f) == 0 && fsync(fileno(f)) == 0;
    if (fclose(f) != 0)
        ok = 0;
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

static int
write_pem_cert(const char *path, X509 *cert)
{
    char tmp[4200];
    FILE *f;
    int ok;

    snprintf(tmp, sizeof(tmp), "%s.tmp", path);
    f = fopen(tmp, "w");
    if (!f)
        return -1;
    ok = PEM_write_X509(f, cert);
    ok = ok && fflush(f) == 0 && fsync(fileno(f)) == 0;
    if (fclose(f) != 0)
        ok = 0;
    if (!ok || rename(tmp, path) != 0) {
        unlink(tmp);
        return -1;
    }
    return 0;
}

static int
generate(const char *cert_path, const char *key_path, const char *hostnames, char *why,
         size_t why_size)
{
    EVP_PKEY *pkey = NULL;
    X509 *cert = NULL;
    X509_NAME *name;
    unsigned char serial[16];
    BIGNUM *bn = NULL;
    char san[1024], cn[256];
    int r = CV_EINTERNAL;

    if (san_list(hostnames, san, sizeof(san)) != 0) {
        snprintf(why, why_size, "tls.hostnames: invalid host name list");
        return CV_EINVAL;
    }
    snprintf(cn, sizeof(cn), "%.*s", (int)strcspn(hostnames, ","), hostnames);
    if (!*cn)
        snprintf(cn, sizeof(cn), "conclave");
    if (!(pkey = EVP_EC_gen("P-256")) || !(cert = X509_new()))
        goto out;
    if (RAND_bytes(serial, sizeof(serial)) != 1)
        goto out;
    serial[0] &= 0x7f; /* positive */
    if (!(bn = BN_bin2bn(serial, sizeof(serial), NULL)) ||
        !BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert)))
        goto out;
    if (!X509_set_version(cert, 2) || !X509_gmtime_adj(X509_getm_notBefore(cert), -3600) ||
        !X509_gmtime_adj(X509_getm_notAfter(cert), 60L * 60 * 24 * CERT_DAYS) ||
        !X509_set_pubkey(cert, pkey))
        goto out;
    name = X509_get_subject_name(cert);
    if (!X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, (const unsigned char *)"Conclave",
                                    -1, -1, 0) ||
        !X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, (const unsigned char *)cn, -1, -1,
                                    0) ||
        !X509_set_issuer_name(cert, name))
        goto out;
    if (add_ext(cert, NID_subject_alt_name, san) || add_ext(cert, NID_basic_constraints, "CA:FALSE") ||
        add_ext(cert, NID_key_usage, "critical,digitalSignature") ||
        add_ext(cert, NID_ext_key_usage, "serverAuth,clientAuth") ||
        add_ext(cert, NID_subject_key_identifier, "hash"))
        goto out;
    if (!X509_sign(cert, pkey, EVP_sha256()))
        goto out;
    if (write_pem_key(key_path, pkey) != 0 || write_pem_cert(cert_path, cert) != 0) {
        snprintf(why, why_size, "cannot write certificate or key in data folder: %s",
                 strerror(errno));
        r = CV_ESYS;
        goto out;
    }
    r = CV_OK;
out:
    if (r == CV_EINTERNAL)
        snprintf(why, why_size, "cannot generate the self-signed certificate");
    BN_free(bn);
    X509_free(cert);
    EVP_PKEY_free(pkey);
    return r;
}

int
srv_cert_ensure(const char *conf_cert, const char *conf_key, const char *data_dir,
                const char *hostnames, struct srv_cert *ret, char *why, size_t why_size)
{
    const char *pwhy = NULL;
    struct stat st;
    int r;

    memset(ret, 0, sizeof(*ret));
    if (conf_cert && *conf_cert) {
        if (!conf_key || !*conf_key) {
            snprintf(why, why_size, "tls.cert is set but tls.key is not");
            return CV_EINVAL;
        }
        snprintf(ret->cert_path, sizeof(ret->cert_path), "%s", conf_cert);
        snprintf(ret->key_path, sizeof(ret->key_path), "%s", conf_key);
    } else {
        snprintf(ret->cert_path, sizeof(ret->cert_path), "%s/tls-cert.pem", data_dir);
        snprintf(ret->key_path, sizeof(ret->key_path), "%s/tls-key.pem", data_dir);
        if (stat(ret->key_path, &st) != 0 || stat(ret->cert_path, &st) != 0) {
            r = generate(ret->cert_path, ret->key_path, hostnames, why, why_size);
            if (r != CV_OK)
                return r;
            ret->generated = true;
        }
    }
    if (access(ret->key_path, R_OK) != 0) {
        snprintf(why, why_size, "%s: %s", ret->key_path, strerror(errno));
        return CV_ESYS;
    }
    r = cv_pin_from_pem_file(ret->cert_path, ret->pin, &pwhy);
    if (r != CV_OK) {
        snprintf(why, why_size, "%s: %s", ret->cert_path, pwhy);
        return r;
    }
    return CV_OK;
}
