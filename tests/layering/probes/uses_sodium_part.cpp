// Compiled by tests/layering: one of libsodium's own headers, not just sodium.h.
#include <sodium/crypto_box.h>

unsigned long layeringProbe() { return crypto_box_publickeybytes(); }
