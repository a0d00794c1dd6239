#pragma once
// The bridge from the codec's types (a decoded ChangeSet and its AdmissionRecord, raw ids) to the merge engine's
// AdmittedChangeSet (hex ids, journal versions, effective HLCs). The hub and the devices convert the same way.
#include "wire/admission_record.h"
#include "wire/changeset.h"
#include "merge/admitted_change_set.h"

namespace abri::devicesync {

merge::AdmittedChangeSet toAdmitted(const wire::ChangeSet& changeSet, const wire::AdmissionRecord& admission);

}  // namespace abri::devicesync
