// Compiled by tests/layering: SQLCipher's header by its folder, which no include path is needed for.
#include <sqlcipher/sqlite3.h>

int layeringProbe() { return sqlite3_libversion_number(); }
