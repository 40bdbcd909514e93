#pragma once

#include "models/export/csvexport.h"

#include <QObject>
#include <QString>
#include <QThread>

#include <atomic>

namespace tw {

// One file export off the GUI thread, for a panel's Ctrl+E: the job opens its
// own connection to the store (Qt SQL connections never cross threads),
// counts the rows, streams them to `path`, and reports through queued signals.
// cancel() stops it between two rows and leaves no file.
//
//   auto *job = new ExportJob(storeLocation, ExportQuery::build(kind, filter), path, {true}, this);
//   connect(job, &ExportJob::progress, bar, [bar](qint64 rows, qint64 total) { ... });
//   connect(cancelButton, &QPushButton::clicked, job, &ExportJob::cancel);
//   connect(job, &ExportJob::finished, job, &QObject::deleteLater);
//   job->start();
class ExportJob : public QObject {
    Q_OBJECT

public:
    ExportJob(QString storeLocation, ExportQuery query, QString path, CsvWriter::Options options,
              QObject *parent = nullptr);
    ~ExportJob() override;

    void start();
    void cancel() { m_cancel = true; }
    bool isRunning() const { return m_thread && m_thread->isRunning(); }

signals:
    // `total` is -1 while unknown.
    void progress(qint64 rows, qint64 total);
    // ok == false: `error` says why (no file was written). cancelled: no file either.
    // On the job's own thread (its owner's event loop), once the export ended.
    void finished(bool ok, bool cancelled, qint64 rows, const QString &error);

private:
    void run();

    QString m_storeLocation;
    ExportQuery m_query;
    QString m_path;
    CsvWriter::Options m_options;
    std::atomic_bool m_cancel = false;
    QThread *m_thread = nullptr;
};

} // namespace tw
