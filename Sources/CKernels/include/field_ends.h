#ifndef LEADQ_FIELD_ENDS_H
#define LEADQ_FIELD_ENDS_H

#include <stdint.h>

/// A bit for each of the 64 bytes at `block` that ends an unquoted CSV
/// field: a comma, a line feed or a carriage return (bit 0 for the first
/// byte). The 64 bytes must all be readable.
uint64_t leadq_field_ends(const uint8_t *block);

#endif
