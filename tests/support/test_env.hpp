#pragma once

#include <filesystem>
#include <initializer_list>
#include <map>
#include <string>
#include <vector>

#include "slash/cli/environment.hpp"
#include "support/process.hpp"

namespace slash::testing {

/// What one command line did: exit status and both streams.
struct Result {
    int code = -1;
    std::string out;
    std::string err;
};

/// A throw-away workspace: a temp directory holding the config and the database, a fixed
/// clock, no terminal. `run` calls slash::cli::run in-process; the directory is removed
/// on destruction.
class Workspace {
public:
    Workspace();
    Workspace(const Workspace&) = delete;
    Workspace& operator=(const Workspace&) = delete;
    ~Workspace();

    Result run(std::vector<std::string> args, const std::string& input = "");
    Result run(std::initializer_list<const char*> args, const std::string& input = "");
    /// Runs `script` with sh and this workspace's environment, the real binary's path in
    /// $SLASH: for the pipelines users write (`"$SLASH" entry list -q | xargs ...`).
    ProcessResult shell(const std::string& script) const;

    [[nodiscard]] const std::filesystem::path& dir() const { return dir_; }
    [[nodiscard]] std::filesystem::path db_path() const { return dir_ / "slash.db"; }
    [[nodiscard]] std::filesystem::path config_path() const { return dir_ / "config.toml"; }
    /// The environment `run` uses; tests may change it (TTY flags, variables).
    cli::Environment env;

    /// `sqlite3 db .dump`-like text of every table, to check that a refused command left
    /// the data exactly as it was.
    [[nodiscard]] std::string dump();

private:
    std::filesystem::path dir_;
};

/// A refused command: checks (doctest CHECKs) its exact exit code, its one-line message
/// `slash: error: MESSAGE`, no stdout, and the database left exactly as it was.
void expect_refusal(Workspace& ws, std::vector<std::string> args, int code, const std::string& message);

/// A fresh temp directory path (created), unique per call.
std::filesystem::path make_temp_dir(const std::string& prefix);

/// Reads a whole file; empty when missing.
std::string read_file(const std::filesystem::path& path);

}  // namespace slash::testing
