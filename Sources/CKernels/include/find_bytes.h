#ifndef LEADQ_FIND_BYTES_H
#define LEADQ_FIND_BYTES_H

#include <stddef.h>

/// The first place `needle` occurs in the `length` bytes at `haystack`, or
/// NULL: the C library's `memmem`, which Swift does not see on every system.
const void *leadq_find(const void *haystack, size_t length, const void *needle, size_t needle_length);

#endif
