/* kdf.c: HKDF and HMAC through OpenSSL 3 EVP_KDF / EVP_MAC. */
#include "cv/kdf.h"

#include <string.h>

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <sodium.h>

size_t
cv_hash_len(enum cv_hash h)
{
    return h == CV_SHA512 ? 64 : h == CV_SHA256 ? 32 : 0;
}

static const char *
hash_name(enum cv_hash h)
{
    return h == CV_SHA512 ? "SHA512" : "SHA256";
}

static int
hkdf_run(enum cv_hash h, int mode, const uint8_t *salt, size_t salt_len, const uint8_t *key,
         size_t key_len, const uint8_t *info, size_t info_len, uint8_t *out, size_t out_len)
{
    static const uint8_t empty[1];
    EVP_KDF *kdf = NULL;
    EVP_KDF_CTX *kctx = NULL;
    OSSL_PARAM params[6], *p = params;
    int r = CV_EINTERNAL;

    if (cv_hash_len(h) == 0)
        return CV_EINVAL;
    if (mode != EVP_KDF_HKDF_MODE_EXTRACT_ONLY && out_len > 255 * cv_hash_len(h))
        return CV_EINVAL;
    if (!(kdf = EVP_KDF_fetch(NULL, "HKDF", NULL)) || !(kctx = EVP_KDF_CTX_new(kdf))) {
        r = CV_ENOMEM;
        goto out;
    }
    *p++ = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, (char *)hash_name(h), 0);
    *p++ = OSSL_PARAM_construct_int(OSSL_KDF_PARAM_MODE, &mode);
    /* OpenSSL refuses a zero-length key; RFC 5869 allows it (empty IKM or PRK). The cast
     * drops const only for the parameter API, which does not write. */
    *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY,
                                             (void *)(key_len ? key : empty), key_len);
    if (salt)
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, (void *)salt, salt_len);
    if (info && info_len)
        *p++ = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, (void *)info, info_len);
    *p = OSSL_PARAM_construct_end();
    if (EVP_KDF_derive(kctx, out, out_len, params) != 1)
        goto out;
    r = CV_OK;
out:
    if (r != CV_OK)
        sodium_memzero(out, out_len);
    EVP_KDF_CTX_free(kctx);
    EVP_KDF_free(kdf);
    return r;
}

int
cv_hkdf_extract(enum cv_hash h, const uint8_t *salt, size_t salt_len, const uint8_t *ikm,
                size_t ikm_len, uint8_t *prk)
{
    /* An absent salt is HashLen zero bytes (RFC 5869 section 2.2). */
    static const uint8_t zeros[64];
    if (!salt || salt_len == 0) {
        salt = zeros;
        salt_len = cv_hash_len(h);
    }
    return hkdf_run(h, EVP_KDF_HKDF_MODE_EXTRACT_ONLY, salt, salt_len, ikm, ikm_len, NULL, 0,
                    prk, cv_hash_len(h));
}

int
cv_hkdf_expand(enum cv_hash h, const uint8_t *prk, size_t prk_len, const uint8_t *info,
               size_t info_len, uint8_t *out, size_t out_len)
{
    return hkdf_run(h, EVP_KDF_HKDF_MODE_EXPAND_ONLY, NULL, 0, prk, prk_len, info, info_len,
                    out, out_len);
}

int
cv_hkdf(enum cv_hash h, const uint8_t *salt, size_t salt_len, const uint8_t *ikm,
        size_t ikm_len, const uint8_t *info, size_t info_len, uint8_t *out, size_t out_len)
{
    uint8_t prk[64];
    int r = cv_hkdf_extract(h, salt, salt_len, ikm, ikm_len, prk);
    if (r == CV_OK)
        r = cv_hkdf_expand(h, prk, cv_hash_len(h), info, info_len, out, out_len);
    sodium_memzero(prk, sizeof(prk));
    return r;
}

int
cv_kdf_labelled(const uint8_t *secret, size_t secret_len, const char *label,
                const uint8_t *context, size_t context_len, uint8_t *out, size_t out_len)
{
    uint8_t info[512];
    size_t llen = strlen(label);

    if (llen + 1 + context_len > sizeof(info))
        return CV_ETOOBIG;
    memcpy(info, label, llen);
    info[llen] = 0x00;
    if (context_len)
        memcpy(info + llen + 1, context, context_len);
    int r = cv_hkdf(CV_SHA512, NULL, 0, secret, secret_len, info, llen + 1 + context_len, out,
                    out_len);
    sodium_memzero(info, sizeof(info));
    return r;
}

int
cv_hmac(enum cv_hash h, const uint8_t *key, size_t key_len, const uint8_t *msg, size_t msg_len,
        uint8_t *out)
{
    static const uint8_t empty[1];
    EVP_MAC *mac = NULL;
    EVP_MAC_CTX *ctx = NULL;
    OSSL_PARAM params[2];
    size_t n = 0;
    int r = CV_EINTERNAL;

    if (cv_hash_len(h) == 0)
        return CV_EINVAL;
    if (!(mac = EVP_MAC_fetch(NULL, "HMAC", NULL)) || !(ctx = EVP_MAC_CTX_new(mac))) {
        r = CV_ENOMEM;
        goto out;
    }
    params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, (char *)hash_name(h), 0);
    params[1] = OSSL_PARAM_construct_end();
    if (EVP_MAC_init(ctx, key_len ? key : empty, key_len, params) != 1 ||
        EVP_MAC_update(ctx, msg, msg_len) != 1 ||
        EVP_MAC_final(ctx, out, &n, cv_hash_len(h)) != 1)
        goto out;
    r = CV_OK;
out:
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
    return r;
}
