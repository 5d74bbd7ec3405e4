// The completion scripts of completions/, run by the real shells against the real binary.
//
// Each shell runs non-interactively, with the directory of this build's slash first on
// PATH and SLASH_DB pointing at a database made by that binary:
//   - bash: the script is sourced (after bash-completion's bash_completion, or without it),
//     COMP_WORDS/COMP_CWORD/COMP_LINE/COMP_POINT are set as readline sets them, _slash is
//     called, and COMPREPLY is printed;
//   - zsh: the script is sourced after compinit, or autoloaded from $fpath; `words` and
//     CURRENT are set and _slash is called. Only what needs a live completion widget is
//     replaced by functions that print what they receive: the compset builtin, and the
//     _describe and _files functions (they end in compadd);
//   - fish: `fish --no-config -c 'source slash.fish; complete -C LINE'`, fish's own way to
//     ask for the completions of a command line.
// A shell that is not installed skips its test case with a message naming the package.

#include <doctest/doctest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "support/process.hpp"
#include "support/test_env.hpp"

namespace {

namespace fs = std::filesystem;
using slash::testing::ProcessResult;
using slash::testing::run_process;

const std::string kBashCompletion = "/usr/share/bash-completion/bash_completion";

fs::path script(const std::string& name) { return fs::path(slash::testing::source_dir()) / "completions" / name; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::string::size_type start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

/// The set as one sorted, space-separated string, so that a failure shows both sides.
std::string sorted(std::vector<std::string> values) {
    std::sort(values.begin(), values.end());
    std::string text;
    for (const auto& value : values) text += (text.empty() ? "" : " ") + value;
    return text;
}

/// What a shell offered for one command line.
struct Offer {
    std::vector<std::string> values;
    std::map<std::string, std::string> descriptions;  ///< value -> description, when shown
    std::vector<std::string> calls;                   ///< zsh: the stubbed compset/_files calls
};

/// A temp directory with a database holding acme ("ACME SAS"), acme-labs ("Labs"),
/// dev_shop.io-2 and an archived acme.old; a second database other.db holding zeta; and
/// backups/old.db, backups/older.db for file-name completion. `env` puts this build's
/// slash first on PATH and keeps the shells out of the real home directory.
class Fixture {
public:
    Fixture() : dir_(slash::testing::make_temp_dir("slash-completion")) {
        const char* inherited = std::getenv("PATH");
        env = {
            {"PATH", fs::path(slash::testing::slash_binary()).parent_path().string() + ":" +
                         (inherited != nullptr ? inherited : "/usr/bin:/bin")},
            {"SLASH_DB", (dir_ / "slash.db").string()},
            {"SLASH_CONFIG", (dir_ / "config.toml").string()},
            {"HOME", dir_.string()},
            {"ZDOTDIR", dir_.string()},
            {"XDG_CONFIG_HOME", (dir_ / "xdg-config").string()},
            {"XDG_DATA_HOME", (dir_ / "xdg-data").string()},
            {"XDG_CACHE_HOME", (dir_ / "xdg-cache").string()},
        };
        slash({"client", "add", "acme", "--name", "ACME SAS"});
        slash({"client", "add", "acme-labs", "--name", "Labs"});
        slash({"client", "add", "dev_shop.io-2", "--name", "Dev Shop"});
        slash({"client", "add", "acme.old", "--name", "Old ACME"});
        slash({"client", "archive", "acme.old"});
        slash({"--db", other_db(), "client", "add", "zeta", "--name", "Zeta"});
        fs::create_directories(dir_ / "backups");
        std::ofstream(dir_ / "backups" / "old.db") << "";
        std::ofstream(dir_ / "backups" / "older.db") << "";
    }
    Fixture(const Fixture&) = delete;
    Fixture& operator=(const Fixture&) = delete;
    ~Fixture() {
        std::error_code ec;
        fs::remove_all(dir_, ec);
    }

    [[nodiscard]] std::string other_db() const { return (dir_ / "other.db").string(); }
    [[nodiscard]] std::string backups() const { return (dir_ / "backups").string(); }

    std::map<std::string, std::string> env;

private:
    void slash(std::vector<std::string> args) {
        args.insert(args.begin(), slash::testing::slash_binary());
        auto r = run_process(args, env);
        REQUIRE_MESSAGE(r.code == 0, "slash failed while setting up: " << r.err);
    }

    fs::path dir_;
};

// --- bash --------------------------------------------------------------------------------

/// COMP_WORDS as readline fills them: blanks separate words, quotes group, and a run of
/// COMP_WORDBREAKS characters ('=' and ':' here) is a word of its own. The last word is
/// the one under the cursor: empty after a blank, "=" right after "--flag=".
std::vector<std::string> readline_words(const std::string& line) {
    std::vector<std::string> words;
    std::string word;
    char quote = 0;
    bool in_breaks = false;
    for (char c : line) {
        if (quote != 0) {
            word += c;
            if (c == quote) quote = 0;
            continue;
        }
        if (c == ' ') {
            if (!word.empty()) words.push_back(word);
            word.clear();
            in_breaks = false;
            continue;
        }
        bool is_break = c == '=' || c == ':';
        if (!word.empty() && is_break != in_breaks) {
            words.push_back(word);
            word.clear();
        }
        in_breaks = is_break;
        word += c;
        if (c == '"' || c == '\'') quote = c;
    }
    words.push_back(word);
    return words;
}

// $1: 1 to load bash-completion first; $2: the script; $3: COMP_LINE; then COMP_WORDS.
const char* const kBashDriver = R"(
with_bash_completion=$1 script=$2 COMP_LINE=$3
shift 3
if [[ $with_bash_completion == 1 ]]; then . /usr/share/bash-completion/bash_completion || exit 90; fi
. "$script" || exit 91
[[ $(complete -p slash) == "complete -F _slash slash" ]] || { echo "_slash is not registered" >&2; exit 92; }
COMP_WORDS=("$@") COMP_CWORD=$(($# - 1)) COMP_POINT=${#COMP_LINE}
_slash slash "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD - 1]}"
printf '%s\n' "${COMPREPLY[@]}"
)";

Offer complete_bash(const Fixture& fx, const std::string& line, bool with_bash_completion) {
    std::vector<std::string> argv = {"bash", "--norc", "--noprofile", "-c", kBashDriver, "bash",
                                     with_bash_completion ? "1" : "0", script("slash.bash").string(), line};
    for (const auto& word : readline_words(line)) argv.push_back(word);
    ProcessResult r = run_process(argv, fx.env);
    INFO("bash, line \"" << line << "\"\nstdout:\n" << r.out << "stderr:\n" << r.err);
    CHECK(r.code == 0);
    CHECK(r.err == "");
    Offer offer;
    for (const auto& value : lines_of(r.out)) {
        if (!value.empty()) offer.values.push_back(value);
    }
    return offer;
}

void check_bash(bool with_bash_completion) {
    Fixture fx;
    auto values = [&](const std::string& line) {
        INFO("line: " << line);
        return sorted(complete_bash(fx, line, with_bash_completion).values);
    };
    CHECK(values("slash cl") == "client");
    CHECK(values("slash client ") == "add archive edit list lookup rm show unarchive");
    CHECK(values("slash client show a") == "acme acme-labs");
    CHECK(values("slash client unarchive a") == "acme.old");
    CHECK(values("slash client show dev_shop.") == "dev_shop.io-2");
    CHECK(values("slash client add --na") == "--name");
    CHECK(values("slash completion ") == "bash fish zsh");
    CHECK(values("slash client add --language=") == "en fr");
    CHECK(values("slash client add --language=f") == "fr");
    CHECK(values("slash --db " + fx.other_db() + " client show ") == "zeta");
    CHECK(values("slash --db=" + fx.other_db() + " client show ") == "zeta");
    // A quoted path with characters the shell would treat specially is unquoted, not run.
    std::string odd = (fs::path(fx.other_db()).parent_path() / "a&b (x);$y.db").string();
    fs::copy_file(fx.other_db(), odd, fs::copy_options::overwrite_existing);
    CHECK(values("slash --db '" + odd + "' client show ") == "zeta");
    CHECK(values("slash db backup " + fx.backups() + "/ol") ==
          fx.backups() + "/old.db " + fx.backups() + "/older.db");
    CHECK(values("slash --db=" + fx.backups() + "/ol") == fx.backups() + "/old.db " + fx.backups() + "/older.db");
    // Directive 4: a handle, never a file name, even when only files would match.
    CHECK(values("slash client show " + fx.backups() + "/ol") == "");
}

// --- zsh ---------------------------------------------------------------------------------

// $1: "source" (after compinit) or "fpath" (autoloaded); $2: the script; then `words`.
const char* const kZshDriver = R"(
mode=$1 script=$2
shift 2
[[ $mode == fpath ]] && fpath=("${script:h}" $fpath)
autoload -U compinit && compinit -u -D
[[ $mode == source ]] && source "$script"
[[ $_comps[slash] == _slash ]] || { print -u2 "_slash is not registered for slash"; exit 92 }
compset() { print -r -- "call compset $*" }
_files() { print -r -- "call _files $*" }
_describe() {
    [[ $1 == -t ]] && shift 2
    local entry
    for entry in "${(@P)2}"; do print -r -- "candidate $entry"; done
}
words=("$@") CURRENT=$#
_slash || :  # 1 means "no matches"
)";

Offer complete_zsh(const Fixture& fx, const std::string& mode, const std::vector<std::string>& words) {
    std::vector<std::string> argv = {"zsh", "-f", "-c", kZshDriver, "zsh", mode, script("_slash").string()};
    argv.insert(argv.end(), words.begin(), words.end());
    ProcessResult r = run_process(argv, fx.env);
    INFO("zsh (" << mode << ")\nstdout:\n" << r.out << "stderr:\n" << r.err);
    CHECK(r.code == 0);
    CHECK(r.err == "");
    Offer offer;
    for (const auto& line : lines_of(r.out)) {
        if (line.rfind("call ", 0) == 0) {
            offer.calls.push_back(line.substr(5));
        } else if (line.rfind("candidate ", 0) == 0) {
            // _describe's "value:description", with ':' in the value written "\:".
            std::string entry = line.substr(10), value;
            std::string::size_type i = 0;
            for (; i < entry.size() && entry[i] != ':'; ++i) {
                if (entry[i] == '\\' && i + 1 < entry.size()) ++i;
                value += entry[i];
            }
            offer.values.push_back(value);
            if (i < entry.size()) offer.descriptions[value] = entry.substr(i + 1);
        } else if (!line.empty()) {
            FAIL_CHECK("unexpected zsh output: " << line);
        }
    }
    return offer;
}

void check_zsh(const std::string& mode) {
    Fixture fx;
    auto complete = [&](std::vector<std::string> words) {
        words.insert(words.begin(), "slash");
        return complete_zsh(fx, mode, words);
    };
    auto values = [&](std::vector<std::string> words) { return sorted(complete(std::move(words)).values); };
    CHECK(values({"cl"}) == "client");
    CHECK(values({"client", ""}) == "add archive edit list lookup rm show unarchive");
    CHECK(values({"client", "show", "dev_shop."}) == "dev_shop.io-2");
    CHECK(values({"client", "add", "--na"}) == "--name");
    CHECK(values({"completion", ""}) == "bash fish zsh");
    CHECK(values({"--db", fx.other_db(), "client", "show", ""}) == "zeta");
    CHECK(values({"--db", "'" + fx.other_db() + "'", "client", "show", ""}) == "zeta");

    auto acme = complete({"client", "show", "a"});
    CHECK(sorted(acme.values) == "acme acme-labs");
    CHECK(acme.descriptions["acme"] == "ACME SAS");
    CHECK(acme.descriptions["acme-labs"] == "Labs");
    CHECK(acme.calls.empty());

    // "--flag=": zsh is told to keep the prefix and is offered the bare values.
    auto language = complete({"client", "add", "--language="});
    CHECK(sorted(language.values) == "en fr");
    CHECK(language.descriptions["fr"] == "French");
    CHECK(sorted(language.calls) == "compset -P *=");

    // Directive 0 hands over to _files; directive 4 never does.
    auto backup = complete({"db", "backup", fx.backups() + "/ol"});
    CHECK(backup.values.empty());
    CHECK(sorted(backup.calls) == "_files ");
    auto handle = complete({"client", "show", fx.backups() + "/ol"});
    CHECK(handle.values.empty());
    CHECK(handle.calls.empty());
}

// --- fish --------------------------------------------------------------------------------

Offer complete_fish(const Fixture& fx, const std::string& line) {
    ProcessResult r = run_process({"fish", "--no-config", "-c", "source $argv[1]; and complete -C $argv[2]",
                                   script("slash.fish").string(), line},
                                  fx.env);
    INFO("fish, line \"" << line << "\"\nstdout:\n" << r.out << "stderr:\n" << r.err);
    CHECK(r.code == 0);
    CHECK(r.err == "");
    Offer offer;
    for (const auto& entry : lines_of(r.out)) {
        if (entry.empty()) continue;
        auto tab = entry.find('\t');
        offer.values.push_back(entry.substr(0, tab));
        if (tab != std::string::npos) offer.descriptions[entry.substr(0, tab)] = entry.substr(tab + 1);
    }
    return offer;
}

}  // namespace

TEST_CASE("cli/completion scripts: bash, with bash-completion loaded") {
    if (!slash::testing::have_program("bash")) {
        MESSAGE("skipped: install bash");
        return;
    }
    if (!fs::exists(kBashCompletion)) {
        MESSAGE("skipped: install bash-completion");
        return;
    }
    check_bash(true);
}

TEST_CASE("cli/completion scripts: bash, without bash-completion") {
    if (!slash::testing::have_program("bash")) {
        MESSAGE("skipped: install bash");
        return;
    }
    check_bash(false);
}

TEST_CASE("cli/completion scripts: zsh, sourced after compinit") {
    if (!slash::testing::have_program("zsh")) {
        MESSAGE("skipped: install zsh");
        return;
    }
    check_zsh("source");
}

TEST_CASE("cli/completion scripts: zsh, autoloaded from fpath") {
    if (!slash::testing::have_program("zsh")) {
        MESSAGE("skipped: install zsh");
        return;
    }
    check_zsh("fpath");
}

TEST_CASE("cli/completion scripts: fish") {
    if (!slash::testing::have_program("fish")) {
        MESSAGE("skipped: install fish");
        return;
    }
    Fixture fx;
    auto values = [&](const std::string& line) {
        INFO("line: " << line);
        return sorted(complete_fish(fx, line).values);
    };
    CHECK(values("slash cl") == "client");
    CHECK(values("slash client ") == "add archive edit list lookup rm show unarchive");
    CHECK(values("slash client unarchive a") == "acme.old");
    CHECK(values("slash client show dev_shop.") == "dev_shop.io-2");
    CHECK(values("slash client add --na") == "--name");
    CHECK(values("slash completion ") == "bash fish zsh");
    CHECK(values("slash --db " + fx.other_db() + " client show ") == "zeta");
    CHECK(values("slash --db '" + fx.other_db() + "' client show ") == "zeta");
    // fish matches candidates against the whole token, "--flag=" included.
    CHECK(values("slash client add --language=") == "--language=en --language=fr");
    CHECK(values("slash db backup " + fx.backups() + "/ol") ==
          fx.backups() + "/old.db " + fx.backups() + "/older.db");
    CHECK(values("slash client show " + fx.backups() + "/ol") == "");

    auto acme = complete_fish(fx, "slash client show a");
    CHECK(sorted(acme.values) == "acme acme-labs");
    CHECK(acme.descriptions["acme"] == "ACME SAS");
    CHECK(acme.descriptions["acme-labs"] == "Labs");
}

TEST_CASE("cli/completion scripts: stay silent when slash is not on PATH") {
    if (fs::exists("/usr/bin/slash") || fs::exists("/bin/slash")) {
        MESSAGE("skipped: a slash is installed in /usr/bin or /bin");
        return;
    }
    Fixture fx;
    fx.env["PATH"] = "/usr/bin:/bin";
    if (slash::testing::have_program("bash")) {
        INFO("bash");
        CHECK(complete_bash(fx, "slash client show a", fs::exists(kBashCompletion)).values.empty());
    }
    if (slash::testing::have_program("zsh")) {
        INFO("zsh");
        CHECK(complete_zsh(fx, "source", {"slash", "client", "show", "a"}).values.empty());
    }
    if (slash::testing::have_program("fish")) {
        INFO("fish");
        CHECK(complete_fish(fx, "slash client show a").values.empty());
    }
}

TEST_CASE("cli/completion scripts: `slash completion SHELL` prints completions/ byte for byte") {
    for (const auto& [shell, file] : std::map<std::string, std::string>{
             {"bash", "slash.bash"}, {"zsh", "_slash"}, {"fish", "slash.fish"}}) {
        INFO("slash completion " << shell);
        auto r = run_process({slash::testing::slash_binary(), "completion", shell});
        CHECK(r.code == 0);
        CHECK(r.err == "");
        std::string expected = slash::testing::read_file(script(file));
        CHECK(!expected.empty());
        CHECK(r.out == expected);
    }
}
