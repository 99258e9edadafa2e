#pragma once

// jifen-hq's administration and reporting commands: merchants, stores, budgets, member import,
// reports, expiry and statements. Each maps flags to one HqService call and says what to print.

#include "cli_args.h"
#include "hq_service.h"

#include <functional>

namespace jifen::hq {

struct AdminOutput {
    QJsonObject json;
    QStringList text;
};

struct AdminCommand {
    QString name; // "merchant add"
    QString usage;
    cli::FlagSpec flags;
    std::function<Result<AdminOutput>(sync::HqService&, const cli::ParsedArgs&)> run;
};

const AdminCommand* findAdminCommand(const QString& name);
QString adminUsage();

} // namespace jifen::hq
