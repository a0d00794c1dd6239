#pragma once
namespace abri::crypto {
// Initialises libsodium once; every crypto entry point calls it. Throws Error(Internal) if sodium fails.
void ensureSodium();
}  // namespace abri::crypto
