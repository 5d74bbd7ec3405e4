#pragma once

// Terminal columns of text, for aligning tables: Unicode's widths through the domain's one
// UTF-8 decoder (domain/utf8.hpp), so accents, CJK names and emoji line up.

#include "slash/domain/utf8.hpp"

namespace slash::render {

using domain::code_point_width;
using domain::display_width;

}  // namespace slash::render
