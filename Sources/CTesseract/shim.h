#ifndef ENJEUX_CTESSERACT_SHIM_H
#define ENJEUX_CTESSERACT_SHIM_H
// Tesseract's C API (OCR of scanned PDF pages); images are handed over as 8-bit grey
// buffers, so Leptonica is only linked, not used directly.
#include <tesseract/capi.h>
#endif
