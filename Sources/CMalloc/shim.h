#ifndef ENJEUX_CMALLOC_SHIM_H
#define ENJEUX_CMALLOC_SHIM_H
// glibc's allocator settings (mallopt, malloc_trim), which Swift's Glibc module leaves out.
#if defined(__linux__)
#include <malloc.h>
#endif
#endif
