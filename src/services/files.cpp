#include "slash/services/files.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <string>

#include <fmt/format.h>

#include "slash/domain/error.hpp"

namespace slash::services {

namespace fs = std::filesystem;

std::size_t feed_pipe(int fd, std::string_view data) {
    struct sigaction ignore {}, previous {};
    ignore.sa_handler = SIG_IGN;
    ::sigaction(SIGPIPE, &ignore, &previous);
    const char* next = data.data();
    std::size_t left = data.size();
    while (left > 0) {
        const ssize_t written = ::write(fd, next, left);
        if (written < 0 && errno == EINTR) continue;
        if (written <= 0) break;
        next += written;
        left -= static_cast<std::size_t>(written);
    }
    ::close(fd);
    ::sigaction(SIGPIPE, &previous, nullptr);
    return left;
}

namespace {

[[noreturn]] void fail(const std::string& what, const fs::path& path) {
    throw Error(ErrorKind::Failure, fmt::format("cannot {} \"{}\": {}", what, path.string(), std::strerror(errno)));
}

// A write that failed half-way (a full disk, a file size limit): exit 6, as for stdout
// (docs/contract.md §6). The temporary file is gone by then, so the target is whole or absent.
[[noreturn]] void fail_write(const fs::path& path) {
    throw Error(ErrorKind::Storage, fmt::format("writing \"{}\": {}", path.string(), std::strerror(errno)));
}

}  // namespace

void create_private_directories(const fs::path& dir) {
    if (dir.empty() || fs::exists(dir)) return;
    create_private_directories(dir.parent_path());
    if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST) fail("create directory", dir);
}

void write_file_atomically(const fs::path& link_or_path, std::string_view content, unsigned mode) {
    // A config kept in a dotfiles repository is often a symlink: replace the file it
    // points to, not the link.
    std::error_code ec;
    fs::path path = fs::is_symlink(link_or_path, ec) ? fs::weakly_canonical(link_or_path, ec) : link_or_path;
    if (path.empty()) path = link_or_path;
    struct stat existing {};
    if (::stat(path.c_str(), &existing) == 0) mode = existing.st_mode & 07777;
    fs::path temp = path;
    temp += fmt::format(".tmp-{}", ::getpid());
    int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, static_cast<mode_t>(mode));
    if (fd < 0) fail_write(path);
    const char* data = content.data();
    std::size_t left = content.size();
    while (left > 0) {
        ssize_t written = ::write(fd, data, left);
        if (written < 0) {
            if (errno == EINTR) continue;
            int saved = errno;
            ::close(fd);
            ::unlink(temp.c_str());
            errno = saved;
            fail_write(path);
        }
        data += written;
        left -= static_cast<std::size_t>(written);
    }
    if (::fchmod(fd, static_cast<mode_t>(mode)) != 0 || ::fsync(fd) != 0) {
        int saved = errno;
        ::close(fd);
        ::unlink(temp.c_str());
        errno = saved;
        fail_write(path);
    }
    ::close(fd);
    if (::rename(temp.c_str(), path.c_str()) != 0) {
        int saved = errno;
        ::unlink(temp.c_str());
        errno = saved;
        fail_write(path);
    }
}

void write_output_file(const fs::path& path, std::string_view content, bool replace) {
    std::error_code ec;
    auto dir = path.parent_path().empty() ? fs::path(".") : path.parent_path();
    if (!fs::is_directory(dir, ec)) {
        throw Error(ErrorKind::Usage, fmt::format("cannot write \"{}\": directory \"{}\" does not exist; create it "
                                                  "first",
                                                  path.string(), dir.string()));
    }
    if (fs::is_directory(path, ec)) {
        throw Error(ErrorKind::Usage, fmt::format("cannot write \"{}\": it is a directory", path.string()));
    }
    if (!replace && fs::exists(fs::symlink_status(path, ec))) {
        throw Error(ErrorKind::Conflict,
                    fmt::format("\"{}\" already exists; use --force to replace it", path.string()));
    }
    // A new document gets what the user's umask allows (an invoice holds an IBAN and a
    // client's identity: a umask of 077 keeps it private); a replaced one keeps its mode.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    write_file_atomically(path, content, 0666 & ~static_cast<unsigned>(mask));
}

}  // namespace slash::services
