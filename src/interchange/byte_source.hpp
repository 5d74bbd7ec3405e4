#pragma once

#include <istream>
#include <memory>
#include <streambuf>
#include <string>
#include <vector>

namespace slash::interchange {

/// The bytes of an input, one at a time, with the physical line each one is on: what the
/// JSON and CSV readers share. Reads the stream buffer directly (no per-byte sentry) and
/// holds nothing but a three-byte look-back for the byte order mark.
class ByteSource {
  public:
    static constexpr int kEnd = std::char_traits<char>::eof();

    /// Skips a UTF-8 byte order mark at the start: Excel and Windows tools write one, and
    /// it is no part of the first column's name.
    explicit ByteSource(std::istream& in, long first_line = 1);

    /// The next byte (0-255) without taking it, or kEnd.
    [[nodiscard]] int peek();
    /// Takes the next byte (0-255), or kEnd. A line ends after LF, after CR LF and after a
    /// lone CR (old Mac files), so that line numbers match what an editor shows.
    int get();
    /// The line the next byte is on, from 1.
    [[nodiscard]] long line() const { return line_; }

    enum class LineRead { Line, End, TooLong };
    /// Takes the bytes up to the next LF, which it takes too, into `line` (a CR before
    /// the LF stays there); End when the input has no byte left, TooLong (the rest of the
    /// line unread) past `max` bytes. The lines it takes count as get() counts them. The
    /// line-based readers' way through a large file: the stream buffer's own line search
    /// rather than a call per byte.
    LineRead read_line(std::string& line, std::size_t max);

  private:
    std::streambuf* buffer_;
    std::string pending_;  ///< bytes read while looking for a BOM that was not there
    long line_;
    std::unique_ptr<std::istream> lines_;  ///< read_line's view of buffer_, made at its first call
    std::vector<char> line_buffer_;
};

}  // namespace slash::interchange
