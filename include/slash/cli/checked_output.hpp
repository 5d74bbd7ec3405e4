#pragma once

#include <array>
#include <iosfwd>
#include <streambuf>
#include <string>

namespace slash::cli {

/// A stream buffer over a file descriptor (stdout, a pager's pipe) that keeps the reason
/// a write failed, so that a full disk is reported as "No space left on device" instead of
/// a bare stream error (docs/contract.md §6). After a failure it drops everything: the
/// stream goes bad and the command reports the failure when it finishes.
class FdOutputBuffer final : public std::streambuf {
  public:
    /// `closed_pipe_is_fatal`: a write to a pipe nobody reads (EPIPE, when SIGPIPE is
    /// ignored by whoever started slash) ends the process by SIGPIPE, quietly, as git and
    /// every filter do; off in tests, which run in-process.
    explicit FdOutputBuffer(int fd, bool closed_pipe_is_fatal = false);
    FdOutputBuffer(const FdOutputBuffer&) = delete;
    FdOutputBuffer& operator=(const FdOutputBuffer&) = delete;
    ~FdOutputBuffer() override;

    /// errno of the first failed write; 0 while every write has succeeded.
    [[nodiscard]] int error() const { return error_; }

  protected:
    int_type overflow(int_type ch) override;
    std::streamsize xsputn(const char* data, std::streamsize size) override;
    int sync() override;

  private:
    bool write_all(const char* data, std::size_t size);
    bool drain();

    int fd_;
    bool closed_pipe_is_fatal_;
    int error_ = 0;
    std::array<char, 8192> buffer_{};
};

/// Flushes `out` and throws Error (exit 6) when a write to it failed:
/// "writing standard output: No space left on device". The reason comes from an
/// FdOutputBuffer; any other failing stream says "Input/output error".
void check_written(std::ostream& out, const std::string& name = "standard output");

}  // namespace slash::cli
