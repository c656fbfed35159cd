#ifndef ENJEUX_CPOPPLER_SHIM_H
#define ENJEUX_CPOPPLER_SHIM_H
#include <poppler.h>
#endif
