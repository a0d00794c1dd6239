#pragma once
// The hub's connection limits (PROTOCOL.md §4.6) and how they follow from the file descriptors the process may
// open: every connection holds one descriptor, so the limits are cut down at start until they fit RLIMIT_NOFILE
// with room left for the store, partial uploads and logs. An unauthenticated peer can only ever use the anonymous
// share; the rest is kept for enrolled devices.
#include <cstddef>
#include <cstdint>
#include <string>

namespace abri::sync::hub {

struct AdmissionLimits {
    std::size_t maxConnections = 1024;       // every connection, anonymous or an enrolled device
    std::size_t maxAnonymous = 256;          // not yet authenticated: TLS handshake, before HELLO, enrolment
    std::size_t maxHandshakes = 128;         // TLS handshakes in progress
    std::size_t maxAnonymousPerAddress = 16; // anonymous connections from one source address
    std::size_t maxEnrolSessions = 32;       // enrol sessions after HELLO (waiting for or running ENROL_REQUEST)
    std::size_t maxEnrolPerAddress = 4;      // ... from one source address
    // Connections an enrolled device may use: the anonymous share never reaches them.
    std::size_t deviceSlots() const { return maxConnections > maxAnonymous ? maxConnections - maxAnonymous : 0; }
};

// Descriptors kept free beyond those open at start: the store's files (SQLCipher database, WAL, journal), a
// partial upload being written, a page being built, logging.
inline constexpr std::size_t kFileDescriptorReserve = 64;

// `wanted` cut down so that connections never need more descriptors than `fileLimit` (the soft RLIMIT_NOFILE)
// minus `openAtStart` minus the reserve. Each share keeps its proportion: anonymous at most a quarter of all
// connections, handshakes at most half of the anonymous share, enrol sessions at most a quarter of it. Throws
// Error(InvalidValue, "RLIMIT_NOFILE") when fewer than 16 connections would fit.
AdmissionLimits fitToFileLimit(AdmissionLimits wanted, std::uint64_t fileLimit, std::size_t openAtStart);

// The process's soft RLIMIT_NOFILE, and the descriptors it has open now (/proc/self/fd).
std::uint64_t softFileLimit();
std::size_t openFileDescriptors();

// One line for the start-up log: the limits in force and the file limit they come from.
std::string describe(const AdmissionLimits& limits, std::uint64_t fileLimit);

}  // namespace abri::sync::hub
