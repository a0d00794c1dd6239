#pragma once
// The bridge from the codec's types (a decoded ChangeSet and its AdmissionRecord, raw ids) to the merge engine's
// AdmittedChangeSet (hex ids, journal versions, effective HLCs). The hub and the devices convert the same way.
#include "changeset/admission_record.h"
#include "changeset/changeset.h"
#include "merge/admitted_change_set.h"

namespace abri::devicesync {

merge::AdmittedChangeSet toAdmitted(const sync::ChangeSet& changeSet, const sync::AdmissionRecord& admission);

}  // namespace abri::devicesync
