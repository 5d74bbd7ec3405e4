#include "slash/cli/checked_output.hpp"

#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <ostream>

#include <fmt/format.h>

#include "slash/domain/error.hpp"

namespace slash::cli {

FdOutputBuffer::FdOutputBuffer(int fd, bool closed_pipe_is_fatal) : fd_(fd), closed_pipe_is_fatal_(closed_pipe_is_fatal) {
    setp(buffer_.data(), buffer_.data() + buffer_.size());
}

FdOutputBuffer::~FdOutputBuffer() { drain(); }

bool FdOutputBuffer::write_all(const char* data, std::size_t size) {
    if (error_ != 0) return false;
    while (size > 0) {
        const ssize_t written = ::write(fd_, data, size);
        if (written < 0) {
            if (errno == EINTR) continue;
            error_ = errno;
            if (error_ == EPIPE && closed_pipe_is_fatal_) {
                std::signal(SIGPIPE, SIG_DFL);
                std::raise(SIGPIPE);
            }
            return false;
        }
        data += written;
        size -= static_cast<std::size_t>(written);
    }
    return true;
}

bool FdOutputBuffer::drain() {
    const auto pending = static_cast<std::size_t>(pptr() - pbase());
    setp(buffer_.data(), buffer_.data() + buffer_.size());
    return write_all(buffer_.data(), pending);
}

FdOutputBuffer::int_type FdOutputBuffer::overflow(int_type ch) {
    if (!drain()) return traits_type::eof();
    if (traits_type::eq_int_type(ch, traits_type::eof())) return traits_type::not_eof(ch);
    *pptr() = traits_type::to_char_type(ch);
    pbump(1);
    return ch;
}

std::streamsize FdOutputBuffer::xsputn(const char* data, std::streamsize size) {
    const auto room = static_cast<std::streamsize>(epptr() - pptr());
    if (size <= room) {
        std::memcpy(pptr(), data, static_cast<std::size_t>(size));
        pbump(static_cast<int>(size));
        return size;
    }
    // Larger than the room left: what is buffered, then this, straight through.
    if (!drain() || !write_all(data, static_cast<std::size_t>(size))) return 0;
    return size;
}

int FdOutputBuffer::sync() { return drain() ? 0 : -1; }

void check_written(std::ostream& out, const std::string& name) {
    out.flush();
    if (out) return;
    int reason = EIO;
    if (const auto* buffer = dynamic_cast<const FdOutputBuffer*>(out.rdbuf()); buffer && buffer->error() != 0) {
        reason = buffer->error();
    }
    throw Error(ErrorKind::Storage, fmt::format("writing {}: {}", name, std::strerror(reason)));
}

}  // namespace slash::cli
