/* cv/sframe.h: SFrame (RFC 9605) header codec, key derivation, seal/open and a per-sender
 * replay window.
 *
 * Frame layout (RFC 9605 section 4.2):  SFrame header | ciphertext | tag
 * AAD = SFrame header | metadata  (section 4.4.3). Our cleartext routing header is passed
 * as `metadata`, so the relay can read it but not change it undetected.
 *
 * Ownership: cv_sframe_key_new() returns an object the caller frees with
 * cv_sframe_key_free(); key material lives in sodium_malloc'd memory and is wiped on free.
 * A key object is not thread-safe (it keeps a cipher context); use one per thread.
 * Decoders take (p, len), never read past len, and return bytes consumed or a negative
 * cv_err code with a static `why`. */
#ifndef CV_SFRAME_H
#define CV_SFRAME_H

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "cv/err.h"

/* Cipher suites, RFC 9605 section 4.5 / IANA "SFrame Cipher Suites". */
enum cv_sframe_suite {
    CV_SFRAME_AES_128_CTR_HMAC_SHA256_80 = 0x0001,
    CV_SFRAME_AES_128_CTR_HMAC_SHA256_64 = 0x0002,
    CV_SFRAME_AES_128_CTR_HMAC_SHA256_32 = 0x0003,
    CV_SFRAME_AES_128_GCM_SHA256_128 = 0x0004,
    CV_SFRAME_AES_256_GCM_SHA512_128 = 0x0005, /* Conclave's suite */
};

#define CV_SFRAME_HDR_MAX 17 /* 1 config byte + 8 KID bytes + 8 CTR bytes */
#define CV_SFRAME_TAG_MAX 16
#define CV_SFRAME_KEY_MAX 64 /* base key length limit accepted by cv_sframe_key_new */

struct cv_sframe_hdr {
    uint64_t kid;
    uint64_t ctr;
};

/* Encode the shortest header for (kid, ctr). Returns its length (1..17). */
size_t cv_sframe_hdr_encode(const struct cv_sframe_hdr *h, uint8_t out[CV_SFRAME_HDR_MAX]);

/* Decode a header at the start of p. Returns bytes consumed (1..17) or CV_EPROTO /
 * CV_EINCOMPLETE with *why set. Rejects non-minimal forms only where RFC 9605 does. */
CV_MUSTCHECK ssize_t cv_sframe_hdr_decode(const uint8_t *p, size_t len,
                                          struct cv_sframe_hdr *ret_h, const char **why);

/* Tag length of a suite (10, 8, 4 or 16), 0 for an unknown suite. */
size_t cv_sframe_tag_len(enum cv_sframe_suite suite);

/* Derived per-KID key: sframe_key and sframe_salt (section 4.4.2) plus a cipher context. */
struct cv_sframe_key;

/* Derive the key for (suite, kid) from base_key. CV_EINVAL on unknown suite or bad length,
 * CV_ENOMEM. */
CV_MUSTCHECK int cv_sframe_key_new(enum cv_sframe_suite suite, uint64_t kid,
                                   const uint8_t *base_key, size_t base_key_len,
                                   struct cv_sframe_key **ret_key);
void cv_sframe_key_free(struct cv_sframe_key *key);
uint64_t cv_sframe_key_kid(const struct cv_sframe_key *key);
enum cv_sframe_suite cv_sframe_key_suite(const struct cv_sframe_key *key);

/* Bytes a sealed frame needs for a plaintext of pt_len with this key and counter. */
size_t cv_sframe_sealed_len(const struct cv_sframe_key *key, uint64_t ctr, size_t pt_len);

/* Seal one frame with counter ctr: out = header | ciphertext | tag. The caller guarantees
 * each ctr is used once per key (see struct cv_sframe_sender). out may not overlap pt. */
CV_MUSTCHECK int cv_sframe_seal(struct cv_sframe_key *key, uint64_t ctr,
                                const uint8_t *meta, size_t meta_len, const uint8_t *pt,
                                size_t pt_len, uint8_t *out, size_t out_size,
                                size_t *ret_len);

/* Open one frame whose header names this key's KID. Verifies the tag before writing any
 * plaintext; on failure out is zeroed and CV_EAUTH (or CV_EPROTO for a malformed frame,
 * CV_EINVAL for a KID that is not this key's) is returned. ret_h (optional) receives the
 * parsed header. No replay check here: see cv_sframe_replay. */
CV_MUSTCHECK int cv_sframe_open(struct cv_sframe_key *key, const uint8_t *frame,
                                size_t frame_len, const uint8_t *meta, size_t meta_len,
                                uint8_t *out, size_t out_size, size_t *ret_len,
                                struct cv_sframe_hdr *ret_h);

/* Replay window over a sender's counters: the highest counter seen and a bitmap of the
 * CV_SFRAME_REPLAY_WINDOW counters below it. */
#define CV_SFRAME_REPLAY_WINDOW 128
struct cv_sframe_replay {
    uint64_t top;     /* highest accepted counter + 1; 0 = nothing accepted yet */
    uint64_t bits[CV_SFRAME_REPLAY_WINDOW / 64];
};

/* CV_OK when ctr is new and inside the window, CV_EREPLAY when seen or too old.
 * Does not record: call cv_sframe_replay_commit() only after the frame authenticated. */
CV_MUSTCHECK int cv_sframe_replay_check(const struct cv_sframe_replay *w, uint64_t ctr);
void cv_sframe_replay_commit(struct cv_sframe_replay *w, uint64_t ctr);

#endif
