/* cv/err.h: the one result code set of the project.
 *
 * Every function that can fail returns int: CV_OK (0) or one of the negative codes below.
 * Decoders return ssize_t (bytes consumed, or a negative code) and set a static `why`
 * string for the caller to log. The layer that handles an error logs it once. */
#ifndef CV_ERR_H
#define CV_ERR_H

#define CV_MUSTCHECK __attribute__((warn_unused_result))

enum cv_err {
    CV_OK = 0,
    CV_ENOMEM = -1,       /* out of memory */
    CV_EINVAL = -2,       /* bad argument or value */
    CV_EAGAIN = -3,       /* would block; try again later */
    CV_EINCOMPLETE = -4,  /* need more bytes */
    CV_EPROTO = -5,       /* malformed input */
    CV_EAUTH = -6,        /* authentication failed (tag, signature, proof) */
    CV_EREPLAY = -7,      /* already seen or too old */
    CV_EEXPIRED = -8,     /* outside its validity window */
    CV_ETOOBIG = -9,      /* over a named limit */
    CV_EPERM = -10,       /* not allowed */
    CV_ENOTFOUND = -11,   /* no such thing */
    CV_ESYS = -12,        /* system call failed; errno has detail */
    CV_EINTERNAL = -13,   /* a bug or an impossible state */
    CV_ECONFLICT = -14,   /* already exists or state conflict */
    CV_ETHROTTLED = -15,  /* too many attempts; retry later */
    CV_ENOSPACE = -16,    /* storage full */
    CV_EUNAVAIL = -17,    /* service unavailable (starting, draining, backend down) */
};

#define CV_ERR_MIN CV_EUNAVAIL

/* Short human text for a code ("authentication failed"). Never NULL. */
const char *cv_strerror(int err);

/* Stable machine name for a code ("auth_failed"), used in JSON errors. Never NULL. */
const char *cv_errname(int err);

/* HTTP status that an API answer carries for this code (400, 401, 403, ...). */
int cv_err_http_status(int err);

#endif
