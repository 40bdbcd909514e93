#pragma once

#include <QLoggingCategory>

// One category per subsystem, so `QT_LOGGING_RULES="tw.feeds.debug=true"` works.
Q_DECLARE_LOGGING_CATEGORY(twStore)
Q_DECLARE_LOGGING_CATEGORY(twFeeds)
Q_DECLARE_LOGGING_CATEGORY(twScoring)
Q_DECLARE_LOGGING_CATEGORY(twEvents)
Q_DECLARE_LOGGING_CATEGORY(twAlerts)
Q_DECLARE_LOGGING_CATEGORY(twUi)
