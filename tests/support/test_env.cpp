#include "support/test_env.hpp"

#include <SQLiteCpp/SQLiteCpp.h>
#include <stdlib.h>

#include <fstream>
#include <sstream>

#include <doctest/doctest.h>

#include "slash/cli/run.hpp"

namespace slash::testing {

namespace fs = std::filesystem;

fs::path make_temp_dir(const std::string& prefix) {
    std::string pattern = (fs::temp_directory_path() / (prefix + "-XXXXXX")).string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed");
    return pattern;
}

std::string read_file(const fs::path& path) {
    std::ifstream file(path, std::ios::binary);
    std::ostringstream text;
    text << file.rdbuf();
    return text.str();
}

Workspace::Workspace() : dir_(make_temp_dir("slash-test")) {
    env.variables = {
        {"HOME", (dir_ / "home").string()},
        {"SLASH_DB", db_path().string()},
        {"SLASH_CONFIG", config_path().string()},
        {"SLASH_NOW", "2026-11-28T10:00:00Z"},
        {"TZ", "UTC"},
    };
    env.system_now = 1'800'000'000;
}

Workspace::~Workspace() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
}

Result Workspace::run(std::vector<std::string> args, const std::string& input) {
    std::istringstream in(input);
    std::ostringstream out, err;
    Result result;
    result.code = cli::run(args, in, out, err, env);
    result.out = out.str();
    result.err = err.str();
    return result;
}

Result Workspace::run(std::initializer_list<const char*> args, const std::string& input) {
    return run(std::vector<std::string>(args.begin(), args.end()), input);
}

ProcessResult Workspace::shell(const std::string& script) const {
    std::map<std::string, std::string> variables(env.variables.begin(), env.variables.end());
    variables["SLASH"] = slash_binary();
    return run_process({"sh", "-c", script}, variables);
}

void expect_refusal(Workspace& ws, std::vector<std::string> args, int code, const std::string& message) {
    std::string before = ws.dump();
    auto r = ws.run(std::move(args));
    CHECK(r.code == code);
    CHECK(r.err == "slash: error: " + message + "\n");
    CHECK(r.out == "");
    CHECK(ws.dump() == before);
}

std::string Workspace::dump() {
    if (!fs::exists(db_path())) return "<no database>";
    SQLite::Database db(db_path().string(), SQLite::OPEN_READONLY);
    std::string text = "user_version=" + std::to_string(db.execAndGet("PRAGMA user_version").getInt()) + "\n";
    SQLite::Statement tables(db, "SELECT name, sql FROM sqlite_master ORDER BY name");
    std::vector<std::string> names;
    while (tables.executeStep()) {
        text += tables.getColumn(1).getString() + "\n";
        if (tables.getColumn(1).getString().rfind("CREATE TABLE", 0) == 0) {
            names.push_back(tables.getColumn(0).getString());
        }
    }
    for (const auto& name : names) {
        SQLite::Statement rows(db, "SELECT * FROM \"" + name + "\" ORDER BY rowid");
        while (rows.executeStep()) {
            text += name + ":";
            for (int i = 0; i < rows.getColumnCount(); ++i) {
                text += rows.getColumn(i).isNull() ? "|NULL" : "|" + rows.getColumn(i).getString();
            }
            text += "\n";
        }
    }
    return text;
}

}  // namespace slash::testing
