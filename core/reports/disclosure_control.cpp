#include "reports/disclosure_control.h"

#include <algorithm>
#include <limits>

#include "common/error.h"

namespace abri::reports {

namespace {

constexpr std::int64_t kUnbounded = std::numeric_limits<std::int64_t>::max() / 4;

// Every value of the table, cells and totals alike, with the relations between them.
struct Entry {
    std::int64_t value = 0;
    bool suppressed = false;
    bool total = false;
};

// sum(parts) == whole
struct Relation {
    std::vector<std::size_t> parts;
    std::size_t whole = 0;
};

struct Lattice {
    std::vector<Entry> entries;
    std::vector<Relation> relations;
    std::size_t rows = 0, columns = 0;
    bool oneWay = true;

    std::size_t cell(std::size_t r, std::size_t c) const { return r * columns + c; }
    std::size_t rowTotal(std::size_t r) const { return oneWay ? cell(r, 0) : rows * columns + r; }
    std::size_t columnTotal(std::size_t c) const { return rows * columns + rows + c; }
    std::size_t grand() const { return entries.size() - 1; }
};

Lattice build(const CountTable& t) {
    Lattice l;
    l.rows = t.cells.size();
    l.oneWay = t.columnTotals.empty();
    l.columns = l.oneWay ? 1 : t.columnTotals.size();
    for (const auto& row : t.cells)
        for (std::size_t c = 0; c < l.columns; ++c) l.entries.push_back({row.at(c), false, false});
    if (!l.oneWay) {
        for (const auto v : t.rowTotals) l.entries.push_back({v, false, true});
        for (const auto v : t.columnTotals) l.entries.push_back({v, false, true});
    }
    l.entries.push_back({t.grandTotal, false, true});
    if (l.oneWay) {
        Relation all{{}, l.grand()};
        for (std::size_t r = 0; r < l.rows; ++r) all.parts.push_back(l.cell(r, 0));
        l.relations.push_back(all);
        return l;
    }
    for (std::size_t r = 0; r < l.rows; ++r) {
        Relation rel{{}, l.rowTotal(r)};
        for (std::size_t c = 0; c < l.columns; ++c) rel.parts.push_back(l.cell(r, c));
        l.relations.push_back(rel);
    }
    for (std::size_t c = 0; c < l.columns; ++c) {
        Relation rel{{}, l.columnTotal(c)};
        for (std::size_t r = 0; r < l.rows; ++r) rel.parts.push_back(l.cell(r, c));
        l.relations.push_back(rel);
    }
    Relation byRow{{}, l.grand()}, byColumn{{}, l.grand()};
    for (std::size_t r = 0; r < l.rows; ++r) byRow.parts.push_back(l.rowTotal(r));
    for (std::size_t c = 0; c < l.columns; ++c) byColumn.parts.push_back(l.columnTotal(c));
    l.relations.push_back(byRow);
    l.relations.push_back(byColumn);
    return l;
}

int suppressedIn(const Lattice& l, const Relation& rel) {
    int n = l.entries[rel.whole].suppressed ? 1 : 0;
    for (const auto i : rel.parts) n += l.entries[i].suppressed ? 1 : 0;
    return n;
}

// The value to suppress next in a relation: the smallest non-zero published cell, else its total, else a zero.
std::optional<std::size_t> complementIn(const Lattice& l, const Relation& rel) {
    std::optional<std::size_t> best;
    for (const auto i : rel.parts) {
        const Entry& e = l.entries[i];
        if (e.suppressed || e.value == 0) continue;
        if (!best || e.value < l.entries[*best].value) best = i;
    }
    if (best) return best;
    if (!l.entries[rel.whole].suppressed && l.entries[rel.whole].value != 0) return rel.whole;
    for (const auto i : rel.parts)
        if (!l.entries[i].suppressed) return i;
    if (!l.entries[rel.whole].suppressed) return rel.whole;
    return std::nullopt;
}

// Step 2: no relation may hold exactly one suppressed value.
void complement(Lattice& l) {
    for (bool changed = true; changed;) {
        changed = false;
        for (const auto& rel : l.relations) {
            if (suppressedIn(l, rel) != 1) continue;
            if (auto next = complementIn(l, rel)) {
                l.entries[*next].suppressed = true;
                changed = true;
            }
        }
    }
}

std::int64_t add(std::int64_t a, std::int64_t b) { return std::min(kUnbounded, a + b); }

struct Bounds {
    std::vector<std::int64_t> lo, hi;
};

// Step 3: the ranges an attacker can narrow each suppressed value to, by interval propagation over the relations.
Bounds attackerBounds(const Lattice& l) {
    Bounds b;
    for (const auto& e : l.entries) {
        const bool known = !e.suppressed;
        b.lo.push_back(known ? e.value : (e.value > 0 ? 1 : 0));
        b.hi.push_back(known ? e.value : kUnbounded);
    }
    for (int pass = 0; pass < 200; ++pass) {
        bool changed = false;
        for (const auto& rel : l.relations) {
            // whole = sum(parts): bound each part by the whole minus the others, and the whole by the parts.
            std::int64_t loSum = 0, finiteHiSum = 0;
            int unbounded = 0;
            for (const auto i : rel.parts) {
                loSum = add(loSum, b.lo[i]);
                if (b.hi[i] >= kUnbounded) ++unbounded; else finiteHiSum = add(finiteHiSum, b.hi[i]);
            }
            auto tighten = [&](std::size_t i, std::int64_t lo, std::int64_t hi) {
                if (lo > b.lo[i]) b.lo[i] = lo, changed = true;
                if (hi < b.hi[i]) b.hi[i] = hi, changed = true;
            };
            tighten(rel.whole, loSum, unbounded > 0 ? kUnbounded : finiteHiSum);
            for (const auto i : rel.parts) {
                const bool ownUnbounded = b.hi[i] >= kUnbounded;
                const std::int64_t othersLo = loSum - b.lo[i];
                const bool othersUnbounded = unbounded - (ownUnbounded ? 1 : 0) > 0;
                const std::int64_t othersHi = othersUnbounded ? kUnbounded : finiteHiSum - (ownUnbounded ? 0 : b.hi[i]);
                const std::int64_t lo = othersUnbounded ? 0 : b.lo[rel.whole] - othersHi;
                const std::int64_t hi = b.hi[rel.whole] >= kUnbounded ? kUnbounded : b.hi[rel.whole] - othersLo;
                tighten(i, lo, hi);
            }
        }
        if (!changed) break;
    }
    return b;
}

std::optional<std::size_t> firstRecoverable(const Lattice& l) {
    const Bounds b = attackerBounds(l);
    for (std::size_t i = 0; i < l.entries.size(); ++i)
        if (l.entries[i].suppressed && l.entries[i].value > 0 && b.lo[i] == b.hi[i]) return i;
    return std::nullopt;
}

std::int64_t roundBase5(std::int64_t v) { return (v + 2) / 5 * 5; }

}  // namespace

ProtectedTable protectTable(const CountTable& table, int k, bool roundToBase5) {
    if (k < 5) throw Error(ErrorCode::ValueOutOfRange, "minimum_cell_size", "at least 5");
    Lattice l = build(table);
    for (auto& e : l.entries) e.suppressed = e.value > 0 && e.value < k;
    complement(l);
    if (table.additive) {
        // Each round suppresses one more value, so this ends (at worst with everything suppressed).
        while (auto recovered = firstRecoverable(l)) {
            const Relation* weakest = nullptr;
            for (const auto& rel : l.relations) {
                const bool holds = rel.whole == *recovered ||
                                   std::find(rel.parts.begin(), rel.parts.end(), *recovered) != rel.parts.end();
                if (holds && complementIn(l, rel) && (!weakest || suppressedIn(l, rel) < suppressedIn(l, *weakest)))
                    weakest = &rel;
            }
            if (weakest == nullptr) break;  // everything around it is suppressed already
            l.entries[*complementIn(l, *weakest)].suppressed = true;
            complement(l);
        }
    }

    auto publish = [&](std::size_t i) -> std::optional<std::int64_t> {
        const Entry& e = l.entries[i];
        if (e.suppressed) return std::nullopt;
        return roundToBase5 ? roundBase5(e.value) : e.value;
    };
    ProtectedTable out;
    for (std::size_t r = 0; r < l.rows; ++r) {
        std::vector<std::optional<std::int64_t>> row;
        for (std::size_t c = 0; c < l.columns; ++c) row.push_back(publish(l.cell(r, c)));
        out.cells.push_back(row);
        out.rowTotals.push_back(publish(l.rowTotal(r)));
    }
    if (!l.oneWay)
        for (std::size_t c = 0; c < l.columns; ++c) out.columnTotals.push_back(publish(l.columnTotal(c)));
    out.grandTotal = publish(l.grand());
    for (const auto& e : l.entries) out.suppressed += e.suppressed ? 1 : 0;
    return out;
}

}  // namespace abri::reports
