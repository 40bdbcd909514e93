#include "app/cli/alertreport.h"

#include "models/alerts/alertevaluator.h"
#include "models/alerts/analyststate.h"
#include "models/core/storetime.h"
#include "ui/notify/desktopnotifier.h"

namespace tw {

QString firedLine(const FiredAlert &a)
{
    QString line = QStringLiteral("%1\t%2\t%3\t%4").arg(QString::number(a.id), isoUtc(a.fired), a.ruleName, a.message);
    if (a.acknowledged)
        line += QStringLiteral("\tacknowledged");
    return line;
}

void reportFirings(const QList<FiredAlert> &fired, const QSqlDatabase &db, QTextStream &out)
{
    for (const FiredAlert &a : fired)
        out << "alert " << a.id << ": " << a.ruleName << ": " << a.message << '\n';
    if (fired.isEmpty() || !AnalystState::forStore(db).mayPopUp())
        return;
    DesktopNotifier notifier;
    if (!notifier.serverAvailable())
        return;
    for (const FiredAlert &a : fired)
        notifier.notify(a);
    notifier.waitForDelivery();
}

bool evaluateAndReport(QSqlDatabase db, QTextStream &out, QTextStream &err)
{
    auto fired = AlertEvaluator(db).evaluate(nowUtc());
    if (!fired) {
        err << "tickerwire: alert evaluation failed: " << fired.errorMessage() << '\n';
        return false;
    }
    reportFirings(*fired, db, out);
    return true;
}

} // namespace tw
