#ifndef ENJEUX_CSQLITE_SHIM_H
#define ENJEUX_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
