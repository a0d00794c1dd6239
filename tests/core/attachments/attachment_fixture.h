#pragma once
// A fresh vault on disk in its own folder (`vault/`), apart from the plaintext input files (`inputs/`), unlocked as
// a caseworker, with one synthetic case; and small builders of synthetic, obviously fake files of each type.
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "attachments/attachment_repository.h"
#include "cases/case_repository.h"
#include "common/error.h"
#include "crypto/primitives.h"
#include "support/temp_dir.h"
#include "vault/vault.h"
#include "../cases/repository_fixture.h"

namespace abri::test {

using Bytes = std::vector<std::uint8_t>;

// The repository tests' vault (its users and passwords), kept in a folder of its own so a raw scan of that folder
// never meets the plaintext inputs.
struct AttachmentFixture : RepositoryFixture {
    std::filesystem::path vaultDir = vaultPath.parent_path();
    std::filesystem::path inputDir = dir / "inputs";
    std::string caseId;

    AttachmentFixture() : RepositoryFixture("vault/office.abri") {
        std::filesystem::create_directories(inputDir);
        caseId = cases::CaseRepository(*vault).createCase(
            {{"person", {{"given_name", "Testname"}, {"family_name", "Fakeperson"}, {"gender", "female"}}}});
    }

    attachments::AttachmentRepository repo(attachments::Limits limits = {}) {
        return attachments::AttachmentRepository(*vault, limits);
    }

    std::filesystem::path input(const std::string& name, const Bytes& bytes) {
        const auto path = inputDir / name;
        std::ofstream out(path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
        return path;
    }

    std::int64_t rows(const std::string& table) {
        return vault->db().queryInt64("SELECT count(*) FROM " + table + ";").value_or(-1);
    }
    // Nothing of any attachment anywhere in the vault.
    bool noAttachmentRows() {
        return rows("attachments") == 0 && rows("attachment_chunks") == 0 && rows("attachment_parts") == 0;
    }
};

inline attachments::AddOptions opts(attachments::Category category = attachments::Category::Other,
                                   std::optional<std::string> itemId = std::nullopt,
                                   std::optional<std::string> fileName = std::nullopt) {
    attachments::AddOptions options;
    options.category = category;
    options.itemId = std::move(itemId);
    options.fileName = std::move(fileName);
    return options;
}

inline Bytes bytesOf(const std::string& text) { return Bytes(text.begin(), text.end()); }

inline void append(Bytes& out, const Bytes& more) { out.insert(out.end(), more.begin(), more.end()); }

// Deterministic filler that is neither text nor a marker (a simple LCG), `n` bytes.
inline Bytes filler(std::size_t n, std::uint32_t seed) {
    Bytes out(n);
    for (auto& b : out) {
        seed = seed * 1664525U + 1013904223U;
        b = static_cast<std::uint8_t>(seed >> 24);
    }
    return out;
}

// A synthetic JPEG: SOI, APP0/JFIF, a comment segment holding `marker`, filler scan data with the marker again
// in the middle, EOI. Only the magic bytes matter to Abri; image viewers need not like it.
inline Bytes syntheticJpeg(const std::string& marker, std::size_t fillerBytes) {
    Bytes out = {0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 'J', 'F', 'I', 'F', 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
                 0x00, 0x01, 0x00, 0x00};
    const auto comment = bytesOf(marker);
    out.push_back(0xFF);
    out.push_back(0xFE);
    out.push_back(static_cast<std::uint8_t>((comment.size() + 2) >> 8));
    out.push_back(static_cast<std::uint8_t>((comment.size() + 2) & 0xFF));
    append(out, comment);
    append(out, filler(fillerBytes / 2, 7));
    append(out, bytesOf(marker));
    append(out, filler(fillerBytes / 2, 11));
    out.push_back(0xFF);
    out.push_back(0xD9);
    return out;
}

// A synthetic PNG: signature, IHDR, a tEXt chunk with `marker`, filler IDAT, IEND (CRCs not computed).
inline Bytes syntheticPng(const std::string& marker, std::size_t fillerBytes) {
    Bytes out = {0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1,
                 0,    0,   0,   1,   8,    2,    0,    0,    0, 0, 0, 0,  0,   0};
    append(out, bytesOf("tEXtComment"));
    out.push_back(0);
    append(out, bytesOf(marker));
    append(out, bytesOf("IDAT"));
    append(out, filler(fillerBytes, 13));
    append(out, bytesOf("IEND"));
    return out;
}

// A synthetic PDF whose text stream shows `marker`, padded with a comment block of filler.
inline Bytes syntheticPdf(const std::string& marker, std::size_t fillerBytes) {
    std::string text = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n2 0 obj << /Length 60 >>\nstream\n"
                       "BT /F1 12 Tf (" + marker + ") Tj ET\nendstream\nendobj\n";
    Bytes out = bytesOf(text);
    append(out, filler(fillerBytes, 17));
    append(out, bytesOf("\n(" + marker + ")\n%%EOF\n"));
    return out;
}

// The attachment's content, read back through the repository (audited).
inline Bytes readBack(attachments::AttachmentRepository& repo, const std::string& id) {
    Bytes out;
    repo.read(id, [&](std::span<const std::uint8_t> piece) { out.insert(out.end(), piece.begin(), piece.end()); });
    return out;
}

inline attachments::AttachmentCode refusalOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const attachments::AttachmentError& e) {
        return e.code();
    }
    throw std::runtime_error("no AttachmentError thrown");
}

inline ErrorCode errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const Error& e) {
        return e.code();
    }
    throw std::runtime_error("no abri::Error thrown");
}

}  // namespace abri::test
