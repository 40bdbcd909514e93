#pragma once

#include "feeds/fetch/fetchtypes.h"

// SEC's fetch rules pointed at a test server on 127.0.0.1: it is SEC's host,
// `contact` the analyst's address; only SEC's own 100 ms spacing paces
// requests, and retries wait 10 ms.
namespace twtest {

inline tw::FetchPolicy secFetchPolicy(const QString &contact)
{
    tw::FetchPolicy policy;
    policy.sec.hosts = {QStringLiteral("127.0.0.1")};
    policy.sec.contact = contact;
    policy.minHostSpacingMs = 0;
    policy.retryBaseMs = 10;
    return policy;
}

} // namespace twtest
