#include "openapi_check.hpp"

#include <algorithm>
#include <regex>

#include "slash/interchange/json_document.hpp"
#include "support/test_env.hpp"

namespace slash::testing {

namespace {

using interchange::JsonValue;

struct Checker {
    const JsonValue& schemas;
    std::vector<std::string> problems;

    const JsonValue& resolve(const JsonValue& schema) {
        const std::string ref = schema.text_of("$ref");
        if (ref.empty()) return schema;
        const std::string prefix = "#/components/schemas/";
        const JsonValue* target = schemas.find(ref.substr(prefix.size()));
        if (target == nullptr) {
            problems.push_back("unresolved " + ref);
            return schema;
        }
        return resolve(*target);
    }

    static std::string type_of(const JsonValue& v) {
        switch (v.kind) {
            case JsonValue::Kind::Object: return "object";
            case JsonValue::Kind::Array: return "array";
            case JsonValue::Kind::String: return "string";
            case JsonValue::Kind::Number: return v.text.find_first_of(".eE") == std::string::npos ? "integer" : "number";
            case JsonValue::Kind::Bool: return "boolean";
            case JsonValue::Kind::Null: return "null";
        }
        return "?";
    }

    void check(const JsonValue& raw, const JsonValue& v, const std::string& at) {
        const JsonValue& s = resolve(raw);
        if (const JsonValue* all = s.find("allOf")) {
            for (const auto& part : all->items) check(part, v, at);
        }
        if (const JsonValue* one = s.find("oneOf")) {
            int matches = 0;
            for (const auto& part : one->items) {
                Checker sub{schemas, {}};
                sub.check(part, v, at);
                if (sub.problems.empty()) ++matches;
            }
            if (matches == 0) problems.push_back(at + ": matches none of oneOf");
        }
        const std::string type = s.text_of("type");
        const std::string actual = type_of(v);
        if (!type.empty() && type != actual && !(type == "number" && actual == "integer")) {
            problems.push_back(at + ": " + actual + " where the schema wants " + type);
            return;
        }
        if (const JsonValue* values = s.find("enum")) {
            bool listed = std::any_of(values->items.begin(), values->items.end(),
                                      [&](const JsonValue& e) { return e.text == v.text; });
            if (!listed) problems.push_back(at + ": \"" + v.text + "\" is not in the enum");
        }
        if (auto max = s.text_of("maxLength"); !max.empty() && v.text.size() > std::stoul(max)) {
            // Counted in bytes: every value slash sends here is ASCII.
            problems.push_back(at + ": longer than " + max);
        }
        if (auto max = s.text_of("maximum"); !max.empty() && actual == "integer" && std::stol(v.text) > std::stol(max)) {
            problems.push_back(at + ": above " + max);
        }
        if (auto pattern = s.text_of("pattern"); !pattern.empty() && actual == "string" &&
                                                 !std::regex_search(v.text, std::regex(pattern))) {
            problems.push_back(at + ": does not match " + pattern);
        }
        if (actual == "object") {
            if (const JsonValue* required = s.find("required")) {
                for (const auto& name : required->items) {
                    if (v.find(name.text) == nullptr) problems.push_back(at + ": missing " + name.text);
                }
            }
            const JsonValue* properties = s.find("properties");
            for (std::size_t i = 0; i < v.keys.size(); ++i) {
                const std::string& name = v.keys[i];
                const JsonValue& member = v.items[i];
                const JsonValue* property = properties ? properties->find(name) : nullptr;
                if (property == nullptr) {
                    if (s.find("allOf") == nullptr) problems.push_back(at + ": unknown property " + name);
                    continue;
                }
                check(*property, member, at + "." + name);
            }
        }
        if (actual == "array" && v.kind == JsonValue::Kind::Array) {
            if (const JsonValue* items = s.find("items")) {
                for (std::size_t i = 0; i < v.items.size(); ++i) check(*items, v.items[i], at + "[" + std::to_string(i) + "]");
            }
        }
    }
};

}  // namespace

std::vector<std::string> openapi_problems(const std::string& openapi_file, const std::string& schema,
                                          const std::string& body) {
    auto document = interchange::parse_json_document(read_file(openapi_file), openapi_file);
    const JsonValue* schemas = document.find("components")->find("schemas");
    auto value = interchange::parse_json_document(body, "body");
    Checker checker{*schemas, {}};
    const JsonValue* root = schemas->find(schema);
    if (root == nullptr) return {"no schema " + schema};
    checker.check(*root, value, schema);
    return checker.problems;
}

}  // namespace slash::testing
