#pragma once
// The shapes of the synthetic caseload: who the (fake) persons are and what happened to them, as weighted code
// tables. Loosely modelled on published counter-trafficking statistics (CTDC global dataset, UNODC global report):
// mostly women, many young adults, a real share of minors; sexual exploitation mostly of women, forced labour more
// of men; a handful of countries of citizenship and of exploitation with a long tail. Internal to core/demo: the
// figures only need to make reports worth looking at, not to describe any real population.
#include <cstdint>
#include <optional>
#include <string_view>

#include "demo/demo_random.h"

namespace abri::demo::profiles {

// ~70% female, ~28% male, ~1% transgender/non-conforming, ~1% unknown.
const WeightedCodes& genders();

// Age at registration, drawn by gender (men skew older); nullopt for an unknown age (~3-5%).
std::optional<std::int64_t> drawAge(Rng& rng, std::string_view gender);

// Countries of citizenship (origin) and of exploitation abroad (destination), and transit countries.
const WeightedCodes& citizenships();
const WeightedCodes& destinations();
const WeightedCodes& transitCountries();
// The usual first language of a country's citizens; empty when the table has none.
std::string_view mainLanguageOf(std::string_view country);
// Second languages people commonly speak (English, French, Arabic, Russian, ...).
const WeightedCodes& secondLanguages();

// Exploitation types by gender and minority (sexual exploitation mostly women and girls, forced labour more men,
// begging and criminality more boys, forced marriage girls).
const WeightedCodes& exploitationTypes(std::string_view gender, bool minor, Rng& rng);
// Labour sectors of forced labour, by gender.
const WeightedCodes& labourSectors(std::string_view gender);

// How the person was recruited and controlled, by the main exploitation type.
enum class ExploitationGroup { Sexual, Labour, Other };
ExploitationGroup groupOf(std::string_view exploitationType);
const WeightedCodes& recruitmentMethods(ExploitationGroup group, bool minor);
const WeightedCodes& recruiterRelationships(ExploitationGroup group, bool minor);
const WeightedCodes& controlMeans(ExploitationGroup group);

// Percent chance that a case is international (exploited outside the country of citizenship): ~60% overall,
// more for forced labour, less for forced marriage, begging and minors.
unsigned internationalPercent(std::string_view exploitationType, bool minor);

const WeightedCodes& screeningActs();
const WeightedCodes& screeningMeans();
const WeightedCodes& maritalStatuses();
const WeightedCodes& educations(bool minor);

// Services offered, by kind of case; statuses are chosen by the generator from the case's lifecycle.
const WeightedCodes& serviceTypes(bool international, bool minor);
// Why a case was closed: "closed" or "closed_referred" (not_a_victim is chosen for screened-out cases).
const WeightedCodes& closureReasons(bool referred);

}  // namespace abri::demo::profiles
