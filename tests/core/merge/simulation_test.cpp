// Deterministic simulation (sync/PROTOCOL.md §5.7): an in-memory hub and several devices with real
// vaults, random edits under injected clocks (one jumps to 2031, one runs hours ahead), random partitions,
// duplicated, reordered and overlapping deliveries. At the end every replica has the hub's state hash for its
// office and every edit is current, in conflicts, an ancestor, a create/delete, or excluded with a reason.
// A failing seed prints itself; replay with ABRI_SIM_SEED=<n>; more seeds with ABRI_SIM_SEEDS=<n>.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <random>
#include <sstream>

#include "cases/case_store.h"
#include "journal/journal.h"
#include "merge/conflicts_view.h"
#include "merge/state_hash.h"
#include "merge/vault_applier.h"
#include "seeds.h"
#include "sim/sim_device.h"
#include "sim/sim_hub.h"
#include "storage/database.h"
#include "support/temp_dir.h"

using namespace abri;

namespace {

constexpr std::int64_t kStartMs = 1'767'607'200'000;  // 2026-01-05T10:00Z
constexpr std::int64_t k2031Ms = 1'924'992'000'000;   // 2031-01-01T00:00Z

std::string hex(const merge::StateHash& h) { return crypto::toHex(h); }

// Vault files live in RAM when /dev/shm exists: the simulation is about merge, and fsync latency would make a few
// hundred seeds take minutes. They are real SQLCipher vaults all the same.
class SimFolder {
public:
    SimFolder() {
        std::error_code ec;
        const std::filesystem::path shm("/dev/shm");
        if (!std::filesystem::is_directory(shm, ec)) {
            fallback_ = std::make_unique<test::TempDir>();
            path_ = fallback_->path();
            return;
        }
        std::string pattern = (shm / "abri-sim-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
        path_ = pattern;
    }
    ~SimFolder() {
        std::error_code ec;
        if (!fallback_) std::filesystem::remove_all(path_, ec);
    }
    SimFolder(const SimFolder&) = delete;
    SimFolder& operator=(const SimFolder&) = delete;
    std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

private:
    std::unique_ptr<test::TempDir> fallback_;
    std::filesystem::path path_;
};

struct World {
    SimFolder dir;
    std::int64_t nowMs = kStartMs;
    test::SimHub hub{{"TST-A", "TST-B"}};
    std::vector<std::unique_ptr<test::SimDevice>> devices;
};

// Checks one device against the hub: same state hash over its office's cases, rows and conflicts as merged.
void checkDevice(World& world, test::SimDevice& device) {
    const auto scope = world.hub.scopeOf(device.office());
    const auto expected = merge::stateHash(world.hub.state(), scope);
    const merge::MergeState local = merge::loadVaultState(device.vault());
    INFO("device " << device.deviceId() << " office " << device.office());
    REQUIRE(hex(merge::stateHash(local)) == hex(expected));

    auto& db = device.vault().db();
    std::size_t expectedOpen = 0;
    for (const auto& [id, entity] : local.entities()) {
        // Conflicts rows follow the heads of every register (§5.3), shown or not.
        for (const auto& [path, reg] : entity.fields) {
            const auto heads = reg.heads();
            expectedOpen += heads.size() - 1;
            for (std::size_t i = 1; i < heads.size(); ++i) {
                bool found = false;
                for (const auto& c : merge::openConflicts(device.vault(), id))
                    found = found || (c.field == path && c.losing == heads[i]->identity());
                INFO("field " << path);
                REQUIRE(found);
            }
        }
        // The row holds the merged document (a tombstoned case keeps the document it had: it is not shown).
        if (entity.create() == nullptr || (entity.entity == merge::EntityKind::Case && entity.deleted())) continue;
        cases::CaseStore store(db);
        const auto storedCase = entity.entity == merge::EntityKind::Case ? store.findCase(id) : std::nullopt;
        const auto storedItem = entity.entity == merge::EntityKind::Case ? std::nullopt : store.findItem(id);
        REQUIRE((storedCase || storedItem));
        const merge::Json storedDoc = storedCase ? storedCase->doc : storedItem->doc;
        std::ostringstream ops;
        for (const auto& e : device.vault().journal().entriesFor(id))
            ops << journal::opKindCode(e.op.kind) << " " << e.op.field << "=" << e.op.valueJson << " hlc " << e.hlc
                << " eff " << e.effHlc << " dev " << e.device.substr(0, 6) << " excl " << e.excludedReason << "\n";
        INFO("entity " << id << " ops:\n" << ops.str());
        REQUIRE(storedDoc == entity.document());
    }
    REQUIRE(merge::openConflicts(device.vault()).size() == expectedOpen);
}

// What the seeds exercised, so a simulation that stopped doing anything interesting fails.
struct Coverage {
    std::size_t clamped = 0, refused = 0, excluded = 0, conflicts = 0, transferred = 0;
};

void runSeed(std::uint64_t seed, int steps, Coverage& coverage) {
    std::mt19937_64 rng(seed);
    auto pick = [&](std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng); };
    World world;
    const std::vector<std::string> offices{"TST-A", "TST-A", "TST-B"};
    for (std::size_t i = 0; i < offices.size(); ++i) {
        const auto folder = world.dir / ("device" + std::to_string(i));
        std::filesystem::create_directories(folder);
        world.devices.push_back(std::make_unique<test::SimDevice>(folder, offices[i], world.nowMs));
        world.devices[i]->batchPages = i == 1;  // one device applies its pages as devicesync does, in batches
        // Device 0's certificate says caseworker although its user is a supervisor: its deletes and resolutions
        // are excluded by the hub (forbidden_role) and must leave its own state too.
        world.hub.enrol(world.devices[i]->deviceId(), offices[i],
                        i == 0 ? merge::CertificateRole::Caseworker : merge::CertificateRole::Supervisor);
    }
    std::vector<bool> partitioned(world.devices.size(), false);
    const int jumpStep = static_cast<int>(pick(static_cast<std::size_t>(steps)));
    const int aheadStep = static_cast<int>(pick(static_cast<std::size_t>(steps)));
    for (int step = 0; step < steps; ++step) {
        world.nowMs += static_cast<std::int64_t>(1 + pick(20'000));
        if (step == jumpStep) world.devices[pick(world.devices.size())]->skewMs = k2031Ms - world.nowMs;
        if (step == aheadStep) world.devices[pick(world.devices.size())]->skewMs = 3 * 3'600'000;  // clamped
        const std::size_t d = pick(world.devices.size());
        auto& device = *world.devices[d];
        const std::string other = device.office() == "TST-A" ? "TST-B" : "TST-A";
        const auto roll = pick(20);
        if (roll < 12) {
            device.randomEdit(rng, other);
        } else if (roll < 14) {
            partitioned[d] = !partitioned[d];
        } else if (roll < 16) {
            device.pack(1 + pick(6));
        } else if (!partitioned[d]) {
            if (roll < 18) device.upload(world.hub, rng, true); else device.download(world.hub, rng, true);
        }
    }
    // Heal: everyone's clock is right, every link is up, sync until nothing moves.
    for (int round = 0; round < 8; ++round) {
        for (auto& device : world.devices) {
            device->pack(8);
            device->upload(world.hub, rng, false);
        }
        for (auto& device : world.devices) device->download(world.hub, rng, false);
        bool idle = true;
        for (auto& device : world.devices) idle = idle && device->idle(world.hub);
        if (idle) break;
    }
    for (auto& device : world.devices) REQUIRE(device->idle(world.hub));
    for (auto& device : world.devices) checkDevice(world, *device);
    coverage.clamped += world.hub.clampedCount();
    coverage.excluded += world.hub.excludedOpCount();
    coverage.transferred += world.hub.scopeOf("TST-A").size() + world.hub.scopeOf("TST-B").size() -
                            world.hub.state().caseIds().size();
    for (auto& device : world.devices) {
        coverage.refused += device->refusals();
        coverage.conflicts += merge::openConflicts(device->vault()).size();
    }

    // No lost edit: every op each device ever journalled (with its final identity) stands somewhere.
    for (auto& device : world.devices) {
        for (const auto& e : device->vault().journal().allEntries()) {
            if (e.origin != journal::Origin::Local) continue;
            const auto standing = world.hub.state().standing(e.version());
            INFO("op " << journal::opKindCode(e.op.kind) << " " << e.op.field << " standing "
                       << merge::standingName(standing));
            REQUIRE(standing != merge::Standing::Missing);
            if (e.op.kind == journal::OpKind::Set || e.op.kind == journal::OpKind::Resolve) {
                REQUIRE(standing != merge::Standing::Create);
                REQUIRE(standing != merge::Standing::Delete);
            }
            // What the hub excluded, the device knows about too.
            REQUIRE((standing == merge::Standing::Excluded) == (e.excludedReason != 0));
        }
    }
}

}  // namespace

TEST_CASE("deterministic simulation: replicas converge and no edit is lost", "[merge][simulation]") {
    const auto seeds = test::testSeeds(150, 7);
    Coverage coverage;
    for (const auto seed : seeds) {
        INFO("simulation seed " << seed << " (replay: ABRI_SIM_SEED=" << seed << ")");
        runSeed(seed, 120, coverage);
    }
    if (seeds.size() >= 50) {
        CHECK(coverage.clamped > 0);
        CHECK(coverage.refused > 0);
        CHECK(coverage.excluded > 0);
        CHECK(coverage.conflicts > 0);
        CHECK(coverage.transferred > 0);
    }
}
