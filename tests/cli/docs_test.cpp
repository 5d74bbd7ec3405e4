// Docs consistency: the man pages and the completion protocol against the CLI11 tree, as
// `slash __commands` lists it (one line per command: its path, a tab, its long flags).
//
// Which page documents a command: its topic page when it has one (the time-tracking verbs
// are in slash-time.1, see topic_pages), else man/slash-<first word>.1 when that file
// exists (so `client add` is in slash-client.1), else man/slash.1; the global flags (the
// root line) are in slash.1.
//
// What "documented" means, after normalising the roff text (font escapes such as \fB and
// \fR dropped, \- read as -, quotes removed, blanks collapsed):
//   - a heading names the command: a `.SS` line, or the tag line that follows `.TP` (its
//     font macro dropped), whose words are `slash`, then the words of the command path,
//     then either nothing or a word that is not one of the command's subcommands.
//     `.SS "slash client add \fIHANDLE\fR"` names `client add`; `.SS "slash config"`
//     names `config`, while `.TP` + `.B slash config get` names `config get`, not `config`;
//   - the command's entry runs from such a heading to the next heading that names another
//     command, or to the next `.SH`; the root's entry is the GLOBAL OPTIONS section of
//     slash.1; a noun with a page of its own (`client`) is named by that page's NAME line
//     (`slash\-client \- ...`) and its entry is the whole page;
//   - every long flag of the command appears in one of its entries as `--name` (written
//     `\-\-name` or `--name` in the source), not followed by a letter, digit or '-'.
// So a flag documented for one verb does not cover the same flag of another verb (the
// --force of `init` says nothing about the --force of `db backup`).

#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "support/process.hpp"
#include "support/test_env.hpp"

namespace {

namespace fs = std::filesystem;
using slash::testing::Workspace;

struct Command {
    std::vector<std::string> path;   ///< empty for the root
    std::vector<std::string> flags;  ///< long flags, with their leading "--"
};

std::vector<std::string> split(std::string_view text, char separator) {
    std::vector<std::string> parts;
    std::string part;
    for (char ch : text) {
        if (ch == separator) {
            if (!part.empty()) parts.push_back(part);
            part.clear();
        } else {
            part += ch;
        }
    }
    if (!part.empty()) parts.push_back(part);
    return parts;
}

std::string join(const std::vector<std::string>& words, const std::string& separator = " ") {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : separator) + word;
    return out;
}

/// `slash __complete client ""` as a user would type it.
std::string shell_words(const std::vector<std::string>& words) {
    std::string out = "slash __complete";
    for (const auto& word : words) out += " " + (word.empty() ? std::string("\"\"") : word);
    return out;
}

std::string display(const Command& command) {
    return command.path.empty() ? std::string("slash") : "slash " + join(command.path);
}

/// The command tree from `slash __commands`, run in-process.
std::vector<Command> command_tree() {
    Workspace ws;
    auto r = ws.run({"__commands"});
    REQUIRE(r.err == "");
    REQUIRE(r.code == 0);
    std::vector<Command> commands;
    std::istringstream lines(r.out);
    for (std::string line; std::getline(lines, line);) {
        auto tab = line.find('\t');
        REQUIRE_MESSAGE(tab != std::string::npos, "no tab in __commands line: " << line);
        commands.push_back({split(line.substr(0, tab), ' '), split(line.substr(tab + 1), ' ')});
    }
    REQUIRE(commands.size() > 1);
    REQUIRE(commands.front().path.empty());
    return commands;
}

/// Names of the direct subcommands of `parent`.
std::set<std::string> children(const std::vector<Command>& tree,
                               const std::vector<std::string>& parent) {
    std::set<std::string> names;
    for (const auto& command : tree) {
        if (command.path.size() == parent.size() + 1 &&
            std::equal(parent.begin(), parent.end(), command.path.begin())) {
            names.insert(command.path.back());
        }
    }
    return names;
}

