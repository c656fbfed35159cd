#ifndef ENJEUX_CLIBXML2_SHIM_H
#define ENJEUX_CLIBXML2_SHIM_H
// Debian's libxml2 is built with ICU, and its encoding.h then includes the system ICU
// headers, whose UErrorCode clashes with the copy inside Swift's Foundation when both
// modules meet in one file. Nothing here uses libxml2's ICU converters (Swift decodes
// every page to UTF-8 first), so the headers are read without them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/xmlerror.h>
#endif
