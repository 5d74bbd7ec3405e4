#include "support/pty.hpp"

#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <stdexcept>

namespace slash::testing {

PtyProcess::PtyProcess(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                       unsigned short columns, unsigned short rows) {
    std::vector<std::string> entries;
    if (!env.count("PATH")) entries.push_back(std::string("PATH=") + (std::getenv("PATH") ? std::getenv("PATH") : "/usr/bin:/bin"));
    for (const auto& [name, value] : env) entries.push_back(name + "=" + value);
    std::vector<char*> c_env;
    for (auto& entry : entries) c_env.push_back(entry.data());
    c_env.push_back(nullptr);
    std::vector<std::string> args = argv;
    std::vector<char*> c_argv;
    for (auto& arg : args) c_argv.push_back(arg.data());
    c_argv.push_back(nullptr);
    winsize size{};
    size.ws_col = columns;
    size.ws_row = rows;
    pid_ = ::forkpty(&master_, nullptr, nullptr, &size);
    if (pid_ < 0) throw std::runtime_error("forkpty failed");
    if (pid_ == 0) {
        // The test runner may ignore or block these; a person's shell does not.
        ::signal(SIGINT, SIG_DFL);
        ::signal(SIGPIPE, SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        ::sigprocmask(SIG_SETMASK, &none, nullptr);
        ::execve(c_argv[0], c_argv.data(), c_env.data());
        ::_exit(127);
    }
}

PtyProcess::~PtyProcess() {
    if (pid_ > 0) {
        ::kill(pid_, SIGKILL);
        ::waitpid(pid_, nullptr, 0);
    }
    if (master_ >= 0) ::close(master_);
}

bool PtyProcess::read_some(int timeout_ms) {
    pollfd fd{master_, POLLIN, 0};
    const int ready = ::poll(&fd, 1, timeout_ms);
    if (ready <= 0) return ready == 0;  // a timeout is not the end
    char buffer[4096];
    const ssize_t n = ::read(master_, buffer, sizeof buffer);
    if (n < 0 && errno == EINTR) return true;
    if (n <= 0) return false;  // EIO: the terminal's last process has gone
    raw_.append(buffer, static_cast<std::size_t>(n));
    return true;
}

bool PtyProcess::wait_for(const std::string& text, std::chrono::milliseconds timeout) {
    const auto until = std::chrono::steady_clock::now() + timeout;
    while (output().find(text) == std::string::npos) {
        const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        if (!read_some(static_cast<int>(left.count()))) return output().find(text) != std::string::npos;
    }
    return true;
}

void PtyProcess::type(const std::string& bytes) {
    if (::write(master_, bytes.data(), bytes.size()) != static_cast<ssize_t>(bytes.size())) {
        throw std::runtime_error("cannot type at the terminal");
    }
}

int PtyProcess::finish() {
    while (read_some(60000)) {
    }
    int status = 0;
    ::waitpid(pid_, &status, 0);
    pid_ = -1;
    return WIFSIGNALED(status) ? 128 + WTERMSIG(status) : WEXITSTATUS(status);
}

std::string PtyProcess::output() const {
    std::string text;
    text.reserve(raw_.size());
    for (std::size_t i = 0; i < raw_.size(); ++i) {
        if (raw_[i] == '\r' && i + 1 < raw_.size() && raw_[i + 1] == '\n') continue;
        text += raw_[i];
    }
    return text;
}

PtyResult run_on_pty(const std::vector<std::string>& argv, const std::map<std::string, std::string>& env,
                     unsigned short columns, unsigned short rows) {
    PtyProcess process(argv, env, columns, rows);
    PtyResult result;
    result.code = process.finish();
    result.output = process.output();
    return result;
}

}  // namespace slash::testing
