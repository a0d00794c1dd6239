#pragma once
// Per-vault statistics settings: the minimum cell size k (default 11, never below 5), kept in the vault's meta.
namespace abri::vault {
class Vault;
}

namespace abri::reports {

int minimumCellSize(vault::Vault& vault);
// Permission::ConfigureStatistics; k below 5 (or above 1000) is Error(ValueOutOfRange, "minimum_cell_size").
// Audited.
void setMinimumCellSize(vault::Vault& vault, int k);

}  // namespace abri::reports
