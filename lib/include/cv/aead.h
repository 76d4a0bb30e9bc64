/* cv/aead.h: one-shot AES-256-GCM with a 96-bit nonce and 128-bit tag through OpenSSL
 * EVP, for key wrapping and small messages (SFrame's hot path keeps its own context).
 * open() verifies the tag before releasing plaintext and zeroes out on failure.
 * Thread-safe. */
#ifndef CV_AEAD_H
#define CV_AEAD_H

#include <stddef.h>
#include <stdint.h>

#include "cv/err.h"

#define CV_AEAD_KEY_LEN 32
#define CV_AEAD_NONCE_LEN 12
#define CV_AEAD_TAG_LEN 16

/* out receives ct | tag (pt_len + 16 bytes). */
CV_MUSTCHECK int cv_aead_seal(const uint8_t key[static CV_AEAD_KEY_LEN],
                              const uint8_t nonce[static CV_AEAD_NONCE_LEN],
                              const uint8_t *aad, size_t aad_len, const uint8_t *pt,
                              size_t pt_len, uint8_t *out);
/* in is ct | tag; out receives in_len - 16 bytes. CV_EAUTH on a bad tag, CV_EPROTO when
 * in_len < 16. */
CV_MUSTCHECK int cv_aead_open(const uint8_t key[static CV_AEAD_KEY_LEN],
                              const uint8_t nonce[static CV_AEAD_NONCE_LEN],
                              const uint8_t *aad, size_t aad_len, const uint8_t *in,
                              size_t in_len, uint8_t *out);

#endif
