// Compiled by tests/layering in a core library's context: only abri_crypto may get this far.
#include <sodium.h>

int layeringProbe() { return sodium_init(); }
