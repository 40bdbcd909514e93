#pragma once

#include <QLoggingCategory>

// One category per subsystem that logs, so `QT_LOGGING_RULES="tw.feeds.debug=true"`
// works (README, "Logging"). Warnings show by default; info and debug on request.
Q_DECLARE_LOGGING_CATEGORY(twStore)   // migrations, backups, reconnecting to a server
Q_DECLARE_LOGGING_CATEGORY(twFeeds)   // fetch decisions: 304, retries with backoff or Retry-After, giving up
Q_DECLARE_LOGGING_CATEGORY(twAlerts)  // rules skipped or cooling down, notifications refused
Q_DECLARE_LOGGING_CATEGORY(twUi)      // the window's arrangement at start-up
