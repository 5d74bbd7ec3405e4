#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <variant>
#include <vector>

namespace slash::render {

/// A JSON-shaped value: what every list and show command hands to the output layer.
/// Money is an object {"amount": "65.00", "currency": "EUR"}; never a float.
class Value {
public:
    using Array = std::vector<Value>;
    using Object = std::vector<std::pair<std::string, Value>>;

    Value() = default;
    Value(std::string text) : data_(std::move(text)) {}
    Value(const char* text) : data_(std::string(text)) {}
    Value(std::int64_t number) : data_(number) {}
    Value(bool flag) : data_(flag) {}
    static Value array(Array items) { return Value(Data(std::move(items))); }
    static Value object(Object fields) { return Value(Data(std::move(fields))); }

    [[nodiscard]] bool is_null() const { return std::holds_alternative<std::monostate>(data_); }
    [[nodiscard]] const std::string* as_string() const { return std::get_if<std::string>(&data_); }
    [[nodiscard]] const std::int64_t* as_integer() const { return std::get_if<std::int64_t>(&data_); }
    [[nodiscard]] const bool* as_bool() const { return std::get_if<bool>(&data_); }
    [[nodiscard]] const Array* as_array() const { return std::get_if<Array>(&data_); }
    [[nodiscard]] const Object* as_object() const { return std::get_if<Object>(&data_); }

private:
    using Data = std::variant<std::monostate, std::string, std::int64_t, bool, Array, Object>;
    explicit Value(Data data) : data_(std::move(data)) {}
    Data data_;
};

/// One row of a list, or the one object of a show: ordered, snake_case field names.
using Record = Value::Object;

/// Compact JSON text of a value (UTF-8 kept, control characters escaped).
[[nodiscard]] std::string to_json(const Value& value);

/// The text of a value in one table/CSV/TSV cell or template slot: null is empty, booleans
/// are true/false, arrays are joined with "; ", an object is its values joined by spaces
/// (a money object reads "65.00 EUR").
[[nodiscard]] std::string to_cell(const Value& value);

/// Fields with nested objects spread into dotted names ("default_rate.amount"), for the
/// flat formats (CSV, TSV, templates).
[[nodiscard]] Record flatten(const Record& record);

}  // namespace slash::render
