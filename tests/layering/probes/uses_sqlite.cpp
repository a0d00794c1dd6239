// Compiled by tests/layering in a core library's context: only abri_storage may get this far.
#include <sqlite3.h>

int layeringProbe() { return sqlite3_libversion_number(); }
