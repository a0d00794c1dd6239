#pragma once
// Two laptops of one office for attachment sync tests: laptop A (the fixture's vault) and laptop B, a copy of A's
// vault taken before anything is attached (so B holds the same case, as sync would have given it). Both are real
// SQLCipher files on disk, unlocked as the caseworker.
#include <catch2/catch.hpp>

#include <memory>

#include <nlohmann/json.hpp>

#include "attachment_fixture.h"
#include "attachments/attachment_transfer.h"
#include "wire/wire_types.h"

namespace abri::test {

using attachments::AttachmentRecord;
using attachments::AttachmentTransfer;
using attachments::SignerKeyLookup;

// Laptop A (the fixture's vault) and laptop B (a copy of it made before anything is attached), both unlocked as
// the caseworker; A's device signing key, which B knows.
struct TwoLaptops {
    AttachmentFixture a;
    std::filesystem::path bDir = a.dir / "laptop-b";
    std::unique_ptr<vault::Vault> b;
    crypto::SigningKeyPair deviceKey = crypto::SigningKeyPair::generate();
    wire::Id16 deviceA{};

    TwoLaptops() {
        a.vault->lock();
        std::filesystem::copy(a.vaultDir, bDir, std::filesystem::copy_options::recursive);
        a.login("worker", kWorkerPassword);
        vault::UnlockOptions options;
        options.clock = [this] { return a.nowMs; };
        b = vault::Vault::unlock(bDir / a.vaultPath.filename(), "worker", kWorkerPassword, options);
        deviceA = *wire::idFromHex(a.vault->deviceId());
    }

    SignerKeyLookup knownDevices() {
        return [this](const wire::Id16& device) -> std::optional<crypto::PublicKey> {
            if (device == deviceA) return deviceKey.publicKey;
            return std::nullopt;
        };
    }

    // What the item op carries, through CBOR as on the wire.
    AttachmentRecord recordAsSent(const std::string& id) {
        const auto record = AttachmentTransfer(*a.vault).record(id);
        REQUIRE(record);
        const auto doc = nlohmann::json::from_cbor(nlohmann::json::to_cbor(attachments::recordDoc(*record)));
        return attachments::recordFromDoc(record->id, record->caseId, record->createdDevice, doc);
    }
};

}  // namespace abri::test
