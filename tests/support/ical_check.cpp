#include "support/ical_check.hpp"

#include <algorithm>
#include <array>
#include <map>
#include <optional>

#include "slash/domain/calendar.hpp"
#include "slash/domain/text.hpp"

namespace slash::testing {

namespace {

constexpr std::size_t kMaxOctets = 75;

struct Parameter {
    std::string name;  ///< upper case
    std::vector<std::string> values;
};

struct Property {
    std::size_t line = 0;  ///< first physical line
    std::string name;      ///< upper case
    std::vector<Parameter> parameters;
    std::string value;

    [[nodiscard]] std::optional<std::string> parameter(std::string_view wanted) const {
        for (const auto& parameter : parameters) {
            if (parameter.name == wanted && !parameter.values.empty()) return parameter.values[0];
        }
        return std::nullopt;
    }
};

struct Component {
    std::size_t line = 0;  ///< of its BEGIN
    std::string name;      ///< upper case
    std::vector<Property> properties;
};

/// A content line after unfolding, and the physical lines it came from.
struct LogicalLine {
    std::size_t line = 0;
    std::string text;
    std::vector<std::string_view> physical;
};

bool is_name_char(char ch) {
    return (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') ||
           ch == '-';
}

bool is_control(char ch) {
    auto byte = static_cast<unsigned char>(ch);
    return (byte < 0x20 && ch != '\t') || byte == 0x7f;
}

std::string upper(std::string_view text) {
    std::string out(text);
    for (char& ch : out) {
        if (ch >= 'a' && ch <= 'z') ch = static_cast<char>(ch - 'a' + 'A');
    }
    return out;
}

class Checker {
  public:
    std::vector<std::string> run(std::string_view text) {
        if (text.empty()) {
            problems_.push_back("empty document: no VCALENDAR");
            return problems_;
        }
        for (const auto& logical : unfold(split_lines(text))) {
            if (auto property = parse(logical)) walk(*property);
        }
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it) {
            add(it->line, "BEGIN:" + it->name + " is never ended");
        }
        if (!seen_calendar_) problems_.push_back("no VCALENDAR in the document");
        return problems_;
    }

  private:
    std::vector<std::string> problems_;
    std::vector<Component> stack_;
    bool seen_calendar_ = false;

    void add(std::size_t line, const std::string& message) {
        problems_.push_back("line " + std::to_string(line) + ": " + message);
    }

    // Physical lines without their terminators; every terminator must be CRLF.
    std::vector<std::string_view> split_lines(std::string_view text) {
        std::vector<std::string_view> lines;
        std::size_t begin = 0;
        while (begin < text.size()) {
            std::size_t number = lines.size() + 1;
            std::size_t lf = text.find('\n', begin);
            std::size_t end = lf == std::string_view::npos ? text.size() : lf;
            std::string_view line = text.substr(begin, end - begin);
            if (lf == std::string_view::npos) {
                add(number, "the last line does not end with CRLF");
            } else if (line.empty() || line.back() != '\r') {
                add(number, "ends with a bare LF instead of CRLF");
            } else {
                line.remove_suffix(1);
            }
            if (line.find('\r') != std::string_view::npos) add(number, "holds a bare CR");
            lines.push_back(line);
            begin = lf == std::string_view::npos ? text.size() : lf + 1;
        }
        for (std::size_t i = 0; i < lines.size(); ++i) check_physical(i + 1, lines[i]);
        return lines;
    }

    void check_physical(std::size_t number, std::string_view line) {
        if (line.size() > kMaxOctets) {
            add(number, std::to_string(line.size()) + " octets long, more than 75");
        }
        if (line.empty()) add(number, "empty line");
        if (std::any_of(line.begin(), line.end(),
                        [](char ch) { return is_control(ch) && ch != '\r'; })) {
            add(number, "holds a control character");
        }
    }

    std::vector<LogicalLine> unfold(const std::vector<std::string_view>& lines) {
        std::vector<LogicalLine> logical;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            std::string_view line = lines[i];
            if (!line.empty() && (line[0] == ' ' || line[0] == '\t')) {
                if (logical.empty()) {
                    add(i + 1, "a continuation line with no line before it");
                    continue;
                }
                logical.back().text += line.substr(1);
                logical.back().physical.push_back(line);
                continue;
            }
            logical.push_back(LogicalLine{i + 1, std::string(line), {line}});
        }
        for (const auto& content : logical) check_utf8(content);
        return logical;
    }

    void check_utf8(const LogicalLine& content) {
        if (!domain::is_valid_utf8(content.text)) {
            add(content.line, "not valid UTF-8");
            return;
        }
        for (std::size_t i = 0; i < content.physical.size(); ++i) {
            if (!domain::is_valid_utf8(content.physical[i])) {
                add(content.line + i, "folded inside a UTF-8 sequence");
            }
        }
    }

