#include "slash/services/mail.hpp"

#include <doctest/doctest.h>

#include <string>

namespace s = slash::services;

TEST_CASE("services/mail header texts: ASCII as is, else UTF-8 encoded-words of at most 75 characters") {
    CHECK(s::encode_header_text("Invoice 2026-0001") == "Invoice 2026-0001");
    CHECK(s::encode_header_text("Relance \u00e9") == "=?UTF-8?B?UmVsYW5jZSDDqQ==?=");
    // 30 "é" are 60 bytes: a first word of 22 (44 bytes, no character split), then 8.
    std::string long_text;
    for (int i = 0; i < 30; ++i) long_text += "\u00e9";
    auto encoded = s::encode_header_text(long_text);
    auto fold = encoded.find("\n ");
    REQUIRE(fold != std::string::npos);
    CHECK(fold <= 75);
    CHECK(encoded.size() - fold - 2 <= 75);
    CHECK(encoded.find("\n ", fold + 1) == std::string::npos);
}

TEST_CASE("services/mail dates and addresses") {
    CHECK(s::mail_date(0) == "Thu, 01 Jan 1970 00:00:00 +0000");
    CHECK(s::mail_date(1795860000) == "Sat, 28 Nov 2026 10:00:00 +0000");
    CHECK(s::plain_address("ap@acme.example"));
    CHECK_FALSE(s::plain_address("ap@"));
    CHECK_FALSE(s::plain_address("@acme.example"));
    CHECK_FALSE(s::plain_address("a b@acme.example"));
    CHECK_FALSE(s::plain_address("a@b@c"));
    CHECK_FALSE(s::plain_address("a@b.example\nBcc: x@y.example"));
    CHECK_FALSE(s::plain_address("Boss <boss@acme.example>"));
}

TEST_CASE("services/mail the message: headers, a quoted-printable body in lines of at most 76, base64 attachment") {
    s::MailMessage m;
    m.from_name = "Camille \"CM\" Martin";
    m.from_address = "camille@example.org";
    m.to = "ap@acme.example";
    m.subject = "Invoice 2026-0001";
    m.date = 0;
    m.message_id = "1.abc@example.org";
    m.body = std::string(100, 'a') + " =\n\u00e9 end \n";
    m.attachment_name = "2026-0001.pdf";
    m.attachment = "%PDF";
    m.boundary = "=_slash_b";
    CHECK(s::mime_message(m) ==
          "From: \"Camille \\\"CM\\\" Martin\" <camille@example.org>\n"
          "To: ap@acme.example\n"
          "Subject: Invoice 2026-0001\n"
          "Date: Thu, 01 Jan 1970 00:00:00 +0000\n"
          "Message-ID: <1.abc@example.org>\n"
          "MIME-Version: 1.0\n"
          "Content-Type: multipart/mixed; boundary=\"=_slash_b\"\n"
          "\n"
          "This is a MIME message.\n"
          "\n"
          "--=_slash_b\n"
          "Content-Type: text/plain; charset=UTF-8\n"
          "Content-Transfer-Encoding: quoted-printable\n"
          "\n" +
              std::string(75, 'a') + "=\n" + std::string(25, 'a') +
              " =3D\n"
              "=C3=A9 end=20\n"
              "\n"
              "--=_slash_b\n"
              "Content-Type: application/pdf; name=\"2026-0001.pdf\"\n"
              "Content-Disposition: attachment; filename=\"2026-0001.pdf\"\n"
              "Content-Transfer-Encoding: base64\n"
              "\n"
              "JVBERg==\n"
              "\n"
              "--=_slash_b--\n");
}
