#include "app/cli/command.h"
#include "feeds/keys/secretstore.h"

#include <QFile>

namespace tw {

namespace {
// `tickerwire keys set PROVIDER` (the key on stdin, so it never lands in
// shell history or `ps`), `keys remove PROVIDER`, `keys list`.
class KeysCommand final : public Command {
public:
    KeysCommand()
        : Command({.name = QStringLiteral("keys"),
                   .summary = QStringLiteral("API keys in the system keychain: keys set PROVIDER (key on stdin), keys "
                                             "remove PROVIDER, keys list."),
                   .positionalSyntax = QStringLiteral("set|remove PROVIDER | list")})
    {
    }

    int run(CommandContext &ctx) override
    {
        const QString verb = ctx.arguments.value(0);
        const QString provider = ctx.arguments.value(1).toLower();
        const bool known = SecretStore::knownProviders().contains(provider);
        SecretStore secrets;
        if (verb == QLatin1String("list") && ctx.arguments.size() == 1) {
            for (const QString &p : SecretStore::knownProviders()) {
                auto key = secrets.read(p);
                if (!key)
                    return reportFailure(ctx, key.errorMessage());
                ctx.out << p << ": " << (key->isEmpty() ? "not set" : "set") << '\n';
            }
            return kExitOk;
        }
        if ((verb == QLatin1String("set") || verb == QLatin1String("remove")) && ctx.arguments.size() == 2 && known) {
            if (verb == QLatin1String("remove")) {
                if (auto s = secrets.remove(provider); !s)
                    return reportFailure(ctx, s.errorMessage());
                ctx.out << provider << ": removed\n";
                return kExitOk;
            }
            QFile in;
            if (!in.open(stdin, QIODevice::ReadOnly)) {
                ctx.err << "tickerwire keys set: cannot read stdin\n";
                return kExitFailure;
            }
            const QString key = QString::fromUtf8(in.readAll()).trimmed();
            if (key.isEmpty() || key.contains(QLatin1Char('\n')) || key.contains(QLatin1Char(' '))) {
                ctx.err << "tickerwire keys set: pipe exactly one key on stdin\n";
                return kExitUsage;
            }
            if (auto s = secrets.write(provider, key); !s)
                return reportFailure(ctx, s.errorMessage());
            ctx.out << provider << ": key stored in the keychain\n";
            return kExitOk;
        }
        return reportUsageError(ctx,
            QStringLiteral("usage: tickerwire keys set|remove PROVIDER | list   (providers: %1)")
                .arg(SecretStore::knownProviders().join(QStringLiteral(", "))));
    }
};
} // namespace

std::unique_ptr<Command> makeKeysCommand() { return std::make_unique<KeysCommand>(); }

} // namespace tw
