#include "demo/fake_text.h"

#include <array>

namespace abri::demo::fake {

namespace {

constexpr std::array<std::string_view, 14> kGivenEndings = {"a",   "o",   "ina", "elu", "omi", "ara", "ivo",
                                                            "enka", "ami", "uro", "éa",  "ilda", "oru", "ysse"};
constexpr std::array<std::string_view, 9> kFamilyStems = {"son", "man", "ley", "ova", "sen", "ides", "oglu", "escu",
                                                          "ström"};
constexpr std::array<std::string_view, 16> kSyllables = {"ko", "ru", "ma", "li", "ta", "ne", "zu", "pe",
                                                         "do", "ri", "sa", "vo", "ki", "lü", "mé", "bo"};

constexpr std::array<std::string_view, 10> kNoteSentences = {
    "Synthetic test note: follow-up call with the fake person went as planned.",
    "Test entry: accommodation visit scheduled with the demo shelter.",
    "Fake caseworker note: documents requested from the test embassy.",
    "Demo text: interpreter booked for the next appointment.",
    "Test note: medical check completed at the fictional clinic.",
    "Synthetic record: legal counselling session held with Test Lawyer Alpha.",
    "Fake text: family tracing request sent to the demo partner.",
    "Test note: vocational training options discussed.",
    "Synthetic entry: psychosocial support session attended.",
    "Demo note: safety plan reviewed with the fake person."};

constexpr std::array<std::string_view, 8> kPartners = {
    "Test Shelter Alpha",       "Fake Legal Aid Clinic",      "Demo Health Centre", "Test Labour Inspectorate",
    "Fake Embassy Desk Bravo", "Test Child Protection Unit", "Demo Return Programme", "Fake Police Unit Charlie"};

constexpr std::array<std::string_view, 5> kReferralReasons = {
    "Synthetic referral: specialised shelter place requested for the fake person.",
    "Test referral: legal representation in the demo proceedings.",
    "Fake referral: medical follow-up at the fictional clinic.",
    "Demo referral: assisted return and reintegration in the country of origin.",
    "Synthetic referral: identified by the test partner and referred for assistance."};

std::string capitalised(std::string_view syllable) {
    std::string out(syllable);
    if (!out.empty() && out[0] >= 'a' && out[0] <= 'z') out[0] = static_cast<char>(out[0] - 'a' + 'A');
    return out;
}

}  // namespace

std::string givenName(Rng& rng) { return "Test" + std::string(rng.pick(kGivenEndings)); }

std::string familyName(Rng& rng) {
    return "Fake" + std::string(rng.pick(kFamilyStems)) + "-" + capitalised(rng.pick(kSyllables)) +
           std::string(rng.pick(kSyllables));
}

std::string alias(Rng& rng) { return "Fakealias " + capitalised(rng.pick(kSyllables)) + std::string(rng.pick(kSyllables)); }

std::string syllableWord(Rng& rng) { return capitalised(rng.pick(kSyllables)); }

std::string digits(Rng& rng, int count) {
    std::string out;
    for (int i = 0; i < count; ++i) out += static_cast<char>('0' + rng.below(10));
    return out;
}

std::string noteText(Rng& rng) {
    std::string text(rng.pick(kNoteSentences));
    if (rng.chance(50)) text += " " + std::string(rng.pick(kNoteSentences));
    return text;
}

std::string partnerName(Rng& rng) { return std::string(rng.pick(kPartners)); }

std::string referralReason(Rng& rng) { return std::string(rng.pick(kReferralReasons)); }

}  // namespace abri::demo::fake
