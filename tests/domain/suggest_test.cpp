#include "slash/domain/suggest.hpp"

#include <doctest/doctest.h>

#include <optional>
#include <string>
#include <vector>

using slash::domain::closest_match;

namespace {

const std::vector<std::string> kClients = {"acme", "globex", "initech", "umbrella", "acme-eu"};

}  // namespace

TEST_SUITE("domain/suggest") {
    TEST_CASE("nothing to match") {
        CHECK(closest_match("", kClients) == std::nullopt);
        CHECK(closest_match("", {"acme"}) == std::nullopt);  // not a prefix of everything
        CHECK(closest_match("acme", {}) == std::nullopt);
        CHECK(closest_match("a", {""}) == std::nullopt);
    }

    TEST_CASE("one slip in a short word") {
        const std::vector<std::pair<std::string, std::string>> cases = {
            {"acem", "acme"},   // adjacent transposition: 1 with OSA, 2 with Levenshtein
            {"acne", "acme"},   // substitution
            {"acmme", "acme"},  // insertion
            {"ACME", "acme"},   // case is ignored, the candidate's spelling is returned
            {"Globex", "globex"},
            {"gloebx", "globex"},  // 6 characters allow 2 edits: one transposition here
            {"initehc", "initech"},
            {"umbrela", "umbrella"},  // deletion
            {"umbelra", "umbrella"},  // 7 characters: deletion + transposition
        };
        for (const auto& [input, expected] : cases) {
            CAPTURE(input);
            CHECK(closest_match(input, kClients) == expected);
        }
    }

    TEST_CASE("too far to be a slip") {
        for (const std::string input : {"xyz", "acmeinc", "unbrelo", "b", "initiative"}) {
            CAPTURE(input);
            CHECK(closest_match(input, kClients) == std::nullopt);
        }
        // One character replaced by another is not a near miss, whatever the threshold.
        // Letters of one candidate in order, from its first, read as an abbreviation ("ls"
        // for "list"), however far by edits.
        CHECK(closest_match("gbx", kClients) == "globex");
        CHECK(closest_match("a", {"b"}) == std::nullopt);
        CHECK(closest_match("ab", {"xb"}) == "xb");
    }

    TEST_CASE("a unique prefix is an abbreviation") {
        CHECK(closest_match("web", {"website", "backend"}) == "website");
        CHECK(closest_match("glob", kClients) == "globex");
        CHECK(closest_match("u", kClients) == "umbrella");
        CHECK(closest_match("WEB", {"website"}) == "website");
        // It beats a candidate at distance 1.
        CHECK(closest_match("web", {"wed", "website"}) == "website");
        // The same name twice is still one.
        CHECK(closest_match("web", {"website", "website"}) == "website");
    }

    TEST_CASE("an ambiguous prefix falls back to distance") {
        CHECK(closest_match("w", {"website", "wiki"}) == std::nullopt);
        CHECK(closest_match("acm", kClients) == "acme");       // "acme" and "acme-eu": distance 1
        CHECK(closest_match("acme-", kClients) == "acme-eu");  // "acme-eu" only
        CHECK(closest_match("wik", {"wikipedia", "wiki"}) == "wiki");
    }

    TEST_CASE("an exact match wins over everything") {
        CHECK(closest_match("acme", kClients) == "acme");
        CHECK(closest_match("wiki", {"wikipedia", "wiki"}) == "wiki");
        CHECK(closest_match("Acme", {"ACME", "acme"}) == "ACME");
    }

    TEST_CASE("ties go to the earliest candidate") {
        CHECK(closest_match("bat", {"cat", "hat"}) == "cat");
        CHECK(closest_match("bat", {"hat", "cat"}) == "hat");
    }
}