    // name *(";" param) ":" value, RFC 5545 §3.1.
    std::optional<Property> parse(const LogicalLine& content) {
        const std::string& text = content.text;
        Property property;
        property.line = content.line;
        std::size_t i = 0;
        while (i < text.size() && is_name_char(text[i])) ++i;
        if (i == 0) {
            add(content.line, "no property name before \"" + text.substr(0, 20) + "\"");
            return std::nullopt;
        }
        property.name = upper(text.substr(0, i));
        while (i < text.size() && text[i] == ';') {
            auto parameter = parse_parameter(content.line, text, ++i);
            if (!parameter) return std::nullopt;
            property.parameters.push_back(std::move(*parameter));
        }
        if (i >= text.size() || text[i] != ':') {
            add(content.line, property.name + ": expected ':' after the name and parameters");
            return std::nullopt;
        }
        property.value = text.substr(i + 1);
        return property;
    }

    // param-name "=" param-value *("," param-value); `i` moves past it.
    std::optional<Parameter> parse_parameter(std::size_t line, const std::string& text,
                                             std::size_t& i) {
        Parameter parameter;
        std::size_t start = i;
        while (i < text.size() && is_name_char(text[i])) ++i;
        parameter.name = upper(text.substr(start, i - start));
        if (parameter.name.empty() || i >= text.size() || text[i] != '=') {
            add(line, "malformed parameter: expected NAME=VALUE after ';'");
            return std::nullopt;
        }
        do {
            ++i;  // past '=' or ','
            std::string value;
            if (i < text.size() && text[i] == '"') {
                std::size_t close = text.find('"', i + 1);
                if (close == std::string::npos) {
                    add(line, "parameter " + parameter.name + ": unterminated quoted value");
                    return std::nullopt;
                }
                value = text.substr(i + 1, close - i - 1);
                i = close + 1;
            } else {
                std::size_t begin = i;
                while (i < text.size() &&
                       std::string_view(";:,\"").find(text[i]) == std::string_view::npos)
                    ++i;
                value = text.substr(begin, i - begin);
            }
            parameter.values.push_back(std::move(value));
        } while (i < text.size() && text[i] == ',');
        return parameter;
    }

    void walk(const Property& property) {
        if (property.name == "BEGIN") {
            begin(property);
        } else if (property.name == "END") {
            end(property);
        } else if (stack_.empty()) {
            add(property.line, property.name + " outside any component");
        } else {
            stack_.back().properties.push_back(property);
        }
    }

    void begin(const Property& property) {
        std::string name = upper(property.value);
        if (name.empty() || !std::all_of(name.begin(), name.end(), is_name_char)) {
            add(property.line, "BEGIN:" + property.value + " does not name a component");
        }
        std::string parent = stack_.empty() ? std::string() : stack_.back().name;
        if (name == "VCALENDAR") {
            seen_calendar_ = true;
            if (!parent.empty()) add(property.line, "VCALENDAR inside " + parent);
        } else if (parent.empty()) {
            add(property.line, "BEGIN:" + name + " outside VCALENDAR");
        } else if (name == "VEVENT" && parent != "VCALENDAR") {
            add(property.line, "VEVENT inside " + parent + ", not directly in VCALENDAR");
        }
        stack_.push_back(Component{property.line, name, {}});
    }

    void end(const Property& property) {
        std::string name = upper(property.value);
        if (stack_.empty()) {
            add(property.line, "END:" + property.value + " without a BEGIN");
            return;
        }
        if (stack_.back().name != name) {
            add(property.line, "END:" + property.value +
                                   " does not match BEGIN:" + stack_.back().name + " of line " +
                                   std::to_string(stack_.back().line));
        }
        Component component = std::move(stack_.back());
        stack_.pop_back();
        if (component.name == "VCALENDAR") check_calendar(component);
        if (component.name == "VEVENT") check_event(component);
        for (const auto& child : component.properties) check_text(child);
    }

    std::vector<const Property*> find_all(const Component& component, std::string_view name) {
        std::vector<const Property*> found;
        for (const auto& property : component.properties) {
            if (property.name == name) found.push_back(&property);
        }
        return found;
    }

    // Exactly one (`required`) or at most one; returns the one found.
    const Property* once(const Component& component, std::string_view name, bool required) {
        auto found = find_all(component, name);
        std::string where = component.name + " of line " + std::to_string(component.line);
        if (found.empty() && required) add(component.line, where + " has no " + std::string(name));
        if (found.size() > 1) {
            add(found[1]->line, where + " has more than one " + std::string(name));
        }
        return found.empty() ? nullptr : found[0];
    }

    void check_calendar(const Component& calendar) {
        if (const Property* version = once(calendar, "VERSION", true);
            version && version->value != "2.0") {
            add(version->line, "VERSION is \"" + version->value + "\", not \"2.0\"");
        }
        once(calendar, "PRODID", true);
        if (const Property* scale = once(calendar, "CALSCALE", false);
            scale && upper(scale->value) != "GREGORIAN") {
            add(scale->line, "CALSCALE " + scale->value + " is not GREGORIAN");
        }
        once(calendar, "METHOD", false);
    }

