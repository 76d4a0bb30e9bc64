/* pin.c: SPKI SHA-256 pins in curl's "sha256//BASE64" form. */
#include "cv/pin.h"

#include <stdio.h>
#include <string.h>

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <sodium.h>

#include "cv/b64.h"

#define PIN_PREFIX "sha256//"

int
cv_pin_from_pkey(EVP_PKEY *pkey, char out[static CV_PIN_LEN])
{
    unsigned char *der = NULL;
    unsigned char digest[32];
    int len;
    int r;

    len = i2d_PUBKEY(pkey, &der);
    if (len <= 0)
        return CV_EPROTO;
    crypto_hash_sha256(digest, der, (unsigned long long)len);
    OPENSSL_free(der);
    memcpy(out, PIN_PREFIX, sizeof(PIN_PREFIX) - 1);
    r = cv_b64_encode(out + sizeof(PIN_PREFIX) - 1, CV_PIN_LEN - (sizeof(PIN_PREFIX) - 1),
                      digest, sizeof(digest), CV_B64_STD);
    return r;
}

int
cv_pin_from_x509(X509 *cert, char out[static CV_PIN_LEN])
{
    EVP_PKEY *pkey = X509_get0_pubkey(cert);
    if (!pkey)
        return CV_EPROTO;
    return cv_pin_from_pkey(pkey, out);
}

int
cv_pin_from_pem_file(const char *path, char out[static CV_PIN_LEN], const char **why)
{
    FILE *f = fopen(path, "r");
    X509 *cert;
    int r;

    if (!f) {
        *why = "cannot open certificate file";
        return CV_ENOTFOUND;
    }
    cert = PEM_read_X509(f, NULL, NULL, NULL);
    fclose(f);
    if (!cert) {
        *why = "no PEM certificate in file";
        return CV_EPROTO;
    }
    r = cv_pin_from_x509(cert, out);
    X509_free(cert);
    if (r != CV_OK)
        *why = "certificate has no usable public key";
    return r;
}

int
cv_pin_check_syntax(const char *s)
{
    uint8_t raw[33];
    size_t n = 0;
    size_t plen = sizeof(PIN_PREFIX) - 1;

    if (!s || strncmp(s, PIN_PREFIX, plen) != 0 || strlen(s) != CV_PIN_LEN - 1)
        return CV_EPROTO;
    if (cv_b64_decode(raw, sizeof(raw), &n, s + plen, strlen(s + plen), CV_B64_STD) != CV_OK ||
        n != 32)
        return CV_EPROTO;
    return CV_OK;
}

int
cv_pin_equal(const char *a, const char *b)
{
    if (!a || !b || strlen(a) != CV_PIN_LEN - 1 || strlen(b) != CV_PIN_LEN - 1)
        return 0;
    return sodium_memcmp(a, b, CV_PIN_LEN - 1) == 0;
}
