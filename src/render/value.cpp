#include "slash/render/value.hpp"

#include "slash/domain/text.hpp"

namespace slash::render {

namespace {

void append_json(std::string& out, const Value& value) {
    if (value.is_null()) {
        out += "null";
    } else if (const auto* text = value.as_string()) {
        domain::append_json_string(out, *text);
    } else if (const auto* number = value.as_integer()) {
        out += std::to_string(*number);
    } else if (const auto* flag = value.as_bool()) {
        out += *flag ? "true" : "false";
    } else if (const auto* items = value.as_array()) {
        out += '[';
        for (std::size_t i = 0; i < items->size(); ++i) {
            if (i > 0) out += ',';
            append_json(out, (*items)[i]);
        }
        out += ']';
    } else if (const auto* fields = value.as_object()) {
        out += '{';
        for (std::size_t i = 0; i < fields->size(); ++i) {
            if (i > 0) out += ',';
            domain::append_json_string(out, (*fields)[i].first);
            out += ':';
            append_json(out, (*fields)[i].second);
        }
        out += '}';
    }
}

void flatten_into(Record& out, const std::string& prefix, const Value& value) {
    if (const auto* fields = value.as_object()) {
        for (const auto& [name, inner] : *fields) flatten_into(out, prefix + "." + name, inner);
    } else {
        out.emplace_back(prefix, value);
    }
}

}  // namespace

std::string to_json(const Value& value) {
    std::string out;
    append_json(out, value);
    return out;
}

std::string to_cell(const Value& value) {
    if (value.is_null()) return {};
    if (const auto* text = value.as_string()) return *text;
    if (const auto* number = value.as_integer()) return std::to_string(*number);
    if (const auto* flag = value.as_bool()) return *flag ? "true" : "false";
    std::string joined;
    auto append = [&](const Value& item, const char* separator) {
        std::string cell = to_cell(item);
        if (cell.empty()) return;
        if (!joined.empty()) joined += separator;
        joined += cell;
    };
    if (const auto* items = value.as_array()) {
        for (const auto& item : *items) append(item, "; ");
    } else if (const auto* fields = value.as_object()) {
        for (const auto& field : *fields) append(field.second, " ");
    }
    return joined;
}

Record flatten(const Record& record) {
    Record out;
    for (const auto& [name, value] : record) flatten_into(out, name, value);
    return out;
}

}  // namespace slash::render
