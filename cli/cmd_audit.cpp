// abri-cli audit verify: walks the hash chain of the audit log.
#include <ostream>

#include "audit/audit_log.h"
#include "command.h"
#include "common/error.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

int runAuditVerify(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    session->require(vault::Permission::ViewAudit);
    const auto result = session->audit().verify();
    const std::string path = session->path().string();
    if (result.truncated) {
        throw Error(ErrorCode::AuditChainTruncated, path,
                    std::to_string(result.entries) + " entries left; entries are missing at the end");
    }
    if (!result.ok) {
        throw Error(ErrorCode::AuditChainBroken, path,
                    result.firstBadSeq ? "first bad entry #" + std::to_string(*result.firstBadSeq) : "");
    }
    if (io.json) {
        io.out << jsonText({{"ok", true}, {"entries", result.entries}}) << "\n";
    } else {
        io.out << "Audit log intact: " << result.entries << " entries, hash chain verified.\n";
    }
    return 0;
}

}  // namespace

std::vector<Command> auditCommands() {
    return {{.spec = {.name = "audit verify",
                      .summary = "Check that the audit log is complete and untampered",
                      .positionals = {{"VAULT", "The vault file"}},
                      .options = unlockOptions(),
                      .details = "Exit code 1 and a message naming the first bad entry when the chain is broken, "
                                 "or\nwhen entries were cut off the end.",
                      .example = "abri-cli audit verify office.abri --user amina"},
             .run = runAuditVerify}};
}

}  // namespace abri::cli
