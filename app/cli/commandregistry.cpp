#include "cli/command.h"

namespace tw {

// Each command lives in app/commands/<name>command.cpp and exports its factory.
std::unique_ptr<Command> makeEvalCommand();
std::unique_ptr<Command> makeIngestCommand();
std::unique_ptr<Command> makeScoreCommand();
std::unique_ptr<Command> makeStatsCommand();
std::unique_ptr<Command> makeTrainHeadlinesCommand();

std::vector<std::unique_ptr<Command>> allCommands()
{
    std::vector<std::unique_ptr<Command>> commands;
    commands.push_back(makeEvalCommand());
    commands.push_back(makeIngestCommand());
    commands.push_back(makeScoreCommand());
    commands.push_back(makeStatsCommand());
    commands.push_back(makeTrainHeadlinesCommand());
    return commands;
}

} // namespace tw
