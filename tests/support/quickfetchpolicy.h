#pragma once

#include "feeds/fetch/fetchtypes.h"
#include "testhttpserver.h"

#include <QByteArray>

namespace twtest {

// The default fetch policy made quick for a test server on 127.0.0.1: retries
// from 10 ms instead of 1 s, no spacing between requests to one host.
inline tw::FetchPolicy quickFetchPolicy()
{
    tw::FetchPolicy p;
    p.retryBaseMs = 10;
    p.minHostSpacingMs = 0;
    p.deadlineMs = 10000;
    p.userAgent = QStringLiteral("Tickerwire-test/1.0 (tests@tickerwire.invalid)");
    return p;
}

// A test server's answer: `raw` on the wire after `delayMs`.
inline HttpResponse answer(QByteArray raw, int delayMs = 0)
{
    return HttpResponse{std::move(raw), delayMs, false};
}

} // namespace twtest
