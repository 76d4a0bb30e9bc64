/* aead.c: one-shot AES-256-GCM (96-bit nonce, 128-bit tag) through OpenSSL EVP. */
#include "cv/aead.h"

#include <limits.h>
#include <string.h>

#include <openssl/evp.h>
#include <sodium.h>

int
cv_aead_seal(const uint8_t key[static CV_AEAD_KEY_LEN],
             const uint8_t nonce[static CV_AEAD_NONCE_LEN], const uint8_t *aad, size_t aad_len,
             const uint8_t *pt, size_t pt_len, uint8_t *out)
{
    EVP_CIPHER_CTX *ctx;
    int n = 0, r = CV_EINTERNAL;

    if (pt_len > INT_MAX - CV_AEAD_TAG_LEN || aad_len > INT_MAX)
        return CV_ETOOBIG;
    if (!(ctx = EVP_CIPHER_CTX_new()))
        return CV_ENOMEM;
    if (EVP_EncryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, nonce) != 1)
        goto out;
    if (aad_len && EVP_EncryptUpdate(ctx, NULL, &n, aad, (int)aad_len) != 1)
        goto out;
    if (pt_len && EVP_EncryptUpdate(ctx, out, &n, pt, (int)pt_len) != 1)
        goto out;
    if (EVP_EncryptFinal_ex(ctx, out + pt_len, &n) != 1)
        goto out;
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_GET_TAG, CV_AEAD_TAG_LEN, out + pt_len) != 1)
        goto out;
    r = CV_OK;
out:
    EVP_CIPHER_CTX_free(ctx);
    return r;
}

int
cv_aead_open(const uint8_t key[static CV_AEAD_KEY_LEN],
             const uint8_t nonce[static CV_AEAD_NONCE_LEN], const uint8_t *aad, size_t aad_len,
             const uint8_t *in, size_t in_len, uint8_t *out)
{
    EVP_CIPHER_CTX *ctx;
    uint8_t tag[CV_AEAD_TAG_LEN];
    size_t ct_len;
    int n = 0, r = CV_EINTERNAL;

    if (in_len < CV_AEAD_TAG_LEN)
        return CV_EPROTO;
    ct_len = in_len - CV_AEAD_TAG_LEN;
    if (ct_len > INT_MAX || aad_len > INT_MAX)
        return CV_ETOOBIG;
    memcpy(tag, in + ct_len, CV_AEAD_TAG_LEN);
    if (!(ctx = EVP_CIPHER_CTX_new()))
        return CV_ENOMEM;
    if (EVP_DecryptInit_ex(ctx, EVP_aes_256_gcm(), NULL, key, nonce) != 1)
        goto out;
    if (aad_len && EVP_DecryptUpdate(ctx, NULL, &n, aad, (int)aad_len) != 1)
        goto out;
    if (ct_len && EVP_DecryptUpdate(ctx, out, &n, in, (int)ct_len) != 1)
        goto out;
    if (EVP_CIPHER_CTX_ctrl(ctx, EVP_CTRL_GCM_SET_TAG, CV_AEAD_TAG_LEN, tag) != 1)
        goto out;
    /* Final checks the tag; the plaintext already written is wiped when it fails. */
    if (EVP_DecryptFinal_ex(ctx, out + ct_len, &n) != 1) {
        r = CV_EAUTH;
        goto out;
    }
    r = CV_OK;
out:
    if (r != CV_OK && ct_len)
        sodium_memzero(out, ct_len);
    EVP_CIPHER_CTX_free(ctx);
    return r;
}
