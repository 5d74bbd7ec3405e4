#pragma once

#include <string>
#include <string_view>

namespace slash::render {

/// Text as HTML character data or a quoted attribute value. The five characters that can
/// open markup or end an attribute become references; control characters (line breaks
/// included: the callers split lines first) and noncharacters are dropped; bytes that are
/// not UTF-8 become U+FFFD so that the file stays valid UTF-8.
[[nodiscard]] std::string html_escape(std::string_view text);

}  // namespace slash::render
