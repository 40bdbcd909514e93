#include "ui/theme/apptheme.h"

#include "ui/theme/themecolors.h"

#include <QActionGroup>
#include <QApplication>
#include <QMainWindow>
#include <QProxyStyle>
#include <QStyleOptionTab>
#include <QTabBar>
#include <QSettings>
#include <QStyle>
#include <QStyleFactory>

#include <array>

namespace tw {

namespace {
// Fusion, except that the tabs of tabbed docks show their titles as
// written: QTabBar reads "&" as a mnemonic ("Capex & guidance" would lose
// its ampersand and underline the space), while the dock's title bar draws
// it literally. Dock titles carry no mnemonics, so the tab escapes them.
class DockTitleStyle : public QProxyStyle {
public:
    using QProxyStyle::QProxyStyle;

    static bool isDockTab(const QWidget *widget)
    {
        return widget && qobject_cast<const QTabBar *>(widget)
            && qobject_cast<const QMainWindow *>(widget->parentWidget());
    }

    void drawControl(ControlElement element, const QStyleOption *option, QPainter *painter,
                     const QWidget *widget) const override
    {
        if (element == CE_TabBarTabLabel && isDockTab(widget)) {
            if (const auto *tab = qstyleoption_cast<const QStyleOptionTab *>(option)) {
                QStyleOptionTab escaped = *tab;
                escaped.text.replace(QLatin1Char('&'), QStringLiteral("&&"));
                QProxyStyle::drawControl(element, &escaped, painter, widget);
                return;
            }
        }
        QProxyStyle::drawControl(element, option, painter, widget);
    }

    QSize sizeFromContents(ContentsType type, const QStyleOption *option, const QSize &size,
                           const QWidget *widget) const override
    {
        QSize result = QProxyStyle::sizeFromContents(type, option, size, widget);
        if (type == CT_TabBarTab && isDockTab(widget)) {
            // QTabBar measured the text without its ampersands.
            if (const auto *tab = qstyleoption_cast<const QStyleOptionTab *>(option))
                result.rwidth() += int(tab->text.count(QLatin1Char('&'))) * widget->fontMetrics().horizontalAdvance(
                                       QLatin1Char('&'));
        }
        return result;
    }
};

// What the platform gave before we changed anything: "Follow the system"
// reads it. Captured on first use, which is the start-up apply.
const QPalette &platformPalette()
{
    static const QPalette p = QApplication::palette();
    return p;
}

std::optional<ThemeChoice> &applied()
{
    static std::optional<ThemeChoice> choice;
    return choice;
}
} // namespace

QString themeChoiceId(ThemeChoice choice)
{
    switch (choice) {
    case ThemeChoice::Light:
        return QStringLiteral("light");
    case ThemeChoice::Dark:
        return QStringLiteral("dark");
    case ThemeChoice::System:
        return QStringLiteral("system");
    }
    return QStringLiteral("system");
}

std::optional<ThemeChoice> themeChoiceFromId(const QString &id)
{
    for (ThemeChoice c : {ThemeChoice::Light, ThemeChoice::Dark, ThemeChoice::System}) {
        if (id.compare(themeChoiceId(c), Qt::CaseInsensitive) == 0)
            return c;
    }
    return std::nullopt;
}

ThemeChoice AppTheme::saved()
{
    return themeChoiceFromId(QSettings().value(QLatin1String(kSettingsKey)).toString()).value_or(ThemeChoice::System);
}

ThemeChoice AppTheme::current()
{
    return applied().value_or(saved());
}

bool AppTheme::systemPrefersDark()
{
    // GNOME and others name a dark GTK theme "Name:dark"; otherwise the
    // platform palette says it.
    const QString gtk = qEnvironmentVariable("GTK_THEME");
    if (gtk.endsWith(QLatin1String(":dark"), Qt::CaseInsensitive))
        return true;
    return platformPalette().color(QPalette::Window).lightness() < 128;
}

void AppTheme::apply(ThemeChoice choice)
{
    (void)platformPalette();
    const bool dark = choice == ThemeChoice::Dark || (choice == ThemeChoice::System && systemPrefersDark());
    if (!dynamic_cast<DockTitleStyle *>(QApplication::style()))
        QApplication::setStyle(new DockTitleStyle(QStyleFactory::create(QStringLiteral("Fusion"))));   // qApp owns it
    QApplication::setPalette((dark ? ThemeColors::dark() : ThemeColors::light()).palette());
    applied() = choice;
    QSettings().setValue(QLatin1String(kSettingsKey), themeChoiceId(choice));
}

ThemeMenu::ThemeMenu(QWidget *parent) : QMenu(tr("&Theme"), parent)
{
    setObjectName(QStringLiteral("themeMenu"));
    auto *group = new QActionGroup(this);
    group->setExclusive(true);
    const std::array<std::pair<ThemeChoice, QString>, 3> rows{{{ThemeChoice::Light, tr("&Light")},
        {ThemeChoice::Dark, tr("&Dark")}, {ThemeChoice::System, tr("Follow the &system")}}};
    for (const auto &[choice, text] : rows) {
        QAction *action = addAction(text);
        action->setCheckable(true);
        action->setData(themeChoiceId(choice));
        action->setObjectName(QStringLiteral("theme.") + themeChoiceId(choice));
        group->addAction(action);
        connect(action, &QAction::triggered, this, [this, choice = choice] {
            AppTheme::apply(choice);
            emit themeChanged(choice);
        });
    }
    connect(this, &QMenu::aboutToShow, this, [this] {
        if (QAction *a = actionFor(AppTheme::current()))
            a->setChecked(true);
    });
    if (QAction *a = actionFor(AppTheme::current()))
        a->setChecked(true);
}

QAction *ThemeMenu::actionFor(ThemeChoice choice) const
{
    const QList<QAction *> all = actions();
    for (QAction *a : all) {
        if (a->data().toString() == themeChoiceId(choice))
            return a;
    }
    return nullptr;
}

} // namespace tw