/// Roff text as a reader sees it: font escapes dropped, the usual character escapes
/// resolved, macro-argument quotes removed, blanks collapsed.
std::string normalize(std::string_view roff) {
    std::string out;
    for (std::size_t i = 0; i < roff.size(); ++i) {
        char ch = roff[i];
        if (ch == '"') continue;
        if (ch != '\\' || i + 1 >= roff.size()) {
            out += ch;
            continue;
        }
        char next = roff[++i];
        if (next == 'f') {  // \fB, \f(CW, \f[CB]
            if (i + 1 < roff.size() && roff[i + 1] == '(') {
                i += 3;
            } else if (i + 1 < roff.size() && roff[i + 1] == '[') {
                auto close = roff.find(']', i);
                i = close == std::string_view::npos ? roff.size() : close;
            } else {
                ++i;
            }
        } else if (next == '-') {
            out += '-';
        } else if (next == 'e') {
            out += '\\';
        } else if (next == '~' || next == ' ') {
            out += ' ';
        } else if (next == '&' || next == '|' || next == '^') {
            // zero-width
        } else if (next == '(' && i + 2 < roff.size()) {
            std::string_view name = roff.substr(i + 1, 2);
            out += name == "dq" ? "\"" : name == "aq" ? "'" : name == "rs" ? "\\" : "";
            i += 2;
        } else {
            out += '\\';
            out += next;
        }
    }
    std::string collapsed;
    for (char ch : out) {
        bool blank = ch == ' ' || ch == '\t';
        if (blank && (collapsed.empty() || collapsed.back() == ' ')) continue;
        collapsed += blank ? ' ' : ch;
    }
    while (!collapsed.empty() && collapsed.back() == ' ') collapsed.pop_back();
    return collapsed;
}

/// A line of a page as a heading: the text of `.SS`/`.SH`, or of a `.TP` tag line.
struct Heading {
    std::size_t line;
    bool section;  ///< .SH
    std::string text;
};

bool is_macro(const std::string& line, std::string_view name) {
    return line.size() > name.size() && line[0] == '.' && line.compare(1, name.size(), name) == 0 &&
           (line.size() == name.size() + 1 || line[name.size() + 1] == ' ');
}

std::vector<Heading> headings(const std::vector<std::string>& lines) {
    std::vector<Heading> found;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const std::string& line = lines[i];
        if (is_macro(line, "SH") || is_macro(line, "SS")) {
            found.push_back({i, is_macro(line, "SH"),
                             normalize(line.substr(std::min<std::size_t>(4, line.size())))});
        } else if (is_macro(line, "TP") && i + 1 < lines.size()) {
            std::string tag = lines[i + 1];
            if (!tag.empty() && tag[0] == '.') {  // `.B slash config path`: drop the font macro
                auto space = tag.find(' ');
                tag = space == std::string::npos ? std::string() : tag.substr(space + 1);
            }
            found.push_back({i + 1, false, normalize(tag)});
        }
    }
    return found;
}

/// The command a heading names, if any (see the rule at the top of the file).
std::optional<std::vector<std::string>> named_command(const Heading& heading,
                                                      const std::vector<Command>& tree) {
    if (heading.section) return std::nullopt;
    auto words = split(heading.text, ' ');
    if (words.size() < 2 || words[0] != "slash") return std::nullopt;
    std::optional<std::vector<std::string>> best;
    for (const auto& command : tree) {
        const auto& path = command.path;
        if (path.empty() || path.size() + 1 > words.size()) continue;
        if (!std::equal(path.begin(), path.end(), words.begin() + 1)) continue;
        if (path.size() + 1 < words.size() &&
            children(tree, path).count(words[path.size() + 1]) > 0)
            continue;
        best = path;
    }
    return best;
}

struct Page {
    fs::path file;
    std::vector<std::string> lines;
};

Page read_page(const fs::path& file) {
    Page page{file, {}};
    std::istringstream text(slash::testing::read_file(file));
    for (std::string line; std::getline(text, line);) page.lines.push_back(line);
    return page;
}

