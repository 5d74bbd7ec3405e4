#include "slash/cli/run.hpp"

#include <CLI/CLI.hpp>

#include <algorithm>
#include <ostream>
#include <vector>

#include <fmt/format.h>

#include "app.hpp"
#include "commands/commands.hpp"
#include "context.hpp"
#include "help_examples.hpp"
#include "screen.hpp"
#include "slash/cli/checked_output.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/domain/suggest.hpp"

namespace slash::cli {

namespace {

CLI::App* selected_verb(CLI::App& app) {
    CLI::App* current = &app;
    while (!current->get_subcommands().empty()) current = current->get_subcommands().front();
    return current;
}

std::string command_path(const CLI::App* verb) {
    std::string path;
    for (const CLI::App* app = verb; app != nullptr; app = app->get_parent()) {
        path = path.empty() ? app->get_name() : app->get_name() + " " + path;
    }
    return path;
}

// CLI11 keeps the words it could not place (App::remaining). Turn the first one into
// git's kind of message: what was not understood, where, and the nearest command or flag.
std::string unexpected_argument_message(const CLI::App& root, CLI::App* verb, std::span<const std::string> args) {
    // CLI11 lists them in no reliable order: report the one the user typed first.
    const std::vector<std::string> stray = root.remaining(true);
    if (stray.empty()) return fmt::format("unexpected arguments; see \"{} --help\"", command_path(verb));
    std::string word = stray.front();
    auto typed = std::find_first_of(args.begin(), args.end(), stray.begin(), stray.end());
    if (typed != args.end()) word = *typed;
    std::vector<std::string> candidates;
    bool is_flag = !word.empty() && word[0] == '-';
    if (is_flag) {
        word = word.substr(0, word.find('='));
        for (const CLI::App* app = verb; app != nullptr; app = app->get_parent()) {
            for (const CLI::Option* option : app->get_options()) {
                for (const auto& name : option->get_lnames()) candidates.push_back("--" + name);
            }
        }
    } else {
        for (const CLI::App* sub : verb->get_subcommands({})) {
            if (!sub->get_group().empty()) candidates.push_back(sub->get_name());
        }
    }
    std::string message;
    if (is_flag) {
        message = fmt::format("unknown flag {} for \"{}\"", domain::quoted(word), command_path(verb));
    } else if (candidates.empty()) {
        message = fmt::format("unexpected argument {} for \"{}\"", domain::quoted(word), command_path(verb));
    } else {
        message = fmt::format("unknown command {} for \"{}\"", domain::quoted(word), command_path(verb));
    }
    if (auto near = domain::closest_match(word, candidates)) {
        message += fmt::format(" (did you mean \"{}\"?)", *near);
    } else {
        message += fmt::format("; see \"{} --help\"", command_path(verb));
    }
    return message;
}

}  // namespace

int run(std::span<const std::string> args, std::istream& in, std::ostream& out, std::ostream& err,
        const Environment& env) {
    Screen screen(env, out);
    Context ctx(env, in, screen.stream(), err);
    CLI::App app;
    try {
        build_app(app, ctx, args);
        if (!args.empty() && args.front() == "__complete") {
            complete_words(app, ctx, std::vector<std::string>(args.begin() + 1, args.end()));
            return 0;
        }
        std::vector<std::string> reversed(args.rbegin(), args.rend());
        app.parse(reversed);
        CLI::App* verb = selected_verb(app);
        // Bare `slash` is `slash status` (docs/contract.md §2).
        if (verb == &app) verb = app.get_subcommand("status");
        const auto* action = ctx.action_for(verb);
        if (action == nullptr) {
            // A noun without a verb: show what it can do.
            add_help_examples(app);  // only help shows them: no cost to other commands
            out << verb->help(verb->get_parent() ? command_path(verb->get_parent()) : std::string());
            check_written(out);
            return 0;
        }
        (*action)();
        screen.show([&ctx] { return pager_command(ctx.env, ctx.globals.no_pager, ctx.config().display.pager); });
        // Every write checked (docs/contract.md §6): a full disk is an error, not exit 0.
        check_written(out);
        return 0;
    } catch (const CLI::CallForHelp& e) {
        add_help_examples(app);
        return app.exit(e, out, err);
    } catch (const CLI::CallForAllHelp& e) {
        add_help_examples(app);
        return app.exit(e, out, err);
    } catch (const CLI::CallForVersion& e) {
        return app.exit(e, out, err);
    } catch (const CLI::ExtrasError&) {
        err << "slash: error: " << unexpected_argument_message(app, selected_verb(app), args) << '\n';
        return exit_code(ErrorKind::Usage);
    } catch (const CLI::ParseError& e) {
        err << "slash: error: " << e.what() << "; see \"" << command_path(selected_verb(app)) << " --help\"\n";
        return exit_code(ErrorKind::Usage);
    } catch (const Error& e) {
        err << "slash: error: " << e.what() << '\n';
        return exit_code(e.kind());
    }
}

}  // namespace slash::cli
