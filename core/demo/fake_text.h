#pragma once
// Obviously fake text for synthetic records: names built from syllables with a Test/Fake marker (some with
// non-ASCII letters), note sentences that say "Synthetic"/"Test"/"Fake"/"Demo", fake partner and place names.
// Internal to core/demo.
#include <string>
#include <string_view>

#include "demo/demo_random.h"

namespace abri::demo::fake {

std::string givenName(Rng& rng);   // "Testina"
std::string familyName(Rng& rng);  // "Fakeson-Koru"
std::string alias(Rng& rng);       // "Fakealias Mabo"
std::string syllableWord(Rng& rng);  // "Ko": for places and providers ("Fakeville Ko")
std::string digits(Rng& rng, int count);
std::string noteText(Rng& rng);     // one or two fake note sentences
std::string partnerName(Rng& rng);  // "Test Shelter Alpha": referral partners
std::string referralReason(Rng& rng);

}  // namespace abri::demo::fake