/// The text of every entry of `command` in `page`, normalised; empty when no heading
/// names it.
std::vector<std::string> entries(const Page& page, const std::vector<Command>& tree,
                                 const Command& command) {
    std::vector<std::string> found;
    auto text_between = [&](std::size_t begin, std::size_t end) {
        std::string text;
        for (std::size_t i = begin; i < end; ++i) text += normalize(page.lines[i]) + "\n";
        return text;
    };
    if (command.path.size() == 1 &&
        page.file.filename() == "slash-" + command.path.front() + ".1") {
        auto name = std::find(page.lines.begin(), page.lines.end(), ".SH NAME");
        if (name != page.lines.end() && std::next(name) != page.lines.end() &&
            normalize(*std::next(name)).rfind("slash-" + command.path.front() + " - ", 0) == 0) {
            found.push_back(text_between(0, page.lines.size()));
        }
        return found;
    }
    auto all = headings(page.lines);
    for (std::size_t h = 0; h < all.size(); ++h) {
        bool starts = false;
        if (command.path.empty()) {
            starts = all[h].section && all[h].text == "GLOBAL OPTIONS";
        } else {
            starts = named_command(all[h], tree) == command.path;
        }
        if (!starts) continue;
        std::size_t end = page.lines.size();
        for (std::size_t next = h + 1; next < all.size(); ++next) {
            if (all[next].section || (!command.path.empty() && named_command(all[next], tree))) {
                end = all[next].line;
                break;
            }
        }
        found.push_back(text_between(all[h].line, end));
    }
    return found;
}

bool mentions_flag(const std::string& text, const std::string& flag) {
    auto is_name_char = [](char ch) {
        return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') ||
               ch == '-';
    };
    for (auto at = text.find(flag); at != std::string::npos; at = text.find(flag, at + 1)) {
        bool clean_start = at == 0 || !is_name_char(text[at - 1]);
        bool clean_end = at + flag.size() == text.size() || !is_name_char(text[at + flag.size()]);
        if (clean_start && clean_end) return true;
    }
    return false;
}

fs::path man_dir() {
    return fs::path(slash::testing::source_dir()) / "man";
}

/// Topic pages gather top-level commands that belong together: the time-tracking verbs in
/// slash-time(1), `missions` with `mission` in slash-mission(1), the reports in slash-report(1).
const std::map<std::string, std::string>& topic_pages() {
    static const std::map<std::string, std::string> pages = {
        {"start", "slash-time.1"},  {"stop", "slash-time.1"},  {"cancel", "slash-time.1"},
        {"continue", "slash-time.1"}, {"log", "slash-time.1"}, {"status", "slash-time.1"},
        {"entry", "slash-time.1"},  {"today", "slash-time.1"}, {"week", "slash-time.1"},
        {"missions", "slash-mission.1"},
        {"receipts", "slash-report.1"}, {"revenue", "slash-report.1"},
        {"report", "slash-report.1"},   {"plan", "slash-report.1"},    {"urssaf", "slash-report.1"},
        {"des", "slash-report.1"},
        {"export", "slash-import.1"},
    };
    return pages;
}

fs::path page_for(const Command& command) {
    if (!command.path.empty()) {
        auto topic = topic_pages().find(command.path.front());
        if (topic != topic_pages().end()) return man_dir() / topic->second;
        auto own = man_dir() / ("slash-" + command.path.front() + ".1");
        if (fs::exists(own)) return own;
    }
    return man_dir() / "slash.1";
}

/// Candidate values of `slash __complete WORDS...`, checking the protocol's last line.
std::set<std::string> completions(const std::vector<std::string>& words) {
    Workspace ws;
    std::vector<std::string> args = words;
    args.insert(args.begin(), "__complete");
    auto r = ws.run(args);
    std::set<std::string> values;
    INFO(shell_words(words) << "\nexit " << r.code << "\nstdout:\n"
                            << r.out << "stderr:\n"
                            << r.err);
    CHECK(r.code == 0);
    CHECK(r.err == "");
    auto lines = split(r.out, '\n');
    CHECK_MESSAGE((!lines.empty() && lines.back().size() > 1 && lines.back()[0] == ':'),
                  "the output must end with a :DIRECTIVE line");
    for (const auto& line : lines) {
        if (line.empty() || line[0] == ':') continue;
        values.insert(line.substr(0, line.find('\t')));
    }
    return values;
}

}  // namespace

