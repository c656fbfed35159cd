#ifndef ENJEUX_CCRYPTO_SHIM_H
#define ENJEUX_CCRYPTO_SHIM_H
// OpenSSL's message digests: SHA-256 of files and identifiers, using the processor's SHA
// instructions where it has them.
#include <openssl/evp.h>
#endif
