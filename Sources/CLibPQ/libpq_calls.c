// Each libpq function leadq calls, defined here under its own name: the first
// call opens the system's libpq with dlopen and every call goes on to the
// library's function. The prototypes are checked against libpq-fe.h.
#include "CLibPQ.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// Functions that return a value: return type, name, parameters, arguments.
#define LEADQ_PQ_RETURNING(F) \
    F(PGconn *, PQconnectdb, (const char *conninfo), (conninfo)) \
    F(ConnStatusType, PQstatus, (const PGconn *conn), (conn)) \
    F(char *, PQerrorMessage, (const PGconn *conn), (conn)) \
    F(char *, PQdb, (const PGconn *conn), (conn)) \
    F(char *, PQuser, (const PGconn *conn), (conn)) \
    F(char *, PQhost, (const PGconn *conn), (conn)) \
    F(char *, PQport, (const PGconn *conn), (conn)) \
    F(int, PQsetClientEncoding, (PGconn *conn, const char *encoding), (conn, encoding)) \
    F(PGcancel *, PQgetCancel, (PGconn *conn), (conn)) \
    F(int, PQcancel, (PGcancel *cancel, char *errbuf, int errbufsize), (cancel, errbuf, errbufsize)) \
    F(PGresult *, PQexec, (PGconn *conn, const char *query), (conn, query)) \
    F(PGresult *, PQprepare, (PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes), (conn, stmtName, query, nParams, paramTypes)) \
    F(PGresult *, PQdescribePrepared, (PGconn *conn, const char *stmt), (conn, stmt)) \
    F(int, PQsendQuery, (PGconn *conn, const char *query), (conn, query)) \
    F(PGresult *, PQgetResult, (PGconn *conn), (conn)) \
    F(int, PQisBusy, (PGconn *conn), (conn)) \
    F(int, PQconsumeInput, (PGconn *conn), (conn)) \
    F(int, PQsocket, (const PGconn *conn), (conn)) \
    F(int, PQgetCopyData, (PGconn *conn, char **buffer, int async), (conn, buffer, async)) \
    F(ExecStatusType, PQresultStatus, (const PGresult *res), (res)) \
    F(char *, PQresStatus, (ExecStatusType status), (status)) \
    F(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode)) \
    F(int, PQntuples, (const PGresult *res), (res)) \
    F(int, PQnfields, (const PGresult *res), (res)) \
    F(char *, PQfname, (const PGresult *res, int field_num), (res, field_num)) \
    F(Oid, PQftype, (const PGresult *res, int field_num), (res, field_num)) \
    F(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num)) \
    F(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num))

// Functions that return nothing: name, parameters, arguments.
#define LEADQ_PQ_VOID(F) \
    F(PQfinish, (PGconn *conn), (conn)) \
    F(PQfreeCancel, (PGcancel *cancel), (cancel)) \
    F(PQclear, (PGresult *res), (res)) \
    F(PQfreemem, (void *ptr), (ptr))

static struct {
#define LEADQ_SLOT(type, name, params, args) type (*name) params;
#define LEADQ_VOID_SLOT(name, params, args) void (*name) params;
    LEADQ_PQ_RETURNING(LEADQ_SLOT)
    LEADQ_PQ_VOID(LEADQ_VOID_SLOT)
} calls;

static void *library;
static char failure[512];
static pthread_once_t opened = PTHREAD_ONCE_INIT;

// Debian and Fedora install libpq.so.5; Homebrew keeps libpq.5.dylib outside the default path.
static const char *const names[] = {
    "libpq.so.5", "libpq.5.dylib", "/opt/homebrew/opt/libpq/lib/libpq.5.dylib", "/usr/local/opt/libpq/lib/libpq.5.dylib",
};

static void open_library(void) {
    for (size_t index = 0; index < sizeof names / sizeof names[0] && library == NULL; index++) {
        library = dlopen(names[index], RTLD_NOW | RTLD_LOCAL);
        if (library == NULL && index == 0) {
            const char *reason = dlerror();
            snprintf(failure, sizeof failure, "%s", reason ? reason : "libpq.so.5 not found");
        }
    }
    if (library == NULL) return;
#define LEADQ_RESOLVE(type, name, params, args) calls.name = (type (*) params)dlsym(library, #name);
#define LEADQ_VOID_RESOLVE(name, params, args) calls.name = (void (*) params)dlsym(library, #name);
    LEADQ_PQ_RETURNING(LEADQ_RESOLVE)
    LEADQ_PQ_VOID(LEADQ_VOID_RESOLVE)
    // A libpq older than leadq needs is refused as a whole, here, with the name it lacks.
#define LEADQ_CHECK(type, name, params, args) if (calls.name == NULL) missing = #name;
#define LEADQ_VOID_CHECK(name, params, args) if (calls.name == NULL) missing = #name;
    const char *missing = NULL;
    LEADQ_PQ_RETURNING(LEADQ_CHECK)
    LEADQ_PQ_VOID(LEADQ_VOID_CHECK)
    if (missing != NULL) {
        snprintf(failure, sizeof failure, "the libpq found has no %s", missing);
        dlclose(library);
        library = NULL;
    }
}

int leadq_libpq_load(void) {
    pthread_once(&opened, open_library);
    return library != NULL;
}

const char *leadq_libpq_failure(void) { return failure; }

// A call reaches here only after leadq_libpq_load succeeded (a connection
// exists), and so with every function resolved.
#define LEADQ_FORWARD(type, name, params, args) \
    type name params { \
        if (!leadq_libpq_load() || calls.name == NULL) abort(); \
        return calls.name args; \
    }
#define LEADQ_VOID_FORWARD(name, params, args) \
    void name params { \
        if (!leadq_libpq_load() || calls.name == NULL) abort(); \
        calls.name args; \
    }
LEADQ_PQ_RETURNING(LEADQ_FORWARD)
LEADQ_PQ_VOID(LEADQ_VOID_FORWARD)
