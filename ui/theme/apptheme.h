#pragma once

#include <QMenu>
#include <QString>

#include <optional>

namespace tw {

// What the analyst chose in View > Theme.
enum class ThemeChoice { Light, Dark, System };

QString themeChoiceId(ThemeChoice choice);   // "light", "dark", "system"
std::optional<ThemeChoice> themeChoiceFromId(const QString &id);

// Applies a theme to the application: the Fusion style with our own light
// or dark palette (Qt 6.4 has no colour-scheme API, so "Follow the system"
// picks the one matching the palette the platform gave at start-up). The
// choice is remembered in QSettings and applied again at the next start.
class AppTheme {
public:
    static constexpr const char *kSettingsKey = "ui/theme";

    // The remembered choice (System when none was made).
    static ThemeChoice saved();
    // Applies `choice` to qApp and remembers it. Widgets get a PaletteChange
    // event and re-read ThemeColors::forPalette(palette()).
    static void apply(ThemeChoice choice);
    static void applySaved() { apply(saved()); }
    // The choice applied last (saved() before any apply).
    static ThemeChoice current();
    // Whether "Follow the system" resolves to dark here.
    static bool systemPrefersDark();
};

// View > Theme: Light, Dark, Follow the system (checkable, one checked).
class ThemeMenu : public QMenu {
    Q_OBJECT

public:
    explicit ThemeMenu(QWidget *parent = nullptr);

    QAction *actionFor(ThemeChoice choice) const;

signals:
    // After the theme was applied: views that cache colours re-read.
    void themeChanged(tw::ThemeChoice choice);
};

} // namespace tw
