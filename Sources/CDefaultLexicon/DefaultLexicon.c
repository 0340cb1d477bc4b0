#include "CDefaultLexicon.h"
#pragma clang diagnostic ignored "-Wc23-extensions"
static const unsigned char bytes[] = {
#embed "default-lexicon.tsv"
};
const unsigned char *scriptorium_default_lexicon_bytes(void) { return bytes; }
size_t scriptorium_default_lexicon_count(void) { return sizeof(bytes); }
