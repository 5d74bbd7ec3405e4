#pragma once

#include <cstdint>
#include <string>
#include <string_view>

/// E-mail for `slash invoice mail` (slash-invoice(1)): a MIME message (RFC 5322, 2045-2047)
/// with a UTF-8 text body and one attachment, handed to the local sendmail-compatible MTA.
namespace slash::services {

struct MailMessage {
    std::string from_name;     ///< display name, may be UTF-8; empty: the bare address
    std::string from_address;
    std::string to;
    std::string subject;       ///< UTF-8; encoded-words (RFC 2047) when not ASCII
    std::int64_t date = 0;     ///< UTC seconds: the Date header (+0000)
    std::string message_id;    ///< without the angle brackets
    std::string body;          ///< UTF-8 text, lines separated by '\n'
    std::string attachment_name;  ///< ASCII file name, "2026-0001.pdf"
    std::string attachment_type = "application/pdf";
    std::string attachment;       ///< the bytes
    std::string boundary;         ///< must not occur in the encoded parts (base64 and QP never hold "=_")
};

/// The message as the MTA reads it, lines ending in '\n' (the local convention of
/// sendmail -t: the MTA turns them into CRLF on the wire). The body is quoted-printable,
/// the attachment base64 in lines of 76 characters.
[[nodiscard]] std::string mime_message(const MailMessage& message);

/// "=?UTF-8?B?...?=" words (each at most 75 characters) for a header text that is not
/// printable ASCII; the text itself otherwise.
[[nodiscard]] std::string encode_header_text(std::string_view text);

/// RFC 5322 date-time in UTC: "Tue, 08 Dec 2026 00:30:00 +0000".
[[nodiscard]] std::string mail_date(std::int64_t utc);

/// True for one plain address "local@domain" that a header can carry as is: printable
/// ASCII, no space, comma, angle bracket, quote or line break, one '@' with text on both
/// sides.
[[nodiscard]] bool plain_address(std::string_view address);

/// Runs `command` with /bin/sh -c, `input` on its standard input, its output and errors
/// collected; throws Error (exit 1) "COMMAND failed (exit N): FIRST LINE OF ITS STDERR"
/// when it cannot be run or exits non-zero.
void pipe_to_command(const std::string& command, std::string_view input);

}  // namespace slash::services