TEST_CASE("cli/docs: every command and long flag is documented in its man page") {
    auto tree = command_tree();
    REQUIRE(fs::exists(man_dir() / "slash.1"));
    std::map<fs::path, Page> pages;
    for (const auto& command : tree) {
        fs::path file = page_for(command);
        if (!pages.count(file)) pages.emplace(file, read_page(file));
        const Page& page = pages.at(file);
        std::string where = "man/" + file.filename().string();
        auto found = entries(page, tree, command);
        if (found.empty()) {
            std::string expected =
                command.path.empty() ? "a GLOBAL OPTIONS section"
                : command.path.size() == 1 && file.filename() != "slash.1"
                    ? "a NAME line \"slash-" + command.path.front() + " - ...\""
                    : "a .SS line or .TP tag starting with \"" + display(command) + "\"";
            FAIL_CHECK(where << ": nothing documents \"" << display(command) << "\" (expected "
                             << expected << ")");
            continue;
        }
        auto flags = command.flags;
        // __commands leaves out the help flags; the root documents them with the others.
        if (command.path.empty()) {
            flags.push_back("--help");
            flags.push_back("--help-all");
        }
        for (const auto& flag : flags) {
            bool documented = std::any_of(found.begin(), found.end(), [&](const std::string& text) {
                return mentions_flag(text, flag);
            });
            if (!documented)
                FAIL_CHECK(where << ": \"" << display(command) << "\" does not document " << flag);
        }
    }
}

TEST_CASE("cli/docs: invoice and payment verbs are documented in their own pages") {
    // They follow the slash-<noun>.1 rule, not a topic page: `invoice pay` lives in
    // slash-invoice.1 although it records a payment, and slash.1 only lists the nouns.
    auto tree = command_tree();
    std::set<std::string> verbs_seen;
    for (const auto& command : tree) {
        if (command.path.size() < 2) continue;
        const auto& noun = command.path.front();
        if (noun != "invoice" && noun != "payment") continue;
        CHECK_MESSAGE(page_for(command) == man_dir() / ("slash-" + noun + ".1"),
                      display(command) << " maps to " << page_for(command).filename().string());
        verbs_seen.insert(join(command.path));
    }
    CHECK(verbs_seen.count("invoice line add") == 1);
    CHECK(verbs_seen.count("payment add") == 1);
}

TEST_CASE("cli/docs: every slash-NOUN.1 page belongs to an existing command") {
    auto tree = command_tree();
    auto nouns = children(tree, {});
    for (const auto& entry : fs::directory_iterator(man_dir())) {
        std::string name = entry.path().filename().string();
        if (name.rfind("slash-", 0) != 0 || entry.path().extension() != ".1") continue;
        std::string noun = name.substr(6, name.size() - 6 - 2);
        bool topic = std::any_of(topic_pages().begin(), topic_pages().end(),
                                 [&](const auto& pair) { return pair.second == name; });
        CHECK_MESSAGE((nouns.count(noun) == 1 || topic), "man/" << name << " documents \"slash " << noun
                                                     << "\", which is not a command");
    }
}

TEST_CASE("cli/docs: completion offers every verb and every long flag") {
    auto tree = command_tree();
    for (const auto& command : tree) {
        auto subcommands = children(tree, command.path);
        if (!subcommands.empty()) {
            auto words = command.path;
            words.push_back("");
            auto offered = completions(words);
            for (const auto& name : subcommands) {
                if (!offered.count(name))
                    FAIL_CHECK(shell_words(words) << " does not offer " << name);
            }
        }
        if (!command.flags.empty()) {
            auto words = command.path;
            words.push_back("--");
            auto offered = completions(words);
            for (const auto& flag : command.flags) {
                if (!offered.count(flag))
                    FAIL_CHECK(shell_words(words) << " does not offer " << flag);
            }
        }
    }
}

TEST_CASE("cli/docs: man pages pass mandoc lint") {
    if (!slash::testing::have_program("mandoc")) {
        MESSAGE("skipped: install mandoc (Debian package mandoc)");
        return;
    }
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(man_dir())) {
        if (entry.is_regular_file()) files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    REQUIRE(!files.empty());
    for (const auto& file : files) {
        auto r =
            slash::testing::run_process({"mandoc", "-T", "lint", "-W", "warning", file.string()});
        INFO("mandoc -T lint -W warning man/" << file.filename().string() << "\n"
                                              << r.out << r.err);
        CHECK(r.code == 0);
        CHECK(r.out == "");
        CHECK(r.err == "");
    }
}
