#ifndef SCRIPTORIUM_CLIBXML2_SHIM_H
#define SCRIPTORIUM_CLIBXML2_SHIM_H
// The parts of libxml2 that Scriptorium uses: the streaming writer, the tree, the parser and RELAX NG.
#include <libxml/xmlversion.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlwriter.h>
#include <libxml/relaxng.h>
#include <libxml/xmlsave.h>
#include <libxml/xpath.h>
#endif
