#pragma once

#include "feeds/fetch/fetchscheduler.h"
#include "quickfetchpolicy.h"

#include <QUrl>

namespace twtest {

// `url` fetched as feed 1 by a scheduler of its own with `policy`, waited for
// to the end (retries included): one refresh of one feed. `etag` makes it a
// conditional GET.
inline tw::FetchResult fetchOne(const QUrl &url, const tw::FetchPolicy &policy = quickFetchPolicy(),
                                const QString &etag = {})
{
    tw::FetchScheduler scheduler(policy);
    tw::FetchRequest request;
    request.feedId = 1;
    request.url = url;
    request.etag = etag;
    return tw::fetchToCompletion(scheduler, request);
}

} // namespace twtest
