#include "models/alerts/alertworker.h"

#include "models/alerts/alertevaluator.h"
#include "models/alerts/analyststate.h"
#include "models/core/storetime.h"
#include "models/store/storeconnection.h"

namespace tw {

AlertWorker::AlertWorker(QString storeLocation, QObject *parent) : QObject(parent), m_location(std::move(storeLocation))
{
}

AlertWorker::~AlertWorker() = default;

void AlertWorker::evaluate()
{
    if (!m_connection) {
        const QString name = QStringLiteral("alerts-%1").arg(quintptr(this), 0, 16);
        auto attached = StoreConnection::attach(m_location, name);
        if (!attached) {
            emit failed(attached.errorMessage());
            return;
        }
        m_connection = std::move(attached.value());
    }
    auto result = AlertEvaluator(m_connection->database()).evaluate(nowUtc());
    if (!result) {
        emit failed(result.errorMessage());
        return;
    }
    if (!result->isEmpty())
        emit fired(*result, AnalystState::forStore(m_connection->database()).mayPopUp());
}

void AlertWorker::shutdown()
{
    m_connection.reset();
}

} // namespace tw
