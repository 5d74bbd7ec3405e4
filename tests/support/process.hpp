#pragma once

#include <sys/types.h>

#include <map>
#include <string>
#include <vector>

namespace slash::testing {

struct ProcessResult {
    int code = -1;  ///< exit status, or 128+signal
    std::string out;
    std::string err;
};

/// Runs a real program (no shell) with `env` added to this process's environment (a value
/// of "\x01unset" removes a variable), feeding `input` on stdin; captures both streams.
ProcessResult run_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {},
                          const std::string& input = "");

/// Starts a real program (no shell) with `env` added as for run_process, stdin, stdout and
/// stderr on /dev/null, and returns at once with its pid: for tests that signal a process
/// while it works (kill(pid, SIGKILL)). Throws when it cannot be started.
pid_t spawn_process(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env = {});

/// Waits for a process started by spawn_process: its exit status, or 128+signal.
int wait_process(pid_t pid);

/// True when `program` is found on PATH.
bool have_program(const std::string& program);

/// Path of the slash binary under test.
inline std::string slash_binary() { return SLASH_BINARY; }
/// The source tree (for man pages, completions, examples).
inline std::string source_dir() { return SLASH_SOURCE_DIR; }

}  // namespace slash::testing
