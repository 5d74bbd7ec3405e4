#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "writer_test_support.hpp"

using namespace slash;
using slash::interchange::ExportEntry;
using slash::testing::finished;

namespace {

std::string jsonl(const std::vector<ExportEntry>& entries) {
    return testing::written(interchange::ExportFormat::Jsonl, entries);
}

}  // namespace

TEST_CASE("jsonl writer: one compact object per line, keys in order, local offsets") {
    CHECK(jsonl({finished()}) ==
          R"({"uid":"e1","start":"2026-11-02T09:00:00+01:00","end":"2026-11-02T10:30:00+01:00",)"
          R"("client":"acme","mission":"website","units":"2.5","billable":true,"tags":["a","b"],)"
          R"("note":"fix the header"})"
          "\n");
}

TEST_CASE("jsonl writer: a running entry has a null end, and absent units are null") {
    CHECK(jsonl({testing::bare_running()}) ==
          R"({"uid":"e1","start":"2026-11-02T09:00:00+01:00","end":null,"client":"acme",)"
          R"("mission":"website","units":null,"billable":false,"tags":[],"note":""})"
          "\n");
}

TEST_CASE("jsonl writer: units are the shortest exact decimal") {
    const std::pair<std::int64_t, const char*> cases[] = {
        {0, "0"},      {1, "0.001"}, {10, "0.01"},  {1250, "1.25"},
        {2500, "2.5"}, {3000, "3"},  {10000, "10"},
    };
    for (const auto& [milli, text] : cases) {
        ExportEntry entry = finished();
        entry.units_milli = milli;
        CAPTURE(milli);
        CHECK(jsonl({entry}).find(std::string(",\"units\":\"") + text + "\",") !=
              std::string::npos);
    }
}

TEST_CASE("jsonl writer: escapes quotes, backslashes and control characters, keeps UTF-8") {
    ExportEntry entry = finished();
    entry.note = "say \"hi\" \\ a\nb\rc\td\x01 \x1f été 東京";
    std::string line = jsonl({entry});
    CHECK(line.substr(line.find("\"note\":")) ==
          R"("note":"say \"hi\" \\ a\nb\rc\td\u0001 \u001f été 東京"})"
          "\n");
}

TEST_CASE("jsonl writer: several entries, one line each, nothing after finish") {
    ExportEntry second = finished();
    second.uid = "e2";
    std::string text = jsonl({finished(), second});
    std::size_t newline = text.find('\n');
    CHECK(text.substr(0, newline + 1) == jsonl({finished()}));
    CHECK(text.substr(newline + 1) == jsonl({second}));
    CHECK(jsonl({}).empty());
}
