/* cv/pin.h: certificate pins in curl's form "sha256//BASE64", the SHA-256 of the DER
 * SubjectPublicKeyInfo (RFC 7469 pin-sha256). Clients and relay links pin the peer's
 * key, not its certificate, so a certificate renewed on the same key keeps its pin. */
#ifndef CV_PIN_H
#define CV_PIN_H

#include <stddef.h>

#include "cv/err.h"

/* "sha256//" + 44 Base64 characters + NUL */
#define CV_PIN_LEN 53

typedef struct x509_st X509;
typedef struct evp_pkey_st EVP_PKEY;

/* Pin of a public key / of a certificate's public key. */
CV_MUSTCHECK int cv_pin_from_pkey(EVP_PKEY *pkey, char out[static CV_PIN_LEN]);
CV_MUSTCHECK int cv_pin_from_x509(X509 *cert, char out[static CV_PIN_LEN]);
/* Pin of the first certificate in a PEM file. CV_ENOTFOUND / CV_EPROTO with why. */
CV_MUSTCHECK int cv_pin_from_pem_file(const char *path, char out[static CV_PIN_LEN],
                                      const char **why);
/* CV_OK when s is a well-formed "sha256//" pin (44 Base64 chars decoding to 32 bytes). */
CV_MUSTCHECK int cv_pin_check_syntax(const char *s);
/* Constant-time comparison of two well-formed pins: true when equal. */
int cv_pin_equal(const char *a, const char *b);

#endif
