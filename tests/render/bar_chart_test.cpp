#include <doctest/doctest.h>

#include "slash/render/bar_chart.hpp"

using slash::render::Bar;
using slash::render::bar_chart;
using slash::render::ChartOptions;

TEST_CASE("bar chart: bars scale to the largest value, labels pad by display width") {
    ChartOptions options;
    options.width = 8;
    const std::string chart = bar_chart({{"acme", 80, "8h"}, {"émile", 40, "4h"}, {"zero", 0, "0h"}}, options);
    CHECK(chart ==
          "acme   ████████ 8h\n"
          "émile  ████     4h\n"
          "zero            0h\n");
}

TEST_CASE("bar chart: eighth blocks give a partial column") {
    ChartOptions options;
    options.width = 2;
    // 3/16 of the scale on 2 columns = 3 eighths of a column.
    CHECK(bar_chart({{"a", 16, "x"}, {"b", 3, "y"}}, options) ==
          "a  ██ x\n"
          "b  ▍  y\n");
}

TEST_CASE("bar chart: ASCII rounds to whole columns but never hides a non-zero value") {
    ChartOptions options;
    options.width = 4;
    options.ascii = true;
    CHECK(bar_chart({{"a", 100, "100"}, {"b", 1, "1"}, {"c", 0, "0"}}, options) ==
          "a  #### 100\n"
          "b  #    1\n"
          "c       0\n");
}

TEST_CASE("bar chart: a marker past the bar's end shows the limit, scale includes it") {
    ChartOptions options;
    options.width = 4;
    options.ascii = true;
    CHECK(bar_chart({{"w1", 20, "20/40", 40}, {"w2", 60, "60/40", 40}}, options) ==
          "w1  #  | 20/40\n"
          "w2  #### 60/40\n");
    ChartOptions unicode;
    unicode.width = 4;
    unicode.scale_max = 40;
    CHECK(bar_chart({{"w", 10, "", 40}}, unicode) == "w  █   │\n");
    // A marker at the scale's end still leaves a space before the value.
    CHECK(bar_chart({{"w", 10, "10/40", 40}}, unicode) == "w  █   │ 10/40\n");
}

TEST_CASE("bar chart: no bars, no text") {
    CHECK(bar_chart({}, ChartOptions{}).empty());
}
