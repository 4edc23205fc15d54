#ifndef LEADQ_MAPPED_PAGES_H
#define LEADQ_MAPPED_PAGES_H

#include <stddef.h>

/// Watches a read-only file mapping of `length` bytes at `base` for pages
/// the file no longer backs (it was truncated while mapped). Reading such a
/// page raises SIGBUS; the handler installed here maps zero pages over the
/// rest of the mapping, marks it as having lost pages, and lets the read go
/// on. Returns a slot for the other calls, or -1 when no slot is free (the
/// caller should then read the file instead of mapping it).
int leadq_mapped_pages_watch(void *base, size_t length);

/// Whether any page of the watched mapping was replaced by zeros.
int leadq_mapped_pages_lost(int slot);

/// Stops watching; call before unmapping.
void leadq_mapped_pages_unwatch(int slot);

#endif
