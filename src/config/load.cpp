#include "slash/config/config.hpp"

#include "toml.hpp"
#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <memory>
#include <sstream>
#include <system_error>

#include "internal.hpp"
#include "slash/domain/error.hpp"

namespace slash::config {
namespace {

using detail::KeySpec;
using detail::quote;
using detail::Type;
using detail::Value;

/// An error or a warning at a place in the file; gathered first so that both come out in
/// file order, whatever order toml++ keeps its tables in.
struct Finding {
    toml::source_position at;
    std::string message;
    bool is_error = false;
};

std::string located(const std::string& source, const toml::source_position& at,
                    std::string_view message) {
    return source + ":" + std::to_string(at.line) + ":" + std::to_string(at.column) + ": " +
           std::string(message);
}

template <typename T>
std::string streamed(const T& value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

/// "string \"30\"", "integer 30", "array": what the user wrote, for type errors.
std::string describe(const toml::node& node) {
    switch (node.type()) {
        case toml::node_type::string:
            return "string " + quote(node.as_string()->get());
        case toml::node_type::integer:
            return "integer " + std::to_string(node.as_integer()->get());
        case toml::node_type::floating_point:
            return "float " + streamed(*node.as_floating_point());
        case toml::node_type::boolean:
            return node.as_boolean()->get() ? "boolean true" : "boolean false";
        case toml::node_type::date:
            return "date " + streamed(*node.as_date());
        case toml::node_type::time:
            return "time " + streamed(*node.as_time());
        case toml::node_type::date_time:
            return "date-time " + streamed(*node.as_date_time());
        case toml::node_type::array:
            return "array";
        case toml::node_type::table:
            return "table";
        case toml::node_type::none:
            break;
    }
    return "nothing";
}

std::string_view type_phrase(Type type) {
    switch (type) {
        case Type::String:
            return "a string";
        case Type::StringList:
            return "an array of strings";
        case Type::Integer:
            return "an integer";
        case Type::Boolean:
            return "a boolean";
    }
    return "a string";
}

class Reader {
  public:
    explicit Reader(std::vector<Finding>& findings) : findings_(findings) {}

    /// The typed value of `node` for `spec`, or nullopt after recording why not.
    std::optional<Value> read(const KeySpec& spec, const toml::node& node) {
        switch (spec.type) {
            case Type::String:
                if (const auto* s = node.as_string()) return Value{s->get()};
                break;
            case Type::Integer:
                if (const auto* n = node.as_integer()) return Value{n->get()};
                break;
            case Type::Boolean:
                if (const auto* b = node.as_boolean()) return Value{b->get()};
                break;
            case Type::StringList:
                return read_list(spec, node);
        }
        type_error(spec.key, spec.type, node);
        return std::nullopt;
    }

    void error(const toml::source_region& at, std::string message) {
        findings_.push_back({at.begin, std::move(message), true});
    }

    void warning(const toml::source_region& at, std::string message) {
        findings_.push_back({at.begin, std::move(message), false});
    }

  private:
    std::optional<Value> read_list(const KeySpec& spec, const toml::node& node) {
        const auto* array = node.as_array();
        if (array == nullptr) {
            type_error(spec.key, spec.type, node);
            return std::nullopt;
        }
        std::vector<std::string> lines;
        for (std::size_t i = 0; i < array->size(); ++i) {
            const toml::node& element = *array->get(i);
            const auto* s = element.as_string();
            if (s == nullptr) {
                type_error(std::string(spec.key) + "[" + std::to_string(i) + "]", Type::String,
                           element);
                return std::nullopt;
            }
            lines.push_back(s->get());
        }
        return Value{std::move(lines)};
    }

    void type_error(std::string_view what, Type expected, const toml::node& node) {
        error(node.source(), std::string(what) + " must be " + std::string(type_phrase(expected)) +
                                 ", got " + describe(node));
    }

    std::vector<Finding>& findings_;
};

std::string unknown(std::string_view what, std::string_view name,
                    std::optional<std::string_view> suggestion) {
    std::string message = "unknown " + std::string(what) + " " + quote(name);
    if (suggestion) message += " (did you mean " + quote(*suggestion) + "?)";
    return message;
}

void read_section(Reader& reader, LoadResult& result, std::string_view section,
                  const toml::table& table) {
    Config& config = result.config;
    for (auto&& [name, node] : table) {
        const std::string key = std::string(section) + "." + std::string(name.str());
        const KeySpec* spec = detail::find_key(key);
        if (spec == nullptr) {
            const bool is_table = node.is_table();
            reader.warning(name.source(),
                           unknown(is_table ? "table" : "key", key,
                                   is_table ? std::nullopt : detail::suggest_key(key)));
            continue;
        }
        auto value = reader.read(*spec, node);
        if (!value) continue;
        if (auto problem = detail::rule_violation(*spec, *value)) {
            reader.error(node.source(), std::move(*problem));
            continue;
        }
        spec->set(config, std::move(*value));
        result.keys_set.push_back(key);
    }
}

toml::table parse_toml(std::string_view text, const std::string& source) {
    try {
        return toml::parse(text, std::string_view{source});
    } catch (const toml::parse_error& e) {
        throw Error(ErrorKind::Config, located(source, e.source().begin, e.description()));
    }
}

[[noreturn]] void cannot_read(const std::filesystem::path& path, int error) {
    throw Error(ErrorKind::Config, "cannot read config file " + quote(path.string()) + ": " +
                                       std::generic_category().message(error));
}

}  // namespace

LoadResult parse_config(std::string_view text, const std::string& source) {
    const toml::table root = parse_toml(text, source);
    LoadResult result;
    std::vector<Finding> findings;
    Reader reader(findings);
    for (auto&& [name, node] : root) {
        const std::string_view section = name.str();
        if (!detail::is_section(section)) {
            const bool is_table = node.is_table();
            reader.warning(name.source(),
                           unknown(is_table ? "table" : "key", section,
                                   is_table ? detail::closest(section, detail::sections())
                                            : detail::suggest_key(section)));
            continue;
        }
        if (const auto* table = node.as_table()) {
            read_section(reader, result, section, *table);
        } else {
            reader.error(node.source(),
                         std::string(section) + " must be a table, got " + describe(node));
        }
    }
    std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
        return a.at.line != b.at.line ? a.at.line < b.at.line : a.at.column < b.at.column;
    });
    for (const Finding& finding : findings) {
        if (finding.is_error)
            throw Error(ErrorKind::Config, located(source, finding.at, finding.message));
    }
    for (const Finding& finding : findings) {
        result.warnings.push_back(located(source, finding.at, finding.message));
    }
    return result;
}

LoadResult load_config_file(const std::filesystem::path& path) {
    errno = 0;
    const std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"),
                                                               &std::fclose);
    if (!file) {
        // Opening and looking at errno, rather than checking existence first, leaves no
        // window for the file to change in between.
        if (errno == ENOENT) return LoadResult{};
        cannot_read(path, errno);
    }
    std::string text;
    char buffer[4096];
    std::size_t count = 0;
    while ((count = std::fread(buffer, 1, sizeof buffer, file.get())) > 0)
        text.append(buffer, count);
    if (std::ferror(file.get())) cannot_read(path, errno);
    return parse_config(text, path.string());
}

namespace detail {

void check_toml_syntax(std::string_view text, const std::string& source) {
    static_cast<void>(parse_toml(text, source));
}

}  // namespace detail
}  // namespace slash::config
