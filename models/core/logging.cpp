#include "models/core/logging.h"

Q_LOGGING_CATEGORY(twStore, "tw.store", QtWarningMsg)
Q_LOGGING_CATEGORY(twFeeds, "tw.feeds", QtWarningMsg)
Q_LOGGING_CATEGORY(twAlerts, "tw.alerts", QtWarningMsg)
Q_LOGGING_CATEGORY(twUi, "tw.ui", QtWarningMsg)
