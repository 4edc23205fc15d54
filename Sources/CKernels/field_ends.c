// Finding field ends 64 bytes at a time.
//
// Written in C for the vector compare and the byte mask (`pmovmskb`), which
// Swift's SIMD types do not expose; without SSE2 the bytes are tested one by one.

#include "field_ends.h"

#if defined(__SSE2__)
#include <emmintrin.h>

uint64_t leadq_field_ends(const uint8_t *block) {
    const __m128i comma = _mm_set1_epi8(','), feed = _mm_set1_epi8('\n'), carriage = _mm_set1_epi8('\r');
    uint64_t mask = 0;
    for (int chunk = 0; chunk < 4; chunk++) {
        __m128i bytes = _mm_loadu_si128((const __m128i *)(block + chunk * 16));
        __m128i hits = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(bytes, comma), _mm_cmpeq_epi8(bytes, feed)),
                                    _mm_cmpeq_epi8(bytes, carriage));
        mask |= (uint64_t)(uint32_t)_mm_movemask_epi8(hits) << (chunk * 16);
    }
    return mask;
}

#else

uint64_t leadq_field_ends(const uint8_t *block) {
    uint64_t mask = 0;
    for (int index = 0; index < 64; index++) {
        uint8_t byte = block[index];
        if (byte == ',' || byte == '\n' || byte == '\r') mask |= (uint64_t)1 << index;
    }
    return mask;
}

#endif
