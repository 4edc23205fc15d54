// A SIGBUS handler for file mappings whose file shrinks under them.
//
// Written in C because the handler runs inside a signal: it touches only
// atomics, mmap and sigaction, never an allocator or a runtime.

#include "mapped_pages.h"

#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define SLOTS 256

struct watched {
    _Atomic(uintptr_t) start;
    _Atomic(uintptr_t) end;
    atomic_int lost;
};

static struct watched slots[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static int installed;
static uintptr_t page_size;
static struct sigaction previous;

static void on_bus_error(int signal, siginfo_t *info, void *context) {
    int saved = errno;
    uintptr_t address = (uintptr_t)info->si_addr;
    // A kernel-raised fault in a watched mapping: zero pages from the faulting one to its end.
    if (info->si_code > 0) {
        for (int index = 0; index < SLOTS; index++) {
            uintptr_t start = atomic_load(&slots[index].start);
            uintptr_t end = atomic_load(&slots[index].end);
            if (start == 0 || address < start || address >= end) continue;
            uintptr_t page = address & ~(page_size - 1);
            void *zeros = mmap((void *)page, end - page, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
            if (zeros != MAP_FAILED) {
                atomic_store(&slots[index].lost, 1);
                errno = saved;
                return;
            }
            break;
        }
    }
    // Not a watched page: put back what handled SIGBUS before, and the access faults again under it.
    sigaction(SIGBUS, &previous, NULL);
    errno = saved;
    (void)signal;
    (void)context;
}

static int install(void) {
    if (installed) return 1;
    page_size = (uintptr_t)sysconf(_SC_PAGESIZE);
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = on_bus_error;
    action.sa_flags = SA_SIGINFO | SA_RESTART;
    sigemptyset(&action.sa_mask);
    if (sigaction(SIGBUS, &action, &previous) != 0) return 0;
    installed = 1;
    return 1;
}

int leadq_mapped_pages_watch(void *base, size_t length) {
    if (base == NULL || length == 0) return -1;
    int found = -1;
    pthread_mutex_lock(&lock);
    if (install()) {
        for (int index = 0; index < SLOTS; index++) {
            if (atomic_load(&slots[index].start) != 0) continue;
            uintptr_t start = (uintptr_t)base;
            uintptr_t end = (start + length + page_size - 1) & ~(page_size - 1);
            atomic_store(&slots[index].lost, 0);
            atomic_store(&slots[index].end, end);
            atomic_store(&slots[index].start, start);
            found = index;
            break;
        }
    }
    pthread_mutex_unlock(&lock);
    return found;
}

int leadq_mapped_pages_lost(int slot) {
    if (slot < 0 || slot >= SLOTS) return 0;
    return atomic_load(&slots[slot].lost);
}

void leadq_mapped_pages_unwatch(int slot) {
    if (slot < 0 || slot >= SLOTS) return;
    pthread_mutex_lock(&lock);
    atomic_store(&slots[slot].start, 0);
    atomic_store(&slots[slot].end, 0);
    atomic_store(&slots[slot].lost, 0);
    pthread_mutex_unlock(&lock);
}
