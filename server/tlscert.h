/* tlscert.h: the server's certificate: a configured one, or a self-signed ECDSA P-256
 * certificate generated on first start in the data folder (key file mode 0600) and reused
 * afterwards. Clients pin the key (cv/pin.h), so the self-signed certificate is enough. */
#ifndef CV_SERVER_TLSCERT_H
#define CV_SERVER_TLSCERT_H

#include <stdbool.h>
#include <stddef.h>

#include "cv/pin.h"

struct srv_cert {
    char cert_path[4096];
    char key_path[4096];
    char pin[CV_PIN_LEN];
    bool generated; /* made during this start */
};

/* Resolve (cert, key) from the configuration or create them in data_dir.
 * hostnames: comma-separated names for the SubjectAltName of a generated certificate.
 * Returns CV_OK or an error with a message in why. */
int srv_cert_ensure(const char *conf_cert, const char *conf_key, const char *data_dir,
                    const char *hostnames, struct srv_cert *ret, char *why, size_t why_size);

#endif
