#include "slash/render/bar_chart.hpp"

#include <algorithm>

#include "text_width.hpp"

namespace slash::render {
namespace {

// U+2588 full block, then U+2589..U+258F: seven eighths down to one eighth.
constexpr const char* kEighths[8] = {"", "▏", "▎", "▍", "▌", "▋", "▊", "▉"};
constexpr const char* kFull = "█";
constexpr const char* kMark = "│";

/// Length in eighths of a column, rounded half up; integer only so that the same data
/// always draws the same bar.
std::int64_t eighths(std::int64_t value, std::int64_t scale, int width) {
    if (value <= 0 || scale <= 0) return 0;
    // Halve both until value × width × 16 cannot overflow; a bar is 1/8 column exact anyway.
    while (scale > (std::int64_t{1} << 40) || value > (std::int64_t{1} << 40)) {
        scale /= 2;
        value /= 2;
    }
    if (scale == 0) return 0;
    return (value * width * 16 + scale) / (scale * 2);
}

std::string draw(const Bar& bar, std::int64_t scale, const ChartOptions& options) {
    std::int64_t length = eighths(bar.value, scale, options.width);
    if (length == 0 && bar.value > 0) length = 1;  // a tiny value still shows
    const std::int64_t full = length / 8;
    std::string out;
    std::int64_t columns = 0;
    if (options.ascii) {
        // ASCII has no partial blocks: round to whole columns, but never hide a non-zero value.
        const std::int64_t whole = std::max<std::int64_t>((length + 4) / 8, length > 0 ? 1 : 0);
        out.append(static_cast<std::size_t>(whole), '#');
        columns = whole;
    } else {
        for (std::int64_t i = 0; i < full; ++i) out += kFull;
        columns = full;
        if (length % 8 != 0) {
            out += kEighths[length % 8];
            ++columns;
        }
    }
    if (bar.marker >= 0) {
        const std::int64_t at = (eighths(bar.marker, scale, options.width) + 4) / 8;
        if (at >= columns) {
            out.append(static_cast<std::size_t>(at - columns), ' ');
            out += options.ascii ? "|" : kMark;
            columns = at + 1;
        }
    }
    // At least one space before the value, even when a marker sits past the last column.
    const std::int64_t room = std::max<std::int64_t>(options.width + 1, columns + 1) - columns;
    out.append(static_cast<std::size_t>(room), ' ');
    return out;
}

}  // namespace

std::string bar_chart(const std::vector<Bar>& bars, const ChartOptions& options) {
    if (bars.empty()) return "";
    std::size_t label_width = 0;
    std::int64_t scale = options.scale_max;
    for (const Bar& bar : bars) {
        label_width = std::max(label_width, display_width(bar.label));
        if (options.scale_max <= 0) scale = std::max({scale, bar.value, bar.marker});
    }
    std::string out;
    for (const Bar& bar : bars) {
        out += bar.label;
        out.append(label_width - display_width(bar.label) + 2, ' ');
        std::string drawn = draw(bar, scale, options);
        out += drawn;
        out += bar.value_text;
        while (!out.empty() && out.back() == ' ') out.pop_back();
        out += '\n';
    }
    return out;
}

}  // namespace slash::render
