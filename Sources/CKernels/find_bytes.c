#define _GNU_SOURCE
#include <string.h>

#include "find_bytes.h"

const void *leadq_find(const void *haystack, size_t length, const void *needle, size_t needle_length) {
    return memmem(haystack, length, needle, needle_length);
}
