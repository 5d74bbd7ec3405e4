#pragma once

#include <sys/types.h>

#include <chrono>
#include <map>
#include <string>
#include <vector>

namespace slash::testing {

/// A program on a real pseudo-terminal (forkpty), for what only a terminal shows: table
/// widths, the pager, progress lines, Ctrl-C. The child gets only `env` (plus PATH) and a
/// terminal of `columns` x `rows`; 0 x 0 is a terminal that does not say its size. Its
/// stdout and stderr both go to the terminal, as for a person at it.
class PtyProcess {
  public:
    PtyProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
               unsigned short columns, unsigned short rows);
    PtyProcess(const PtyProcess&) = delete;
    PtyProcess& operator=(const PtyProcess&) = delete;
    /// Kills the program if it still runs.
    ~PtyProcess();

    /// Reads until `text` is in the output or `timeout` has passed; true when it is.
    bool wait_for(const std::string& text, std::chrono::milliseconds timeout);
    /// Types `bytes` at the terminal: "\x03" is Ctrl-C.
    void type(const std::string& bytes);
    /// Reads to the end; the exit status, or 128+signal.
    int finish();
    /// What the terminal showed so far, "\r\n" as "\n".
    [[nodiscard]] std::string output() const;

  private:
    bool read_some(int timeout_ms);

    pid_t pid_ = -1;
    int master_ = -1;
    std::string raw_;
};

/// Runs a program on a pseudo-terminal to its end: exit status and what it showed.
struct PtyResult {
    int code = -1;
    std::string output;
};
PtyResult run_on_pty(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                     unsigned short columns, unsigned short rows);

}  // namespace slash::testing
