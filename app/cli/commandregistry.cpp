#include "app/cli/command.h"

namespace tw {

// Each command lives in app/commands/<name>command.cpp and exports its factory.
std::unique_ptr<Command> makeExportCommand();
std::unique_ptr<Command> makeAlertsCommand();
std::unique_ptr<Command> makeEvalCommand();
std::unique_ptr<Command> makeIngestCommand();
std::unique_ptr<Command> makeScoreCommand();
std::unique_ptr<Command> makeStatsCommand();
std::unique_ptr<Command> makeQuotesCommand();
std::unique_ptr<Command> makeFeedsCommand();
std::unique_ptr<Command> makeFetchCommand();
std::unique_ptr<Command> makeRefreshCommand();
std::unique_ptr<Command> makeWatchCommand();
std::unique_ptr<Command> makeKeysCommand();
std::unique_ptr<Command> makeEventsCommand();
std::unique_ptr<Command> makeGuidanceCommand();
std::unique_ptr<Command> makeStoreCommand();
std::unique_ptr<Command> makeTrainHeadlinesCommand();
std::unique_ptr<Command> makeBuildDirectoryCommand();
std::unique_ptr<Command> makeWatchlistCommand();
std::unique_ptr<Command> makeEvalLinkingCommand();
std::unique_ptr<Command> makeBacktestCommand();
std::unique_ptr<Command> makeEventStudyCommand();

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeExportCommand());
    commands.push_back(makeEvalCommand());
    commands.push_back(makeIngestCommand());
    commands.push_back(makeScoreCommand());
    commands.push_back(makeStatsCommand());
    commands.push_back(makeAlertsCommand());
    commands.push_back(makeQuotesCommand());
    commands.push_back(makeFeedsCommand());
    commands.push_back(makeFetchCommand());
    commands.push_back(makeRefreshCommand());
    commands.push_back(makeWatchCommand());
    commands.push_back(makeKeysCommand());
    commands.push_back(makeEventsCommand());
    commands.push_back(makeGuidanceCommand());
    commands.push_back(makeStoreCommand());
    commands.push_back(makeTrainHeadlinesCommand());
    commands.push_back(makeBuildDirectoryCommand());
    commands.push_back(makeWatchlistCommand());
    commands.push_back(makeEvalLinkingCommand());
    commands.push_back(makeBacktestCommand());
    commands.push_back(makeEventStudyCommand());
    return commands;
}

} // namespace tw
