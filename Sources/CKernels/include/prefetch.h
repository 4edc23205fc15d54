#ifndef LEADQ_PREFETCH_H
#define LEADQ_PREFETCH_H

/// Asks for the line of memory at `address` to be brought into the caches,
/// without waiting for it: a table read at random places can ask for the
/// next few before it reads the first.
static inline void leadq_prefetch(const void *address) {
    __builtin_prefetch(address, 0, 3);
}

#endif
