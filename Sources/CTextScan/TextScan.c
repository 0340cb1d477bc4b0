// Vector scans of text that Swift's SIMD types do not compile to vector instructions (their lane compares
// become a loop per lane): one C function per scan, the same answer on every architecture.
#include "TextScan.h"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#if !defined(__SSE2__)
static inline int needs_attention(unsigned char b) {
    return b < 0x20 || b == 0x22 || b == 0x26 || b == 0x3C || b == 0x3E || b == 0x7F || b == 0xC2 || b == 0xEF
        || b >= 0xF0;
}
#endif

#if defined(__SSE2__)
/// A mask with bit k set when byte k of `v` needs attention.
static inline int attention_mask(__m128i v) {
    const __m128i below = _mm_set1_epi8(0x1F), top = _mm_set1_epi8((char)0xF0);
    // Unsigned v <= 0x1F is min(v, 0x1F) == v; v >= 0xF0 is max(v, 0xF0) == v.
    __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, below), v), _mm_cmpeq_epi8(_mm_max_epu8(v, top), v));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x22)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x26))));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x3C)), _mm_cmpeq_epi8(v, _mm_set1_epi8(0x3E))));
    hit = _mm_or_si128(hit, _mm_cmpeq_epi8(v, _mm_set1_epi8(0x7F)));
    hit = _mm_or_si128(hit, _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xC2)),
                                         _mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xEF))));
    return _mm_movemask_epi8(hit);
}
#endif

size_t scriptorium_html_clean_prefix(const unsigned char *bytes, size_t count) {
#if defined(__SSE2__)
    if (count >= 16) {
        size_t i = 0;
        for (; i + 16 <= count; i += 16) {
            int mask = attention_mask(_mm_loadu_si128((const __m128i *)(bytes + i)));
            if (mask != 0) return i + (size_t)__builtin_ctz((unsigned)mask);
        }
        if (i == count) return count;
        // The last sixteen bytes, overlapping ones already found clean: the first hit is past them.
        size_t last = count - 16;
        int mask = attention_mask(_mm_loadu_si128((const __m128i *)(bytes + last)));
        return mask != 0 ? last + (size_t)__builtin_ctz((unsigned)mask) : count;
    }
    if (count > 0) {
        // Short text (most ids and mention names): padded with 'A's, which need nothing, and tested at once.
        unsigned char padded[16];
        __builtin_memset(padded, 'A', 16);
        __builtin_memcpy(padded, bytes, count);
        int mask = attention_mask(_mm_loadu_si128((const __m128i *)padded));
        return mask != 0 ? (size_t)__builtin_ctz((unsigned)mask) : count;
    }
    return 0;
#else
    for (size_t i = 0; i < count; i++) {
        if (needs_attention(bytes[i])) return i;
    }
    return count;
#endif
}

/// Whether the byte at `i` (of `count`) is one the JSON writer must look at (see the header).
static inline int json_attention(const unsigned char *bytes, size_t i, size_t count) {
    unsigned char b = bytes[i];
    if (b < 0x20 || b == 0x22 || b == 0x5C) return 1;
    if (b == 0xE2) return i + 2 < count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9);
    if (b == 0xEF) return i + 2 < count && bytes[i + 1] == 0xBB && bytes[i + 2] == 0xBF;
    return 0;
}

size_t scriptorium_json_clean_prefix(const unsigned char *bytes, size_t count) {
    size_t i = 0;
#if defined(__SSE2__)
    const __m128i below = _mm_set1_epi8(0x1F), quote = _mm_set1_epi8(0x22), backslash = _mm_set1_epi8(0x5C);
    const __m128i e2 = _mm_set1_epi8((char)0xE2), ef = _mm_set1_epi8((char)0xEF);
    for (; i + 16 <= count; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(bytes + i));
        // Unsigned v <= 0x1F is min(v, 0x1F) == v. The lead bytes are only candidates: confirmed one at a time.
        __m128i hit = _mm_or_si128(_mm_cmpeq_epi8(_mm_min_epu8(v, below), v),
                                   _mm_or_si128(_mm_cmpeq_epi8(v, quote), _mm_cmpeq_epi8(v, backslash)));
        int sure = _mm_movemask_epi8(hit);
        int maybe = _mm_movemask_epi8(_mm_or_si128(_mm_cmpeq_epi8(v, e2), _mm_cmpeq_epi8(v, ef)));
        while (maybe != 0) {
            int k = __builtin_ctz((unsigned)maybe);
            if (sure != 0 && __builtin_ctz((unsigned)sure) < k) break;
            if (json_attention(bytes, i + (size_t)k, count)) return i + (size_t)k;
            maybe &= maybe - 1;
        }
        if (sure != 0) return i + (size_t)__builtin_ctz((unsigned)sure);
    }
#endif
    for (; i < count; i++) {
        if (json_attention(bytes, i, count)) return i;
    }
    return count;
}
