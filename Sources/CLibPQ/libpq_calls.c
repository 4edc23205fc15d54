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
    F(PGconn *, PQconnectdbParams, (const char *const *keywords, const char *const *values, int expand_dbname), (keywords, values, expand_dbname)) \
    F(ConnStatusType, PQstatus, (const PGconn *conn), (conn)) \
    F(PGTransactionStatusType, PQtransactionStatus, (const PGconn *conn), (conn)) \
    F(const char *, PQparameterStatus, (const PGconn *conn, const char *paramName), (conn, paramName)) \
    F(int, PQserverVersion, (const PGconn *conn), (conn)) \
    F(char *, PQerrorMessage, (const PGconn *conn), (conn)) \
    F(int, PQbackendPID, (const PGconn *conn), (conn)) \
    F(char *, PQdb, (const PGconn *conn), (conn)) \
    F(char *, PQuser, (const PGconn *conn), (conn)) \
    F(char *, PQhost, (const PGconn *conn), (conn)) \
    F(char *, PQport, (const PGconn *conn), (conn)) \
    F(int, PQsetClientEncoding, (PGconn *conn, const char *encoding), (conn, encoding)) \
    F(PGVerbosity, PQsetErrorVerbosity, (PGconn *conn, PGVerbosity verbosity), (conn, verbosity)) \
    F(PQnoticeReceiver, PQsetNoticeReceiver, (PGconn *conn, PQnoticeReceiver proc, void *arg), (conn, proc, arg)) \
    F(PQnoticeProcessor, PQsetNoticeProcessor, (PGconn *conn, PQnoticeProcessor proc, void *arg), (conn, proc, arg)) \
    F(PGcancel *, PQgetCancel, (PGconn *conn), (conn)) \
    F(int, PQcancel, (PGcancel *cancel, char *errbuf, int errbufsize), (cancel, errbuf, errbufsize)) \
    F(PGresult *, PQexec, (PGconn *conn, const char *query), (conn, query)) \
    F(PGresult *, PQexecParams, (PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat), (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat)) \
    F(PGresult *, PQprepare, (PGconn *conn, const char *stmtName, const char *query, int nParams, const Oid *paramTypes), (conn, stmtName, query, nParams, paramTypes)) \
    F(PGresult *, PQexecPrepared, (PGconn *conn, const char *stmtName, int nParams, const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat), (conn, stmtName, nParams, paramValues, paramLengths, paramFormats, resultFormat)) \
    F(PGresult *, PQdescribePrepared, (PGconn *conn, const char *stmt), (conn, stmt)) \
    F(int, PQsendQuery, (PGconn *conn, const char *query), (conn, query)) \
    F(int, PQsendQueryParams, (PGconn *conn, const char *command, int nParams, const Oid *paramTypes, const char *const *paramValues, const int *paramLengths, const int *paramFormats, int resultFormat), (conn, command, nParams, paramTypes, paramValues, paramLengths, paramFormats, resultFormat)) \
    F(int, PQsetSingleRowMode, (PGconn *conn), (conn)) \
    F(PGresult *, PQgetResult, (PGconn *conn), (conn)) \
    F(int, PQisBusy, (PGconn *conn), (conn)) \
    F(int, PQconsumeInput, (PGconn *conn), (conn)) \
    F(int, PQsocket, (const PGconn *conn), (conn)) \
    F(int, PQputCopyData, (PGconn *conn, const char *buffer, int nbytes), (conn, buffer, nbytes)) \
    F(int, PQputCopyEnd, (PGconn *conn, const char *errormsg), (conn, errormsg)) \
    F(int, PQgetCopyData, (PGconn *conn, char **buffer, int async), (conn, buffer, async)) \
    F(ExecStatusType, PQresultStatus, (const PGresult *res), (res)) \
    F(char *, PQresStatus, (ExecStatusType status), (status)) \
    F(char *, PQresultErrorMessage, (const PGresult *res), (res)) \
    F(char *, PQresultVerboseErrorMessage, (const PGresult *res, PGVerbosity verbosity, PGContextVisibility show_context), (res, verbosity, show_context)) \
    F(char *, PQresultErrorField, (const PGresult *res, int fieldcode), (res, fieldcode)) \
    F(int, PQntuples, (const PGresult *res), (res)) \
    F(int, PQnfields, (const PGresult *res), (res)) \
    F(char *, PQfname, (const PGresult *res, int field_num), (res, field_num)) \
    F(int, PQfnumber, (const PGresult *res, const char *field_name), (res, field_name)) \
    F(Oid, PQftable, (const PGresult *res, int field_num), (res, field_num)) \
    F(int, PQfformat, (const PGresult *res, int field_num), (res, field_num)) \
    F(Oid, PQftype, (const PGresult *res, int field_num), (res, field_num)) \
    F(int, PQfsize, (const PGresult *res, int field_num), (res, field_num)) \
    F(int, PQfmod, (const PGresult *res, int field_num), (res, field_num)) \
    F(char *, PQcmdStatus, (PGresult *res), (res)) \
    F(char *, PQcmdTuples, (PGresult *res), (res)) \
    F(char *, PQgetvalue, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num)) \
    F(int, PQgetlength, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num)) \
    F(int, PQgetisnull, (const PGresult *res, int tup_num, int field_num), (res, tup_num, field_num)) \
    F(int, PQnparams, (const PGresult *res), (res)) \
    F(Oid, PQparamtype, (const PGresult *res, int param_num), (res, param_num)) \
    F(char *, PQescapeLiteral, (PGconn *conn, const char *str, size_t len), (conn, str, len)) \
    F(char *, PQescapeIdentifier, (PGconn *conn, const char *str, size_t len), (conn, str, len)) \
    F(int, PQlibVersion, (void), ())

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
}

int leadq_libpq_load(void) {
    pthread_once(&opened, open_library);
    return library != NULL;
}

const char *leadq_libpq_failure(void) { return failure; }

// A call reaches here only after leadq_libpq_load succeeded (a connection
// exists); a function this libpq lacks (older than leadq expects) stops the process.
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
