#include "models/export/exportjob.h"

#include "models/store/storeconnection.h"

#include <QMetaObject>
#include <QUuid>

namespace tw {

ExportJob::ExportJob(QString storeLocation, ExportQuery query, QString path, CsvWriter::Options options,
                     QObject *parent)
    : QObject(parent), m_storeLocation(std::move(storeLocation)), m_query(std::move(query)), m_path(std::move(path)),
      m_options(options)
{
}

ExportJob::~ExportJob()
{
    if (m_thread) {
        m_cancel = true;
        m_thread->wait();
    }
}

void ExportJob::start()
{
    if (m_thread)
        return;
    m_thread = QThread::create([this] { run(); });
    m_thread->setParent(this);
    m_thread->start();
}

void ExportJob::run()
{
    qint64 rows = 0;
    bool cancelled = false;
    QString error;
    {
        const QString name = QStringLiteral("export-%1").arg(QUuid::createUuid().toString(QUuid::WithoutBraces));
        auto store = StoreConnection::attach(m_storeLocation, name);
        if (!store) {
            error = store.errorMessage();
        } else {
            const CsvExport exporter((*store)->database(), m_options);
            const auto total = exporter.countRows(m_query);
            const qint64 totalRows = total ? *total : -1;
            emit progress(0, totalRows);
            ExportControl control;
            control.cancel = &m_cancel;
            control.progressEvery = 5000;
            control.progress = [this, totalRows](qint64 written) { emit progress(written, totalRows); };
            auto written = exporter.writeFile(m_path, m_query, control);
            if (!written) {
                error = written.errorMessage();
            } else {
                rows = written->rows;
                cancelled = written->cancelled;
            }
        }
    }
    // Emitted on the thread that owns the job, after the worker is done: a
    // listener connected directly (a QSignalSpy) must not hear it before it
    // starts waiting, which a job cancelled at once made possible.
    QMetaObject::invokeMethod(
        this, [this, ok = error.isEmpty(), cancelled, rows, error] { emit finished(ok, cancelled, rows, error); },
        Qt::QueuedConnection);
}

} // namespace tw
