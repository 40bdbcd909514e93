#pragma once

#include "models/export/exportjob.h"

#include <QObject>
#include <QPointer>
#include <QProgressDialog>

namespace tw {

// The window side of a panel's "Export CSV…" (Ctrl+E): runs an ExportJob
// behind a modeless progress dialog whose Cancel stops the job (no file is
// left), and reports the outcome in a message box unless `quiet`.
class CsvExportProgress : public QObject {
    Q_OBJECT

public:
    CsvExportProgress(const QString &storeLocation, ExportQuery query, const QString &path, bool excelBom,
                      QWidget *parent);

    void start();
    void setQuiet(bool quiet) { m_quiet = quiet; }
    QProgressDialog *dialog() const { return m_dialog; }

    // Asks where to save (suggesting `suggestedName` in the folder last used
    // for `panelKey`, see ExportLocation), then starts an export that deletes
    // itself when done. Returns null when the user cancels the file dialog.
    // This is what a panel's Ctrl+E action calls.
    static CsvExportProgress *askAndStart(QWidget *parent, const QString &storeLocation, const ExportQuery &query,
                                          const QString &suggestedName, const QString &panelKey = QString());
    // For tests of the window's Ctrl+E: askAndStart then writes to `path`
    // without a save dialog and runs quiet. An empty path restores the dialog.
    static void answerSaveDialogWith(const QString &path);

signals:
    void finished(bool ok, bool cancelled, qint64 rows, const QString &error);

private:
    void onProgress(qint64 rows, qint64 total);
    void onFinished(bool ok, bool cancelled, qint64 rows, const QString &error);

    ExportJob *m_job;
    QPointer<QProgressDialog> m_dialog;
    QString m_path;
    bool m_quiet = false;
};

} // namespace tw
