#include "demo/synthetic_profiles.h"

#include <array>

namespace abri::demo::profiles {

namespace {

using model::CodeList;

struct AgeBand {
    std::int64_t low;  // -1: age unknown
    std::int64_t high;
    unsigned weight;
};

// Percent of each band at registration; the bands are the CTDC ones (0-8, 9-17, 18-20, ... 48+).
constexpr std::array<AgeBand, 10> kFemaleAges = {{{-1, -1, 3},
                                                  {0, 8, 2},
                                                  {9, 17, 17},
                                                  {18, 20, 15},
                                                  {21, 23, 14},
                                                  {24, 26, 12},
                                                  {27, 29, 10},
                                                  {30, 38, 15},
                                                  {39, 47, 8},
                                                  {48, 70, 4}}};
// Men in forced labour are older on average.
constexpr std::array<AgeBand, 10> kMaleAges = {{{-1, -1, 5},
                                                {0, 8, 3},
                                                {9, 17, 14},
                                                {18, 20, 8},
                                                {21, 23, 10},
                                                {24, 26, 11},
                                                {27, 29, 11},
                                                {30, 38, 20},
                                                {39, 47, 12},
                                                {48, 70, 6}}};

std::optional<std::int64_t> drawFrom(Rng& rng, const std::array<AgeBand, 10>& bands) {
    unsigned total = 0;
    for (const auto& band : bands) total += band.weight;
    auto roll = static_cast<unsigned>(rng.below(total));
    for (const auto& band : bands) {
        if (roll < band.weight) {
            if (band.low < 0) return std::nullopt;
            return rng.between(band.low, band.high);
        }
        roll -= band.weight;
    }
    return std::nullopt;
}

struct CountryLanguage {
    std::string_view country;
    std::string_view language;
};

// First language by citizenship, for the countries the tables draw most.
constexpr std::array<CountryLanguage, 44> kMainLanguages = {{
    {"NG", "en"}, {"VN", "vi"}, {"RO", "ro"}, {"UA", "uk"}, {"ER", "ti"}, {"MA", "ar"}, {"TN", "ar"}, {"SY", "ar"},
    {"AF", "ps"}, {"BD", "bn"}, {"PH", "tl"}, {"NP", "ne"}, {"TH", "th"}, {"ET", "am"}, {"CI", "fr"}, {"GN", "fr"},
    {"MD", "ro"}, {"AL", "sq"}, {"BG", "bg"}, {"PK", "ur"}, {"IN", "hi"}, {"CN", "zh"}, {"BR", "pt"}, {"SN", "fr"},
    {"GH", "en"}, {"CM", "fr"}, {"SD", "ar"}, {"SO", "so"}, {"KH", "km"}, {"MM", "my"}, {"LA", "lo"}, {"ID", "id"},
    {"UZ", "uz"}, {"EG", "ar"}, {"DZ", "ar"}, {"IQ", "ar"}, {"IR", "fa"}, {"ML", "fr"}, {"CD", "fr"}, {"HN", "es"},
    {"GT", "es"}, {"VE", "es"}, {"CO", "es"}, {"RU", "ru"},
}};

}  // namespace

const WeightedCodes& genders() {
    static const WeightedCodes table(CodeList::Gender, {{"female", 70},
                                                        {"male", 28},
                                                        {"transgender_nonconforming", 1},
                                                        {"unknown", 1}});
    return table;
}

std::optional<std::int64_t> drawAge(Rng& rng, std::string_view gender) {
    return drawFrom(rng, gender == "male" ? kMaleAges : kFemaleAges);
}

const WeightedCodes& citizenships() {
    // A handful of large countries of origin, then a long tail.
    static const WeightedCodes table(
        CodeList::Country,
        {{"NG", 160}, {"VN", 90}, {"RO", 80}, {"UA", 70}, {"ER", 55}, {"MA", 50}, {"TN", 45}, {"SY", 45},
         {"AF", 40},  {"BD", 40}, {"PH", 35}, {"NP", 30}, {"TH", 30}, {"ET", 30}, {"CI", 25}, {"GN", 25},
         {"MD", 25},  {"AL", 22}, {"BG", 20}, {"PK", 20}, {"IN", 20}, {"CN", 18}, {"BR", 15}, {"SN", 15},
         {"GH", 15},  {"CM", 15}, {"SD", 15}, {"EG", 10}, {"SO", 12}, {"KH", 12}, {"MM", 12}, {"LA", 10},
         {"ID", 10},  {"UZ", 10}, {"DZ", 8},  {"IQ", 8},  {"ML", 8},  {"CD", 8},  {"KE", 8},  {"VE", 8},
         {"CO", 8},   {"KG", 8},  {"TJ", 8},  {"HN", 8},  {"GT", 8},  {"IR", 6},  {"LY", 6},  {"RU", 6},
         {"LK", 6},   {"SV", 6},  {"DO", 6},  {"HT", 6},  {"BF", 6},  {"NE", 6},  {"UG", 6},  {"MX", 6},
         {"GE", 5},   {"YE", 5},  {"TD", 5},  {"TZ", 5},  {"ZW", 5},  {"HU", 4},  {"PL", 4},  {"RS", 4},
         {"AM", 4},   {"AZ", 4},  {"BY", 4},  {"KZ", 4},  {"MN", 4},  {"MG", 4},  {"PE", 4},  {"BO", 4},
         {"EC", 4},   {"BA", 3},  {"MK", 3},  {"SK", 3},  {"LB", 3},  {"JO", 3},  {"PY", 3},  {"CU", 3},
         {"JM", 3},   {"LT", 2},  {"LV", 2},  {"TT", 2},  {"FJ", 2},  {"PG", 2},  {"EE", 1},  {"BJ", 2},
         {"TG", 2},   {"SL", 2},  {"LR", 2},  {"GM", 2},  {"GW", 1},  {"MR", 1},  {"RW", 1},  {"BI", 1}});
    return table;
}

const WeightedCodes& destinations() {
    static const WeightedCodes table(
        CodeList::Country,
        {{"IT", 90}, {"DE", 80}, {"FR", 60}, {"GB", 60}, {"AE", 60}, {"TR", 55}, {"ES", 50}, {"SA", 50},
         {"LY", 45}, {"TH", 45}, {"MY", 45}, {"US", 40}, {"RU", 35}, {"NL", 30}, {"GR", 30}, {"CN", 30},
         {"BE", 25}, {"QA", 25}, {"KW", 25}, {"PL", 25}, {"TN", 20}, {"LB", 20}, {"IN", 20}, {"JO", 15},
         {"OM", 15}, {"MA", 15}, {"EG", 15}, {"JP", 15}, {"KR", 15}, {"CZ", 15}, {"AT", 15}, {"ZA", 15},
         {"BH", 10}, {"SG", 10}, {"CH", 10}, {"SE", 10}, {"CA", 10}, {"MX", 10}, {"IL", 10}, {"PT", 10},
         {"NG", 8},  {"BR", 8},  {"CY", 8},  {"AR", 5},  {"GH", 5},  {"CI", 5},  {"KE", 5},  {"PK", 5},
         {"MT", 5},  {"IE", 5},  {"DK", 5},  {"NO", 5},  {"AU", 5},  {"FI", 3},  {"NZ", 2},  {"HU", 3},
         {"RO", 3},  {"BG", 2},  {"RS", 2},  {"SK", 2},  {"LU", 1},  {"IS", 1}});
    return table;
}

const WeightedCodes& transitCountries() {
    static const WeightedCodes table(
        CodeList::Country,
        {{"LY", 30}, {"TR", 30}, {"NE", 20}, {"SD", 10}, {"RS", 10}, {"GR", 10}, {"MA", 10}, {"DZ", 10},
         {"TH", 10}, {"MX", 10}, {"HU", 8},  {"ML", 8},  {"EG", 8},  {"MY", 8},  {"MK", 6},  {"ET", 6},
         {"RU", 6},  {"IR", 6},  {"KE", 5},  {"GT", 5},  {"PA", 5},  {"UA", 4},  {"BA", 4},  {"AE", 4}});
    return table;
}

std::string_view mainLanguageOf(std::string_view country) {
    for (const auto& entry : kMainLanguages) {
        if (entry.country == country) {
            return model::isValidCode(CodeList::Language, entry.language) ? entry.language : std::string_view{};
        }
    }
    return {};
}

const WeightedCodes& secondLanguages() {
    static const WeightedCodes table(CodeList::Language,
                                     {{"en", 40}, {"fr", 25}, {"ar", 20}, {"ru", 10}, {"es", 5}, {"it", 3}});
    return table;
}

const WeightedCodes& exploitationTypes(std::string_view gender, bool minor, Rng& rng) {
    static const WeightedCodes femaleAdult(CodeList::ExploitationType,
                                           {{"sexual_exploitation", 62},
                                            {"forced_labour", 18},
                                            {"domestic_servitude", 10},
                                            {"forced_marriage", 4},
                                            {"forced_criminality", 2},
                                            {"forced_begging", 1},
                                            {"slavery_servitude", 1},
                                            {"other", 2}});
    static const WeightedCodes maleAdult(CodeList::ExploitationType,
                                         {{"forced_labour", 70},
                                          {"forced_criminality", 8},
                                          {"sexual_exploitation", 6},
                                          {"forced_begging", 4},
                                          {"domestic_servitude", 3},
                                          {"slavery_servitude", 3},
                                          {"organ_removal", 1},
                                          {"military_exploitation", 1},
                                          {"other", 4}});
    static const WeightedCodes femaleMinor(CodeList::ExploitationType,
                                           {{"sexual_exploitation", 50},
                                            {"forced_marriage", 12},
                                            {"domestic_servitude", 12},
                                            {"forced_begging", 8},
                                            {"forced_labour", 8},
                                            {"forced_criminality", 5},
                                            {"other", 5}});
    static const WeightedCodes maleMinor(CodeList::ExploitationType,
                                         {{"forced_labour", 35},
                                          {"forced_begging", 20},
                                          {"forced_criminality", 20},
                                          {"sexual_exploitation", 8},
                                          {"military_exploitation", 5},
                                          {"domestic_servitude", 5},
                                          {"other", 7}});
    static const WeightedCodes transgenderAdult(CodeList::ExploitationType,
                                                {{"sexual_exploitation", 55},
                                                 {"forced_labour", 25},
                                                 {"forced_criminality", 6},
                                                 {"domestic_servitude", 4},
                                                 {"forced_begging", 4},
                                                 {"other", 6}});
    if (gender == "female") return minor ? femaleMinor : femaleAdult;
    if (gender == "male") return minor ? maleMinor : maleAdult;
    if (gender == "transgender_nonconforming" && !minor) return transgenderAdult;
    // Unknown gender (and the rare transgender minor): the women's or the men's table, half the time each.
    const bool asFemale = rng.chance(50);
    if (minor) return asFemale ? femaleMinor : maleMinor;
    return asFemale ? femaleAdult : maleAdult;
}

const WeightedCodes& labourSectors(std::string_view gender) {
    static const WeightedCodes men(CodeList::LabourSector,
                                   {{"agriculture", 25},
                                    {"construction", 22},
                                    {"manufacturing", 12},
                                    {"fishing", 10},
                                    {"food_processing", 6},
                                    {"mining", 5},
                                    {"hospitality", 5},
                                    {"transport_logistics", 4},
                                    {"cleaning", 3},
                                    {"retail", 2},
                                    {"entertainment", 1},
                                    {"other", 5}});
    static const WeightedCodes women(CodeList::LabourSector,
                                     {{"domestic_work", 25},
                                      {"agriculture", 15},
                                      {"hospitality", 15},
                                      {"manufacturing", 15},
                                      {"cleaning", 10},
                                      {"care_work", 8},
                                      {"food_processing", 6},
                                      {"entertainment", 3},
                                      {"retail", 2},
                                      {"other", 1}});
    return gender == "male" ? men : women;
}

ExploitationGroup groupOf(std::string_view exploitationType) {
    if (exploitationType == "sexual_exploitation") return ExploitationGroup::Sexual;
    if (exploitationType == "forced_labour" || exploitationType == "domestic_servitude" ||
        exploitationType == "slavery_servitude") {
        return ExploitationGroup::Labour;
    }
    return ExploitationGroup::Other;
}

const WeightedCodes& recruitmentMethods(ExploitationGroup group, bool minor) {
    static const WeightedCodes sexual(CodeList::RecruitmentMethod,
                                      {{"job_offer", 30},
                                       {"intimate_partner", 25},
                                       {"internet", 15},
                                       {"family_member", 10},
                                       {"abduction", 5},
                                       {"smuggling", 5},
                                       {"marriage_broker", 3},
                                       {"other", 7}});
    static const WeightedCodes labour(CodeList::RecruitmentMethod,
                                      {{"job_offer", 60},
                                       {"smuggling", 12},
                                       {"internet", 10},
                                       {"family_member", 8},
                                       {"abduction", 3},
                                       {"intimate_partner", 2},
                                       {"marriage_broker", 1},
                                       {"other", 4}});
    static const WeightedCodes other(CodeList::RecruitmentMethod,
                                     {{"family_member", 30},
                                      {"job_offer", 20},
                                      {"marriage_broker", 12},
                                      {"abduction", 10},
                                      {"intimate_partner", 8},
                                      {"internet", 5},
                                      {"smuggling", 5},
                                      {"other", 10}});
    static const WeightedCodes minors(CodeList::RecruitmentMethod,
                                      {{"family_member", 35},
                                       {"job_offer", 15},
                                       {"internet", 12},
                                       {"abduction", 10},
                                       {"intimate_partner", 8},
                                       {"marriage_broker", 6},
                                       {"smuggling", 6},
                                       {"other", 8}});
    if (minor) return minors;
    switch (group) {
    case ExploitationGroup::Sexual: return sexual;
    case ExploitationGroup::Labour: return labour;
    case ExploitationGroup::Other: return other;
    }
    return other;
}

const WeightedCodes& recruiterRelationships(ExploitationGroup group, bool minor) {
    static const WeightedCodes sexual(CodeList::RecruiterRelationship,
                                      {{"intimate_partner", 25},
                                       {"acquaintance", 20},
                                       {"friend", 15},
                                       {"family_member", 10},
                                       {"stranger", 10},
                                       {"employer", 5},
                                       {"neighbour", 4},
                                       {"recruitment_agency", 3},
                                       {"unknown", 6},
                                       {"other", 2}});
    static const WeightedCodes labour(CodeList::RecruiterRelationship,
                                      {{"recruitment_agency", 25},
                                       {"employer", 25},
                                       {"acquaintance", 15},
                                       {"stranger", 9},
                                       {"friend", 8},
                                       {"family_member", 6},
                                       {"neighbour", 4},
                                       {"unknown", 6},
                                       {"other", 2}});
    static const WeightedCodes other(CodeList::RecruiterRelationship,
                                     {{"family_member", 35},
                                      {"acquaintance", 15},
                                      {"intimate_partner", 10},
                                      {"neighbour", 8},
                                      {"friend", 8},
                                      {"stranger", 8},
                                      {"employer", 3},
                                      {"unknown", 8},
                                      {"other", 5}});
    static const WeightedCodes minors(CodeList::RecruiterRelationship,
                                      {{"family_member", 40},
                                       {"acquaintance", 15},
                                       {"neighbour", 10},
                                       {"friend", 8},
                                       {"stranger", 8},
                                       {"intimate_partner", 5},
                                       {"employer", 4},
                                       {"unknown", 8},
                                       {"other", 2}});
    if (minor) return minors;
    switch (group) {
    case ExploitationGroup::Sexual: return sexual;
    case ExploitationGroup::Labour: return labour;
    case ExploitationGroup::Other: return other;
    }
    return other;
}

const WeightedCodes& controlMeans(ExploitationGroup group) {
    static const WeightedCodes sexual(CodeList::ControlMeans,
                                      {{"psychological_abuse", 20},
                                       {"threats", 18},
                                       {"sexual_abuse", 18},
                                       {"physical_abuse", 14},
                                       {"debt_bondage", 12},
                                       {"restricted_movement", 12},
                                       {"withheld_earnings", 10},
                                       {"false_promises", 10},
                                       {"withheld_documents", 8},
                                       {"substances", 8},
                                       {"isolation", 8},
                                       {"threats_to_family", 8},
                                       {"excessive_hours", 4},
                                       {"withheld_necessities", 4},
                                       {"other", 2}});
    static const WeightedCodes labour(CodeList::ControlMeans,
                                      {{"withheld_earnings", 22},
                                       {"excessive_hours", 20},
                                       {"debt_bondage", 18},
                                       {"withheld_documents", 18},
                                       {"false_promises", 14},
                                       {"threats", 12},
                                       {"restricted_movement", 10},
                                       {"psychological_abuse", 8},
                                       {"physical_abuse", 6},
                                       {"isolation", 6},
                                       {"withheld_necessities", 6},
                                       {"threats_to_family", 4},
                                       {"sexual_abuse", 1},
                                       {"substances", 1},
                                       {"other", 2}});
    static const WeightedCodes other(CodeList::ControlMeans,
                                     {{"threats", 18},
                                      {"psychological_abuse", 16},
                                      {"physical_abuse", 14},
                                      {"restricted_movement", 12},
                                      {"threats_to_family", 10},
                                      {"isolation", 10},
                                      {"withheld_earnings", 8},
                                      {"withheld_necessities", 8},
                                      {"debt_bondage", 6},
                                      {"withheld_documents", 6},
                                      {"false_promises", 6},
                                      {"substances", 4},
                                      {"sexual_abuse", 4},
                                      {"excessive_hours", 4},
                                      {"other", 4}});
    switch (group) {
    case ExploitationGroup::Sexual: return sexual;
    case ExploitationGroup::Labour: return labour;
    case ExploitationGroup::Other: return other;
    }
    return other;
}

unsigned internationalPercent(std::string_view exploitationType, bool minor) {
    unsigned percent = 60;
    if (exploitationType == "forced_labour" || exploitationType == "organ_removal") percent = 72;
    else if (exploitationType == "sexual_exploitation") percent = 60;
    else if (exploitationType == "domestic_servitude" || exploitationType == "slavery_servitude") percent = 66;
    else if (exploitationType == "forced_criminality") percent = 50;
    else if (exploitationType == "forced_begging") percent = 40;
    else if (exploitationType == "forced_marriage" || exploitationType == "military_exploitation") percent = 35;
    return minor ? percent - 15 : percent;  // children are more often trafficked within their own country
}

const WeightedCodes& screeningActs() {
    static const WeightedCodes table(CodeList::ScreeningAct, {{"recruitment", 40},
                                                              {"transport", 25},
                                                              {"harbouring", 20},
                                                              {"receipt", 10},
                                                              {"transfer", 5}});
    return table;
}

const WeightedCodes& screeningMeans() {
    static const WeightedCodes table(CodeList::ScreeningMeans, {{"deception", 30},
                                                                {"abuse_of_vulnerability", 25},
                                                                {"fraud", 15},
                                                                {"coercion", 15},
                                                                {"threat", 12},
                                                                {"force", 8},
                                                                {"abuse_of_power", 6},
                                                                {"payments", 3},
                                                                {"abduction", 3}});
    return table;
}

const WeightedCodes& maritalStatuses() {
    static const WeightedCodes table(CodeList::MaritalStatus, {{"single", 55},
                                                               {"married", 18},
                                                               {"cohabiting", 7},
                                                               {"separated", 6},
                                                               {"divorced", 6},
                                                               {"widowed", 3},
                                                               {"civil_partnership", 1},
                                                               {"unknown", 4}});
    return table;
}

const WeightedCodes& educations(bool minor) {
    static const WeightedCodes adults(CodeList::Education, {{"none", 10},
                                                            {"primary", 25},
                                                            {"lower_secondary", 25},
                                                            {"upper_secondary", 20},
                                                            {"vocational", 7},
                                                            {"tertiary", 6},
                                                            {"unknown", 7}});
    static const WeightedCodes minors(CodeList::Education,
                                      {{"none", 20}, {"primary", 45}, {"lower_secondary", 28}, {"unknown", 7}});
    return minor ? minors : adults;
}

const WeightedCodes& serviceTypes(bool international, bool minor) {
    static const WeightedCodes internal(CodeList::ServiceType, {{"accommodation", 18},
                                                                {"psychosocial", 18},
                                                                {"medical", 16},
                                                                {"legal", 14},
                                                                {"education_vocational", 8},
                                                                {"reintegration", 8},
                                                                {"financial", 8},
                                                                {"family_tracing", 4},
                                                                {"return", 4},
                                                                {"resettlement", 2}});
    static const WeightedCodes abroad(CodeList::ServiceType, {{"accommodation", 18},
                                                              {"legal", 16},
                                                              {"medical", 14},
                                                              {"psychosocial", 14},
                                                              {"return", 14},
                                                              {"family_tracing", 6},
                                                              {"reintegration", 6},
                                                              {"financial", 6},
                                                              {"education_vocational", 4},
                                                              {"resettlement", 4}});
    static const WeightedCodes minors(CodeList::ServiceType, {{"accommodation", 18},
                                                              {"psychosocial", 18},
                                                              {"education_vocational", 16},
                                                              {"medical", 14},
                                                              {"family_tracing", 12},
                                                              {"legal", 10},
                                                              {"return", 6},
                                                              {"reintegration", 6}});
    if (minor) return minors;
    return international ? abroad : internal;
}

const WeightedCodes& closureReasons(bool referred) {
    static const WeightedCodes closed(CodeList::ClosureReason, {{"assistance_completed", 40},
                                                                {"lost_contact", 18},
                                                                {"returned_home", 15},
                                                                {"person_declined", 12},
                                                                {"referred_elsewhere", 3},
                                                                {"duplicate_case", 2},
                                                                {"deceased", 1},
                                                                {"other", 5}});
    static const WeightedCodes closedReferred(CodeList::ClosureReason, {{"referred_elsewhere", 85},
                                                                        {"assistance_completed", 10},
                                                                        {"other", 5}});
    return referred ? closedReferred : closed;
}

}  // namespace abri::demo::profiles
