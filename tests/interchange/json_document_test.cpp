#include <doctest/doctest.h>

#include "slash/domain/error.hpp"
#include "slash/interchange/json_document.hpp"

using slash::interchange::JsonValue;
using slash::interchange::parse_json_document;

TEST_CASE("interchange/json document: objects, arrays, strings and numbers as written") {
    auto v = parse_json_document(R"({"a":"x\u00e9","n":-12.50e3,"list":[1,true,null,{"k":"v"}],"o":{}})", "test");
    REQUIRE(v.kind == JsonValue::Kind::Object);
    CHECK(v.keys == std::vector<std::string>{"a", "n", "list", "o"});
    CHECK(v.text_of("a") == "xé");
    CHECK(v.text_of("n") == "-12.50e3");
    const JsonValue* list = v.find("list");
    REQUIRE(list != nullptr);
    REQUIRE(list->items.size() == 4);
    CHECK(list->items[1].kind == JsonValue::Kind::Bool);
    CHECK(list->items[2].kind == JsonValue::Kind::Null);
    CHECK(list->items[3].text_of("k") == "v");
    CHECK(v.text_of("list").empty());
    CHECK(v.find("missing") == nullptr);
    CHECK(list->find("k") == nullptr);
}

TEST_CASE("interchange/json document: one value only, and the reader's errors") {
    CHECK_THROWS_WITH_AS(parse_json_document("{} {}", "answer"), "answer line 1: unexpected '{' after the end of the JSON value", slash::Error);
    CHECK_THROWS_AS(parse_json_document("{\"a\":", "answer"), slash::Error);
    CHECK_THROWS_AS(parse_json_document("<html>", "answer"), slash::Error);
}