    void check_event(const Component& event) {
        once(event, "UID", true);
        const Property* stamp = once(event, "DTSTAMP", true);
        const Property* start = once(event, "DTSTART", true);
        const Property* end = once(event, "DTEND", false);
        const Property* duration = once(event, "DURATION", false);
        for (std::string_view name :
             {"CLASS", "CREATED", "DESCRIPTION", "GEO", "LAST-MODIFIED", "LOCATION", "ORGANIZER",
              "PRIORITY", "SEQUENCE", "STATUS", "SUMMARY", "TRANSP", "URL", "RECURRENCE-ID"}) {
            once(event, name, false);
        }
        if (end && duration) add(duration->line, "VEVENT has both DTEND and DURATION");
        if (stamp) check_date_time(*stamp, true);
        std::optional<std::string> start_value =
            start ? check_date_time(*start, false) : std::nullopt;
        std::optional<std::string> end_value = end ? check_date_time(*end, false) : std::nullopt;
        if (start_value && end_value && start_value->size() == 8 && end_value->size() != 8) {
            add(end->line, "DTEND is a DATE-TIME but DTSTART a DATE: not the same value type");
        }
        if (start_value && end_value && start_value->size() != 8 && end_value->size() == 8) {
            add(end->line, "DTEND is a DATE but DTSTART a DATE-TIME: not the same value type");
        }
        // Same form (both UTC, both floating or in the same TZID, both dates): the digits
        // sort as the instants do.
        if (start_value && end_value && start_value->size() == end_value->size() &&
            start->parameter("TZID") == end->parameter("TZID") && *end_value <= *start_value) {
            add(end->line, "DTEND " + *end_value + " is not after DTSTART " + *start_value);
        }
    }

    // DATE-TIME (YYYYMMDDTHHMMSS, with Z in UTC) or, with VALUE=DATE, DATE (YYYYMMDD).
    // Returns the value when it is well formed.
    std::optional<std::string> check_date_time(const Property& property, bool utc_only) {
        const std::string& value = property.value;
        bool date_only = property.parameter("VALUE") == std::optional<std::string>("DATE");
        bool utc = !value.empty() && value.back() == 'Z';
        std::size_t expected = date_only ? 8 : (utc ? 16 : 15);
        auto digits = [&](std::size_t from, std::size_t count) {
            return std::all_of(value.begin() + static_cast<std::ptrdiff_t>(from),
                               value.begin() + static_cast<std::ptrdiff_t>(from + count),
                               [](char ch) { return ch >= '0' && ch <= '9'; });
        };
        auto number = [&](std::size_t from, std::size_t count) {
            return std::stoi(value.substr(from, count));
        };
        std::string what = property.name + " " + value;
        if (value.size() != expected || !digits(0, 8) ||
            (!date_only && (value[8] != 'T' || !digits(9, 6)))) {
            add(property.line, what + (date_only ? " is not a DATE (YYYYMMDD)"
                                                 : " is not a DATE-TIME (YYYYMMDDTHHMMSS[Z])"));
            return std::nullopt;
        }
        domain::CivilDate date{number(0, 4), number(4, 2), number(6, 2)};
        if (!domain::is_valid_date(date)) {
            add(property.line, what + " is not a real date");
            return std::nullopt;
        }
        if (!date_only && (number(9, 2) > 23 || number(11, 2) > 59 || number(13, 2) > 60)) {
            add(property.line, what + " is not a real time of day");
            return std::nullopt;
        }
        if (utc_only && !utc) add(property.line, what + " must be in UTC (ending in Z)");
        if (utc && property.parameter("TZID")) add(property.line, what + " has both TZID and Z");
        return value;
    }

    // TEXT, RFC 5545 §3.3.11: the escapes \\ \; \, \n \N and nothing else; ';' always
    // escaped; ',' escaped unless it separates the values of a multi-valued property.
    void check_text(const Property& property) {
        static const std::array<std::string_view, 5> kSingle = {"SUMMARY", "DESCRIPTION",
                                                                "LOCATION", "COMMENT", "CONTACT"};
        static const std::array<std::string_view, 2> kMultiple = {"CATEGORIES", "RESOURCES"};
        bool single = std::find(kSingle.begin(), kSingle.end(), property.name) != kSingle.end();
        bool multiple =
            std::find(kMultiple.begin(), kMultiple.end(), property.name) != kMultiple.end();
        if (!single && !multiple) return;
        const std::string& value = property.value;
        for (std::size_t i = 0; i < value.size(); ++i) {
            char ch = value[i];
            if (ch == '\\') {
                if (i + 1 >= value.size() ||
                    std::string_view("\\;,nN").find(value[i + 1]) == std::string_view::npos) {
                    add(property.line, property.name + ": invalid escape \"\\" +
                                           value.substr(i + 1, 1) + "\" in TEXT");
                }
                ++i;
            } else if (ch == ';' || (ch == ',' && single)) {
                add(property.line,
                    property.name + ": unescaped '" + std::string(1, ch) + "' in TEXT");
            }
        }
    }
};

}  // namespace

std::vector<std::string> ical_problems(std::string_view text) {
    return Checker().run(text);
}

}  // namespace slash::testing
