// The PostgreSQL client library, libpq, as Swift sees it: its own header for
// the declarations, and the library itself opened only when first needed
// (libpq_calls.c), so that a start without PostgreSQL never loads libpq and
// the libraries it depends on (TLS, Kerberos, LDAP).
#ifndef LEADQ_CLIBPQ_H
#define LEADQ_CLIBPQ_H

#if __has_include(<libpq-fe.h>)
#include <libpq-fe.h>
#else
#include <postgresql/libpq-fe.h>
#endif

/// Opens libpq once; 1 when it is open, 0 when it could not be opened
/// (then `leadq_libpq_failure` says why).
int leadq_libpq_load(void);

/// Why libpq could not be opened, as the dynamic loader said it.
const char *leadq_libpq_failure(void);

#endif
