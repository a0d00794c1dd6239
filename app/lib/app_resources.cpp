#include "app_resources.h"

#include <QtCore/QDir>

// Q_INIT_RESOURCE must be used outside any namespace.
static void initAbriResources() { Q_INIT_RESOURCE(abri); }

namespace abri::app {
void initResources() { initAbriResources(); }
}  // namespace abri::app
