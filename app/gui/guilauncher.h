#pragma once

#include "app/cli/command.h"

namespace tw {

// Opens the store, fills an empty one with the demo workspace, and shows the
// window (or renders it to --screenshot). QApplication must exist.
int runGui(const GlobalOptions &globals);

} // namespace tw
