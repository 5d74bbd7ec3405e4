// Handing a message to the local MTA: `[mail] sendmail` run by sh, the message on its
// stdin, as git send-email and mutt do.

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <fmt/format.h>
#include <memory>

#include "slash/domain/error.hpp"
#include "slash/domain/quote.hpp"
#include "slash/services/files.hpp"
#include "slash/services/mail.hpp"

namespace slash::services {

namespace {

// What the command said, for the one-line error: its first non-empty line of output.
std::string first_line(std::FILE* file) {
    std::rewind(file);
    std::string text;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = std::fread(buffer, 1, sizeof buffer, file)) > 0 && text.size() < 65536) text.append(buffer, n);
    std::size_t start = 0;
    while (start < text.size()) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        auto line = text.substr(start, end - start);
        while (!line.empty() && (line.back() == '\r' || line.back() == ' ')) line.pop_back();
        if (!line.empty()) return line;
        start = end + 1;
    }
    return "";
}

[[noreturn]] void failed(const std::string& command, const std::string& how, std::FILE* output) {
    auto said = output ? first_line(output) : std::string();
    throw Error(ErrorKind::Failure, fmt::format("the mail command {} {}{}{}; nothing was recorded (set it with slash "
                                                "config set mail.sendmail ...)",
                                                domain::quoted(command), how, said.empty() ? "" : ": ", said));
}

}  // namespace

void pipe_to_command(const std::string& command, std::string_view input) {
    // The command's stdout and stderr go to an anonymous file, read back for the error:
    // a pipe would need a second reader while the message is written.
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> output(std::tmpfile(), &std::fclose);
    if (!output) failed(command, "could not be started (no temporary file)", nullptr);
    int fds[2];
    if (::pipe(fds) != 0) failed(command, "could not be started (no pipe)", nullptr);
    std::fflush(nullptr);
    const pid_t pid = ::fork();
    if (pid < 0) {
        ::close(fds[0]);
        ::close(fds[1]);
        failed(command, "could not be started (fork failed)", nullptr);
    }
    if (pid == 0) {
        ::dup2(fds[0], STDIN_FILENO);
        ::close(fds[0]);
        ::close(fds[1]);
        ::dup2(::fileno(output.get()), STDOUT_FILENO);
        ::dup2(::fileno(output.get()), STDERR_FILENO);
        ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
        ::_exit(127);
    }
    ::close(fds[0]);
    // A command that exits without reading everything is judged by its exit status, not
    // by a SIGPIPE that would kill slash.
    const std::size_t left = feed_pipe(fds[1], input);
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    if (WIFSIGNALED(status)) failed(command, fmt::format("was killed by signal {}", WTERMSIG(status)), output.get());
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        failed(command, fmt::format("failed (exit {})", WEXITSTATUS(status)), output.get());
    }
    if (left > 0) failed(command, "did not read the whole message", output.get());
}

}  // namespace slash::services
