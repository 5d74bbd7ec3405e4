#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

/// Invoice numbering (docs/contract.md §5): numbers are unique, increasing and without gaps per
/// series, and every number must pass the French CTC rules on the invoice identifier
/// (BT-1): BR-FR-01, at most 35 characters; BR-FR-02, only A-Z a-z 0-9 - + _ /.
namespace slash::domain {

/// The longest invoice number EN 16931 and BR-FR-01 accept.
inline constexpr std::size_t kMaxInvoiceNumberLength = 35;

/// A checked `[invoice] number_format` such as "{year}-{seq:04}", "F{year}{month}-{seq}",
/// "AV{year}-{seq:03}".
///
/// Tokens: {year} (4 digits), {month} (2 digits), {seq} or {seq:N} (N = 1..9 minimum
/// digits, zero-padded; "{seq:04}" is read as in fmt, the same as "{seq:4}"). Exactly one {seq};
/// any other {...} is refused. Literal text may only use the characters BR-FR-02 allows in an
/// invoice number (A-Z a-z 0-9 - + _ /), so that no issued number can later fail the CTC
/// schematron.
class NumberFormat {
  public:
    /// Throws Error(Usage) naming the format, e.g. `invalid number format "X": it needs
    /// {seq} ...`, for a missing or repeated {seq}, an unknown or unclosed placeholder, a
    /// forbidden character, or a format whose shortest number is over 35 characters.
    [[nodiscard]] static NumberFormat parse(std::string_view text);

    /// The number for a sequence value on a date. `year` must be 1..9999, `month` 1..12 and
    /// `seq` at least 1 (std::invalid_argument otherwise: the caller's bug). Throws
    /// Error(Usage) if the result is longer than 35 characters (EN 16931/BR-FR-01).
    [[nodiscard]] std::string render(int year, int month, std::int64_t seq) const;

    /// The series a number belongs to: the rendered text with the sequence left out, so
    /// that numbering restarts when the year (or month) in the format changes and is
    /// gapless within a series ("2026-" for "{year}-{seq:04}" in 2026).
    [[nodiscard]] std::string series(int year, int month) const;

    /// The format as it was parsed.
    [[nodiscard]] const std::string& text() const;

  private:
    enum class PartKind { Literal, Year, Month, Seq };
    struct Part {
        PartKind kind = PartKind::Literal;
        std::string literal;  ///< for Literal
        int width = 1;        ///< minimum digits for Seq
    };

    NumberFormat(std::string text, std::vector<Part> parts);
    [[nodiscard]] std::string expand(int year, int month, const std::string& seq_text) const;

    std::string text_;
    std::vector<Part> parts_;
};

}  // namespace slash::domain
