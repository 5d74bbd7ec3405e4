#include "screen.hpp"

#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <ostream>

#include "slash/services/files.hpp"

namespace slash::cli {

namespace {

// Runs `command` with sh, `text` on its stdin, the terminal as its stdout; waits for it.
// False when it could not be started (the caller then prints the text itself).
bool run_pager(const std::string& command, const std::string& text) {
    int fds[2];
    if (::pipe(fds) != 0) return false;
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        return false;
    }
    if (pid == 0) {
        ::dup2(fds[0], STDIN_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        // What git gives less: quit when it fits (F), colours (R), no screen clearing (X).
        ::setenv("LESS", "FRX", 0);
        ::setenv("LV", "-c", 0);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[0]);
    // The reader quitting early (q in less) is no error: stop writing, quietly.
    services::feed_pipe(fds[1], text);
    // Ctrl-C belongs to the pager (less uses it to stop a search), not to slash.
    struct sigaction ignore {}, previous_int {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGINT, &ignore, &previous_int);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    ::sigaction(SIGINT, &previous_int, nullptr);
    return true;
}

}  // namespace

Screen::Screen(const Environment& env, std::ostream& out)
    : out_(out), holding_(env.stdout_is_tty && env.terminal_rows > 0), rows_(env.terminal_rows) {}

Screen::~Screen() {
    if (holding_) out_ << held_.str();
}

void Screen::show(const std::function<std::string()>& pager) {
    if (!holding_) return;
    holding_ = false;
    const std::string text = held_.str();
    held_.str(std::string());
    const auto lines = std::count(text.begin(), text.end(), '\n');
    if (lines >= rows_) {
        const std::string command = pager();
        if (!command.empty()) {
            out_.flush();
            if (run_pager(command, text)) return;
        }
    }
    out_ << text;
}

std::string pager_command(const Environment& env, bool no_pager, const std::string& configured) {
    if (no_pager) return {};
    std::string command = "less -FRX";
    if (!configured.empty()) {
        command = configured;
    } else if (auto found = env.variables.find("PAGER"); found != env.variables.end()) {
        command = found->second;
    }
    return command == "cat" ? std::string() : command;
}

}  // namespace slash::cli
