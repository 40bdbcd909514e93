#include "ui/export/csvexportprogress.h"

#include "ui/export/exportlocation.h"

#include <QFileDialog>
#include <QMessageBox>
#include <QProgressDialog>
#include <QStandardPaths>

namespace tw {

CsvExportProgress::CsvExportProgress(const QString &storeLocation, ExportQuery query, const QString &path,
                                     bool excelBom, QWidget *parent)
    : QObject(parent), m_job(new ExportJob(storeLocation, std::move(query), path, CsvWriter::Options{excelBom}, this)),
      m_dialog(new QProgressDialog(tr("Exporting to %1…").arg(path), tr("Cancel"), 0, 0, parent)), m_path(path)
{
    m_dialog->setObjectName(QStringLiteral("csvExportProgress"));
    m_dialog->setWindowTitle(tr("Export CSV"));
    m_dialog->setMinimumDuration(300);
    m_dialog->setAutoClose(false);
    m_dialog->setAutoReset(false);
    connect(m_dialog, &QProgressDialog::canceled, m_job, &ExportJob::cancel);
    connect(m_job, &ExportJob::progress, this, &CsvExportProgress::onProgress);
    connect(m_job, &ExportJob::finished, this, &CsvExportProgress::onFinished);
}

void CsvExportProgress::start()
{
    m_job->start();
}

void CsvExportProgress::onProgress(qint64 rows, qint64 total)
{
    if (!m_dialog)
        return;
    // QProgressDialog counts in int; scale to per-mille so a billion rows still fit.
    if (total > 0) {
        m_dialog->setMaximum(1000);
        m_dialog->setValue(int(rows * 1000 / total));
    }
    m_dialog->setLabelText(tr("Exporting to %1… %L2 rows").arg(m_path).arg(rows));
}

void CsvExportProgress::onFinished(bool ok, bool cancelled, qint64 rows, const QString &error)
{
    if (m_dialog)
        m_dialog->deleteLater();
    if (!m_quiet) {
        auto *parentWidget = qobject_cast<QWidget *>(parent());
        if (!ok)
            QMessageBox::warning(parentWidget, tr("Export CSV"), error);
        else if (!cancelled)
            QMessageBox::information(parentWidget, tr("Export CSV"), tr("Wrote %L1 rows to %2.").arg(rows).arg(m_path));
    }
    emit finished(ok, cancelled, rows, error);
}

namespace {
QString &savePathAnswer()
{
    static QString path;
    return path;
}
} // namespace

void CsvExportProgress::answerSaveDialogWith(const QString &path)
{
    savePathAnswer() = path;
}

CsvExportProgress *CsvExportProgress::askAndStart(QWidget *parent, const QString &storeLocation,
                                                  const ExportQuery &query, const QString &suggestedName,
                                                  const QString &panelKey)
{
    if (!savePathAnswer().isEmpty()) {
        auto *run = new CsvExportProgress(storeLocation, query, savePathAnswer(), false, parent);
        run->setQuiet(true);
        connect(run, &CsvExportProgress::finished, run, &QObject::deleteLater);
        run->start();
        return run;
    }
    QString selectedFilter;
    const QString csv = tr("CSV (*.csv)");
    const QString excel = tr("CSV for Excel, UTF-8 with BOM (*.csv)");
    const QString path = QFileDialog::getSaveFileName(parent, tr("Export CSV"),
                                                      ExportLocation::suggestedPath(panelKey, suggestedName),
                                                      csv + QStringLiteral(";;") + excel, &selectedFilter);
    if (path.isEmpty())
        return nullptr;
    ExportLocation::remember(panelKey, path);
    auto *run = new CsvExportProgress(storeLocation, query, path, selectedFilter == excel, parent);
    connect(run, &CsvExportProgress::finished, run, &QObject::deleteLater);
    run->start();
    return run;
}

} // namespace tw
