#pragma once

#include "app/cli/command.h"

namespace tw {

// Opens the store and shows the window (or renders it to --screenshot). An
// empty store first shows the welcome window and stays empty until the
// analyst adds companies or opens the demo workspace (a store of its own);
// --demo alone opens the demo store. QApplication must exist.
int runGui(const GlobalOptions &globals);

} // namespace tw
