/* cv/kdf.h: HKDF (RFC 5869) over SHA-256 or SHA-512 through OpenSSL, and labelled
 * derivation with a per-use context string (domain separation: every KDF use in Conclave
 * has its own label, "conclave/v1/<use>").
 * Outputs are written only on success; on failure the output is zeroed. Thread-safe. */
#ifndef CV_KDF_H
#define CV_KDF_H

#include <stddef.h>
#include <stdint.h>

#include "cv/err.h"

enum cv_hash { CV_SHA256 = 1, CV_SHA512 = 2 };

size_t cv_hash_len(enum cv_hash h);

/* HKDF-Extract(salt, ikm) -> prk (cv_hash_len bytes). */
CV_MUSTCHECK int cv_hkdf_extract(enum cv_hash h, const uint8_t *salt, size_t salt_len,
                                 const uint8_t *ikm, size_t ikm_len, uint8_t *prk);
/* HKDF-Expand(prk, info, out_len). CV_EINVAL when out_len > 255 * hash length. */
CV_MUSTCHECK int cv_hkdf_expand(enum cv_hash h, const uint8_t *prk, size_t prk_len,
                                const uint8_t *info, size_t info_len, uint8_t *out,
                                size_t out_len);
/* Extract then expand. */
CV_MUSTCHECK int cv_hkdf(enum cv_hash h, const uint8_t *salt, size_t salt_len,
                         const uint8_t *ikm, size_t ikm_len, const uint8_t *info,
                         size_t info_len, uint8_t *out, size_t out_len);
/* HKDF-SHA512 with info = label | 0x00 | context: the form every Conclave derivation uses.
 * label is a NUL-terminated context string such as "conclave/v1/epoch-wrap". */
CV_MUSTCHECK int cv_kdf_labelled(const uint8_t *secret, size_t secret_len, const char *label,
                                 const uint8_t *context, size_t context_len, uint8_t *out,
                                 size_t out_len);
/* HMAC (RFC 2104) -> out (cv_hash_len bytes). */
CV_MUSTCHECK int cv_hmac(enum cv_hash h, const uint8_t *key, size_t key_len,
                         const uint8_t *msg, size_t msg_len, uint8_t *out);

#endif
