#ifndef SCRIPTORIUM_CLIBXML2_SHIM_H
#define SCRIPTORIUM_CLIBXML2_SHIM_H
// The parts of libxml2 that Scriptorium uses: the streaming writer, the tree, the parser and RELAX NG (and, in
// the tests, the HTML parser).
#include <libxml/xmlversion.h>
// Foundation on Linux carries its own ICU (_FoundationICU). Debian's libxml2 is built with ICU, so its
// encoding.h would pull the system ICU headers into the same Swift module graph, and Swift rejects the two
// different definitions of UErrorCode. Scriptorium never uses libxml2's ICU converters (everything is UTF-8),
// and only handles xmlCharEncodingHandler by pointer, so the ICU parts of the headers are hidden.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/HTMLparser.h>
#include <libxml/parserInternals.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/relaxng.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>

/// Releases memory libxml2 handed over (xmlGetProp, xmlNodeGetContent ...) through its own free function, which
/// may not be libc's (Scriptorium installs an allocator, see CXMLArena). Swift 6 cannot read the `xmlFree`
/// global safely, so it is called from here.
static inline void scriptorium_libxml_free(void *memory) { xmlFree(memory); }
#endif
