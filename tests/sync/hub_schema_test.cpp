// The hub store's schema version (sync/hub/hub_schema.h): new stores record it, stores made before it was recorded
// open as version 1, and a store from a newer hub is refused with a typed error before anything reads it.
#include <catch2/catch.hpp>

#include "common/error.h"
#include "crypto/primitives.h"
#include "hub_schema.h"
#include "hub_store.h"
#include "support/temp_dir.h"
#include "sync_test_support.h"

using namespace abri;
using sync::hub::HubStore;

namespace {

std::filesystem::path createStore(const test::TempDir& dir) {
    sync::hub::HubInitOptions options;
    options.dir = dir / "hub";
    options.name = "test-hub";
    options.address = "127.0.0.1:1";
    options.kdf = crypto::KdfParams::minimum();
    HubStore::create(options, test::kHubPassphrase);
    return options.dir;
}

}  // namespace

TEST_CASE("a new hub store records the latest schema version", "[sync][hub][schema]") {
    test::TempDir tmp;
    auto store = HubStore::open(createStore(tmp), test::kHubPassphrase);
    CHECK(sync::hub::hubSchemaVersion(store.db()) == sync::hub::kHubSchemaVersion);
    CHECK(store.db().queryInt64("SELECT version FROM schema_version") == sync::hub::kHubSchemaVersion);
}

TEST_CASE("a hub store made before versions were recorded opens as version 1", "[sync][hub][schema]") {
    test::TempDir tmp;
    const auto dir = createStore(tmp);
    std::string hubId;
    {
        auto store = HubStore::open(dir, test::kHubPassphrase);
        hubId = wire::idToHex(store.hubId());
        // As every store made before versions were recorded: the version 1 tables only.
        store.db().exec("DROP TABLE schema_version; DROP TABLE case_state; DROP INDEX devices_by_office;"
                        "DROP TABLE dismissed_duplicates; DELETE FROM meta WHERE key = 'duplicates_key';"
                        "DROP TABLE erased_cases; DROP TABLE attachment_chunks; DROP TABLE attachment_usage;");
        CHECK(sync::hub::hubSchemaVersion(store.db()) == 1);
    }
    auto store = HubStore::open(dir, test::kHubPassphrase);
    CHECK(wire::idToHex(store.hubId()) == hubId);  // same store, keys read as before
    // Recorded as version 1, then migrated to the latest.
    CHECK(store.db().queryInt64("SELECT version FROM schema_version") == sync::hub::kHubSchemaVersion);
    CHECK(store.devices().empty());
}

TEST_CASE("a schema 2 hub store gains the dismissed duplicates table and its own document hash key",
          "[sync][hub][schema][duplicates]") {
    test::TempDir tmp;
    const auto dir = createStore(tmp);
    std::vector<std::uint8_t> firstKey;
    {
        auto store = HubStore::open(dir, test::kHubPassphrase);
        {
            auto st = store.db().prepare("SELECT value FROM meta WHERE key = 'duplicates_key'");
            REQUIRE(st.step());
            firstKey = st.blob(0);
        }
        CHECK(firstKey.size() == 32);
        // As a store of schema 2.
        store.db().exec("DROP TABLE dismissed_duplicates; DELETE FROM meta WHERE key = 'duplicates_key';"
                        "DROP TABLE erased_cases; DROP TABLE attachment_chunks; DROP TABLE attachment_usage;"
                        "UPDATE schema_version SET version = 2;");
    }
    auto store = HubStore::open(dir, test::kHubPassphrase);
    CHECK(store.db().queryInt64("SELECT version FROM schema_version") == sync::hub::kHubSchemaVersion);
    CHECK(store.db().queryInt64("SELECT count(*) FROM dismissed_duplicates") == 0);
    auto st = store.db().prepare("SELECT value FROM meta WHERE key = 'duplicates_key'");
    REQUIRE(st.step());
    CHECK(st.blob(0).size() == 32);
    CHECK(st.blob(0) != firstKey);  // random, per store
}

TEST_CASE("a schema 3 hub store gains the erased cases, attachment chunk and usage tables",
          "[sync][hub][schema][attachments]") {
    test::TempDir tmp;
    const auto dir = createStore(tmp);
    {
        auto store = HubStore::open(dir, test::kHubPassphrase);
        store.db().exec("DROP TABLE erased_cases; DROP TABLE attachment_chunks; DROP TABLE attachment_usage;"
                        "UPDATE schema_version SET version = 3;");
    }
    auto store = HubStore::open(dir, test::kHubPassphrase);
    CHECK(store.db().queryInt64("SELECT version FROM schema_version") == sync::hub::kHubSchemaVersion);
    CHECK(store.db().queryInt64("SELECT count(*) FROM erased_cases") == 0);
    CHECK(store.db().queryInt64("SELECT count(*) FROM attachment_chunks") == 0);
    CHECK(store.db().queryInt64("SELECT count(*) FROM attachment_usage") == 0);
}

TEST_CASE("a hub store from a newer hub is refused with a typed error", "[sync][hub][schema]") {
    test::TempDir tmp;
    const auto dir = createStore(tmp);
    {
        auto store = HubStore::open(dir, test::kHubPassphrase);
        store.db().exec("UPDATE schema_version SET version = " + std::to_string(sync::hub::kHubSchemaVersion + 1));
    }
    try {
        HubStore::open(dir, test::kHubPassphrase);
        FAIL("a newer store must not open");
    } catch (const Error& error) {
        CHECK(error.code() == ErrorCode::VaultFromNewerVersion);
        CHECK(error.detail() == "schema " + std::to_string(sync::hub::kHubSchemaVersion + 1));
    }
}
