// The PostgreSQL client library, libpq, as Swift sees it.
#ifndef LEADQ_CLIBPQ_SHIM_H
#define LEADQ_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
