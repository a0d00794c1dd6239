// abri-cli attach add | list | export | remove: files attached to a case (core/attachments). The content goes
// straight from the file into the vault, encrypted and chunked; export is an explicit, audited copy out.
// Messages name attachments by id and never echo a file's path or name in errors.
#include <array>
#include <filesystem>
#include <ostream>

#include "attachments/attachment_repository.h"
#include "cases/case_repository.h"
#include "command.h"
#include "common/error.h"
#include "model/case_rules.h"
#include "text_table.h"
#include "vault/vault.h"

namespace abri::cli {

namespace {

using Json = nlohmann::json;
using attachments::AttachmentInfo;
using attachments::AttachmentRepository;

std::string caseIdOf(cases::CaseRepository& repository, const std::string& caseCode) {
    auto id = repository.findIdByCode(caseCode);
    if (!id) throw Error(ErrorCode::NotFound, "case");
    return *id;
}

attachments::Category categoryFromArgs(const ParsedArgs& args) {
    const std::string code = args.valueOr("category", "");
    if (auto category = attachments::categoryFromCode(code)) return *category;
    std::string valid;
    for (auto category : attachments::allCategories())
        valid += (valid.empty() ? "" : ", ") + std::string(attachments::categoryCode(category));
    throw UsageError("--category '" + code + "' is not a category; use one of: " + valid);
}

Json infoJson(const AttachmentInfo& info) {
    Json out = {{"id", info.id},
                {"case_id", info.caseId},
                {"item_id", info.itemId ? Json(*info.itemId) : Json()},
                {"file_name", info.fileNameMasked || info.removed ? Json() : Json(info.fileName)},
                {"file_name_masked", info.fileNameMasked},
                {"type", attachments::contentTypeCode(info.type)},
                {"media_type", attachments::mediaType(info.type)},
                {"size", info.size},
                {"category", attachments::categoryCode(info.category)},
                {"added_by", info.addedBy},
                {"added_ms", info.addedMs},
                {"content_hash", info.contentHash},
                {"chunks", info.chunkCount},
                {"supersedes", info.supersedes ? Json(*info.supersedes) : Json()},
                {"superseded", info.superseded},
                {"removed", info.removed}};
    return out;
}

int runAttachAdd(const ParsedArgs& args, Io& io) {
    const auto category = categoryFromArgs(args);  // a usage error costs no Argon2id
    (void)args.integer("max-mib", 1, 1024);
    auto session = unlockFromArgs(args);
    cases::CaseRepository cases(*session);
    const std::string caseId = caseIdOf(cases, args.positional(1));
    attachments::AddOptions options;
    options.category = category;
    options.itemId = args.value("item");
    options.fileName = args.value("name");
    attachments::Limits limits;
    if (auto mib = args.integer("max-mib", 1, 1024)) limits.maxFileBytes = static_cast<std::uint64_t>(*mib) << 20;
    AttachmentRepository repository(*session, limits);
    std::string id;
    if (auto old = args.value("supersedes")) {
        const auto previous = repository.find(*old);
        if (!previous || previous->caseId != caseId) throw Error(ErrorCode::NotFound, "attachment");
        id = repository.supersedeWithFile(*old, args.positional(2), options);
    } else {
        id = repository.addFile(caseId, args.positional(2), options);
    }
    const auto info = repository.find(id);
    if (io.json) {
        Json out = infoJson(*info);
        out["case_code"] = args.positional(1);
        io.out << jsonText({{"attached", out}}) << "\n";
    } else {
        io.out << "Attached " << attachments::contentTypeCode(info->type) << " (" << info->size << " bytes, "
               << info->chunkCount << " chunk(s), " << attachments::categoryCode(info->category) << ") to case "
               << args.positional(1) << " as attachment " << id << "\n";
    }
    return 0;
}

std::string statusText(const AttachmentInfo& info) {
    if (info.removed) return "removed";
    std::string out = info.superseded ? "superseded" : "current";
    if (info.supersedes) out += ", replaces " + info.supersedes->substr(0, 8);
    return out;
}

int runAttachList(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    cases::CaseRepository cases(*session);
    const std::string caseId = caseIdOf(cases, args.positional(1));
    AttachmentRepository repository(*session);
    const auto list = repository.list(caseId, args.has("removed"));
    if (wantsJson(args, io)) {
        Json out = Json::array();
        for (const auto& info : list) out.push_back(infoJson(info));
        io.out << jsonText({{"case_code", args.positional(1)}, {"attachments", out}}) << "\n";
        return 0;
    }
    if (list.empty()) {
        io.out << "No attachments.\n";
        return 0;
    }
    TextTable table({"ID", "ADDED", "CATEGORY", "TYPE", "BYTES", "NAME", "STATUS"});
    bool masked = false;
    for (const auto& info : list) {
        masked = masked || info.fileNameMasked;
        table.addRow({info.id, model::dateFromMs(info.addedMs), std::string(attachments::categoryCode(info.category)),
                      std::string(attachments::contentTypeCode(info.type)), std::to_string(info.size),
                      info.fileNameMasked ? "(hidden)" : info.fileName, statusText(info)});
    }
    io.out << table.render();
    if (masked) io.out << "File names are hidden from your role.\n";
    return 0;
}

int runAttachExport(const ParsedArgs& args, Io& io) {
    const std::filesystem::path target = args.positional(2);
    std::error_code ec;
    if (std::filesystem::exists(target, ec) && !args.has("force"))
        throw UsageError("OUT_PATH exists already; give --force to replace it");
    auto session = unlockFromArgs(args);
    AttachmentRepository repository(*session);
    const auto bytes = repository.exportTo(args.positional(1), target);
    if (io.json) {
        io.out << jsonText({{"exported", args.positional(1)}, {"path", target.string()}, {"bytes", bytes}}) << "\n";
    } else {
        io.out << "Exported attachment " << args.positional(1) << " (" << bytes << " bytes) to " << target.string()
               << "; the copy is NOT encrypted: delete it when done. Recorded in the audit log.\n";
    }
    return 0;
}

int runAttachRemove(const ParsedArgs& args, Io& io) {
    auto session = unlockFromArgs(args);
    AttachmentRepository repository(*session);
    repository.remove(args.positional(1));
    if (io.json) {
        io.out << jsonText({{"removed", args.positional(1)}}) << "\n";
    } else {
        io.out << "Removed attachment " << args.positional(1) << ": its content is purged from the vault.\n";
    }
    return 0;
}

}  // namespace

std::vector<Command> attachCommands() {
    auto addOptions = unlockOptions();
    addOptions.insert(addOptions.begin(),
                      {{.name = "category",
                        .valueName = "CATEGORY",
                        .help = "consent_form, identity_document, medical, legal, photo or other",
                        .required = true},
                       {.name = "item",
                        .valueName = "ITEM_ID",
                        .help = "Attach to this item of the case (a consent, a service ...)"},
                       {.name = "name", .valueName = "NAME", .help = "The name to show (default: the file's own name)"},
                       {.name = "max-mib", .valueName = "N", .help = "Refuse files over N MiB (default 20)"},
                       {.name = "supersedes",
                        .valueName = "ATTACHMENT_ID",
                        .help = "Replace this attachment of the case (it stays, marked superseded)"}});
    auto listOptions = unlockOptions();
    listOptions.push_back({.name = "removed", .help = "Also list removed attachments (their content is gone)"});
    listOptions.push_back(formatOption());
    auto exportOptions = unlockOptions();
    exportOptions.push_back({.name = "force", .help = "Replace OUT_PATH if it exists"});
    return {
        {.spec = {.name = "attach add",
                  .summary = "Attach a file (scan, photo, PDF) to a case, encrypted inside the vault",
                  .positionals = {{"VAULT", "The vault file"},
                                  {"CASE_CODE", "The case's code"},
                                  {"FILE", "The file to attach"}},
                  .options = addOptions,
                  .details = "The type is read from the content, not the name: PDF, JPEG, PNG, TIFF, WebP or plain "
                             "text. Programs and scripts, empty files, unreadable paths and files over 20 MiB (or "
                             "--max-mib) are refused and nothing is stored. The content is stored inside the vault "
                             "(encrypted, in 256 KiB chunks with a BLAKE2b hash each); FILE itself is left as it is: "
                             "delete it yourself if it should not stay on this disk.",
                  .example = "abri-cli attach add office.abri TUN-SFX-26-K7Q3M2 scan.pdf --category consent_form "
                             "--user sami"},
         .run = runAttachAdd},
        {.spec = {.name = "attach list",
                  .summary = "List the attachments of a case",
                  .positionals = {{"VAULT", "The vault file"}, {"CASE_CODE", "The case's code"}},
                  .options = listOptions,
                  .details = "File names are shown to roles that may reveal sensitive fields (caseworkers, "
                             "supervisors); administrators see them hidden.",
                  .example = "abri-cli attach list office.abri TUN-SFX-26-K7Q3M2 --user sami"},
         .run = runAttachList},
        {.spec = {.name = "attach export",
                  .summary = "Write an attachment's content to a file (audited)",
                  .positionals = {{"VAULT", "The vault file"},
                                  {"ATTACHMENT_ID", "The attachment's id (from attach list)"},
                                  {"OUT_PATH", "The file to write (mode 0600)"}},
                  .options = exportOptions,
                  .details = "Every chunk is checked against its hash first; the file is written atomically, and "
                             "the export is recorded in the audit log. The copy is not encrypted. An existing "
                             "OUT_PATH is replaced only with --force.",
                  .example = "abri-cli attach export office.abri 3f0c... consent.pdf --user sami"},
         .run = runAttachExport},
        {.spec = {.name = "attach remove",
                  .summary = "Remove an attachment: tombstone, content purged (supervisors)",
                  .positionals = {{"VAULT", "The vault file"}, {"ATTACHMENT_ID", "The attachment's id"}},
                  .options = unlockOptions(),
                  .details = "The record stays (category, size, who and when) but its name and content are deleted "
                             "from the vault for good.",
                  .example = "abri-cli attach remove office.abri 3f0c... --user amina"},
         .run = runAttachRemove},
    };
}

}  // namespace abri::cli
