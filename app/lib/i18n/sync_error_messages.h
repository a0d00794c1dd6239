#pragma once
// Sentences for the hub's refusal notices (sync/PROTOCOL.md §3.9, §7.5), beside ErrorMessages::message(SyncCode)
// in sync_error_messages.cpp: the same code can mean something else when it is the reason the hub did not take a set
// of this computer's changes ("bad_op" is not a damaged download that will be fetched again).
#include <QtCore/QCoreApplication>
#include <QtCore/QString>

#include <optional>

#include "wire/sync_error.h"

namespace abri::app {

class RefusalMessages {
    Q_DECLARE_TR_FUNCTIONS(RefusalMessages)

public:
    // Why the hub refused the changes and what to do; nullopt: a code this version does not know (a newer hub).
    static QString reason(std::optional<wire::SyncCode> code);
    // Why "Resend with corrected clock" did nothing (devicesync::restampAfterClockRefusal refused).
    static QString resendRefused(wire::SyncCode code);
};

}  // namespace abri::app
