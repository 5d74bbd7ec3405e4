#pragma once

#include <cstdint>
#include <string>

namespace slash::interchange {

/// Checks UTF-8 one byte at a time, as a streaming reader gets it: the same rules as
/// domain::is_valid_utf8 (no stray continuation bytes, no overlong forms, no surrogates,
/// nothing above U+10FFFF), without holding the text.
class Utf8Checker {
  public:
    /// False when `byte` cannot come next in well-formed UTF-8.
    [[nodiscard]] bool feed(unsigned char byte);
    /// True between characters: a sequence cut short by the end of a field is invalid.
    [[nodiscard]] bool complete() const { return remaining_ == 0; }
    /// The byte to name in the message when `feed` refused an ASCII byte or `complete` is
    /// false: the lead byte of the sequence that was cut short.
    [[nodiscard]] unsigned char lead() const { return lead_; }
    void reset() { remaining_ = 0; }

  private:
    bool expect(int continuations, unsigned char low, unsigned char high);

    int remaining_ = 0;
    unsigned char lead_ = 0;
    unsigned char low_ = 0x80, high_ = 0xBF;  ///< the range of the next continuation byte
};

/// Appends the UTF-8 form of a Unicode scalar value (not a surrogate, at most U+10FFFF).
void append_utf8(std::string& out, std::uint32_t code_point);

/// "invalid UTF-8 (byte 0xff); save the file as UTF-8".
[[nodiscard]] std::string invalid_utf8_reason(unsigned char byte);

}  // namespace slash::interchange
