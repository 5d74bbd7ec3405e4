#pragma once

#include <cstdint>
#include <string>
#include <vector>

/// Horizontal bars for `report --chart` and `plan --chart`: one line per bar, the label
/// padded to the widest label, the bar scaled to the largest value, then the value text.
namespace slash::render {

struct Bar {
    std::string label;       ///< left column (any UTF-8; padded by display width)
    std::int64_t value = 0;  ///< bar length in any unit (negative values draw nothing)
    std::string value_text;  ///< printed after the bar, e.g. "12.50h" or "1 234.00 EUR"
    /// A mark drawn across the bar at this value (plan: the week's capacity); <0: none.
    std::int64_t marker = -1;
};

struct ChartOptions {
    int width = 40;      ///< columns of the longest bar
    bool ascii = false;  ///< '#' and '|' instead of Unicode blocks
    /// Scale: the value drawn `width` columns long; 0 = the largest value or marker.
    std::int64_t scale_max = 0;
};

/// The chart as text, one '\n'-terminated line per bar; "" for no bars. Unicode bars use
/// full blocks and eighth blocks (U+2588..U+258F), so a bar is exact to 1/8 column; the
/// marker is U+2502 (│) where it falls beyond the bar's end, and the bar is not cut by it.
/// Lengths are integer arithmetic (value × width × 8 / scale, rounded half up).
[[nodiscard]] std::string bar_chart(const std::vector<Bar>& bars, const ChartOptions& options);

}  // namespace slash::render
