#ifndef SCRIPTORIUM_TEXT_SCAN_H
#define SCRIPTORIUM_TEXT_SCAN_H

#include <stddef.h>

/// The number of bytes at the start of `bytes` (of `count`) that an HTML writer copies as they are: none below
/// 0x20, none of `"` `&` `<` `>` DEL, and no UTF-8 lead byte of a character HTML may forbid (0xC2 for the C1
/// controls, 0xEF for U+FDD0-U+FDEF and U+FFFE/U+FFFF, 0xF0-0xFF for the other planes' noncharacters).
/// Sixteen bytes per step with SSE2 where the compiler targets it, one at a time elsewhere; the same answer.
/// Called through `ScriptoriumText.HTMLScan`, which takes a `Span`.
size_t scriptorium_html_clean_prefix(const unsigned char *bytes, size_t count);

/// The number of bytes at the start of `bytes` (of `count`) that a JSON writer copies as they are: none below
/// 0x20, no `"` or `\`, and none that starts U+2028, U+2029 (E2 80 A8, E2 80 A9) or U+FEFF (EF BB BF), which the
/// writer escapes too. Other characters with those lead bytes (curly quotes, dashes: E2 80 99, E2 80 94) are
/// clean. Sixteen bytes per step with SSE2, one at a time elsewhere; the same answer.
/// Called through `ScriptoriumText.JSONScan`, which takes a `Span`.
size_t scriptorium_json_clean_prefix(const unsigned char *bytes, size_t count);

#endif
