#pragma once

#include <sys/types.h>

#include <cstdlib>
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

/// Rounds of a reliability test: `quick` in the ordinary suite (CI), `full` when the
/// environment has SLASH_STRESS=full (`make stress`), the counts issue 8 asks for.
inline int stress_rounds(int quick, int full) {
    const char* stress = std::getenv("SLASH_STRESS");
    return stress != nullptr && std::string(stress) == "full" ? full : quick;
}

/// Path of the slash binary under test.
std::string slash_binary();
/// The source tree (for man pages, completions, examples).
std::string source_dir();

}  // namespace slash::testing
