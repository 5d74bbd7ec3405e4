#include <doctest/doctest.h>

#include <sstream>

#include "slash/domain/error.hpp"
#include "slash/render/output.hpp"

using namespace slash::render;

namespace {

ListView sample() {
    ListView view;
    view.schema.columns = {{"name", "NAME"}, {"amount", "AMOUNT", true}};
    view.schema.fields = {"name", "amount", "tags", "price.amount", "price.currency"};
    view.schema.id_field = "name";
    view.rows.push_back({{"name", "Élodie"},
                         {"amount", "-12.30"},
                         {"tags", Value::array({"a", "b"})},
                         {"price", Value::object({{"amount", "1.00"}, {"currency", "EUR"}})}});
    view.rows.push_back({{"name", "=cmd|' /C calc'!A0"},
                         {"amount", "5"},
                         {"tags", Value::array({})},
                         {"price", Value()}});
    return view;
}

std::string render(const ListView& view, Format format, bool terminal = false, const std::string& templ = "") {
    std::ostringstream out;
    OutputOptions options;
    options.format = format;
    options.terminal = terminal;
    options.template_text = templ;
    write_list(out, view, options);
    return out.str();
}

}  // namespace

TEST_CASE("render/json escapes quotes, backslashes and control characters, keeps UTF-8") {
    Value v = Value::object({{"s", "a\"b\\c\nd\te\x01"}, {"n", std::int64_t{-3}}, {"b", true}, {"z", Value()},
                             {"u", "€"}});
    CHECK(to_json(v) == R"({"s":"a\"b\\c\nd\te\u0001","n":-3,"b":true,"z":null,"u":"€"})");
    CHECK(to_json(Value::array({})) == "[]");
}

TEST_CASE("render/csv: RFC 4180 quoting, CRLF, formula guard except plain numbers") {
    ListView view = sample();
    view.rows.push_back({{"name", "say \"hi\", twice"}, {"amount", "+3"}, {"tags", Value()}, {"price", Value()}});
    view.rows.push_back({{"name", "@x"}, {"amount", "-"}, {"tags", Value()}, {"price", Value()}});
    CHECK(render(view, Format::Csv) ==
          "name,amount,tags,price.amount,price.currency\r\n"
          "Élodie,-12.30,a; b,1.00,EUR\r\n"
          "'=cmd|' /C calc'!A0,5,,,\r\n"
          "\"say \"\"hi\"\", twice\",+3,,,\r\n"
          "'@x,'-,,,\r\n");
}

// Reports and `slash export` write cells one way: an apostrophe is doubled (spreadsheets
// hide one), a leading or trailing space quoted (some readers trim it).
TEST_CASE("render/csv guards a leading apostrophe and quotes edge spaces, as export does") {
    ListView view = sample();
    view.rows = {{{"name", "'quoted"}, {"amount", " 5"}, {"tags", "end "}, {"price", Value()}}};
    CHECK(render(view, Format::Csv) ==
          "name,amount,tags,price.amount,price.currency\r\n"
          "''quoted,\" 5\",\"end \",,\r\n");
}

TEST_CASE("render/csv of an empty list still has the header") {
    ListView view = sample();
    view.rows.clear();
    CHECK(render(view, Format::Csv) == "name,amount,tags,price.amount,price.currency\r\n");
}

TEST_CASE("render/tsv replaces tabs and newlines inside cells") {
    ListView view = sample();
    view.rows = {{{"name", "a\tb\nc\rd"}, {"amount", "1"}, {"tags", Value()}, {"price", Value()}}};
    CHECK(render(view, Format::Tsv) ==
          "name\tamount\ttags\tprice.amount\tprice.currency\na b c d\t1\t\t\t\n");
}

TEST_CASE("render/terminal table aligns by characters, not bytes, and right-aligns numbers") {
    CHECK(render(sample(), Format::Auto, true) ==
          "NAME                AMOUNT\n"
          "Élodie              -12.30\n"
          "=cmd|' /C calc'!A0       5\n");
}

TEST_CASE("render/template: fields, nested fields, escapes, literal braces, unknown field") {
    CHECK(render(sample(), Format::Template, false, "{{{name}}}\\t{price.currency}|{price}|{tags}") ==
          "{Élodie}\tEUR|1.00 EUR|a; b\n{=cmd|' /C calc'!A0}\t||\n");
    CHECK_THROWS_WITH_AS(render(sample(), Format::Template, false, "{name} {nam}"),
                         "unknown field \"nam\" in --template; fields: name, amount, tags, price.amount, "
                         "price.currency, price",
                         slash::Error);
    CHECK_THROWS_WITH_AS(render(sample(), Format::Template, false, "{name"),
                         "unclosed \"{\" in --template \"{name\"; write {{ for a literal brace", slash::Error);
}

TEST_CASE("render/quiet prints the identifier field") {
    CHECK(render(sample(), Format::Quiet) == "Élodie\n=cmd|' /C calc'!A0\n");
}

TEST_CASE("render/record on a terminal aligns labels, piped prints field<TAB>value") {
    Record record = {{"handle", "acme"}, {"rate", Value::object({{"amount", "65.00"}, {"currency", "EUR"}})}};
    Schema schema;
    schema.fields = {"handle", "rate.amount", "rate.currency"};
    schema.labels = {{"handle", "Handle"}, {"rate", "Default rate"}};
    schema.id_field = "handle";
    std::ostringstream tty, piped, json, no_rate;
    OutputOptions options;
    options.terminal = true;
    write_record(tty, schema, record, options);
    CHECK(tty.str() == "Handle:        acme\nDefault rate:  65.00 EUR\n");
    options.terminal = false;
    write_record(piped, schema, record, options);
    CHECK(piped.str() == "handle\tacme\nrate.amount\t65.00\nrate.currency\tEUR\n");
    write_record(no_rate, schema, {{"handle", "beta"}, {"rate", Value()}}, options);
    CHECK(no_rate.str() == "handle\tbeta\nrate.amount\t\nrate.currency\t\n");
    options.format = Format::Json;
    write_record(json, schema, record, options);
    CHECK(json.str() == R"({"handle":"acme","rate":{"amount":"65.00","currency":"EUR"}})"
                        "\n");
}

TEST_CASE("render/terminal table counts columns: wide CJK and emoji take two, combining marks none") {
    ListView view;
    view.schema.columns = {{"name", "NAME"}, {"n", "N", true}};
    view.schema.fields = {"name", "n"};
    view.rows = {{{"name", "株式会社"}, {"n", "1"}},
                 {{"name", "Cafe\xcc\x81"}, {"n", "2"}},
                 {{"name", "\xf0\x9f\x91\xa9 Studio"}, {"n", "3"}}};
    CHECK(render(view, Format::Auto, true) ==
          "NAME       N\n"
          "株式会社   1\n"
          "Cafe\xcc\x81       2\n"
          "\xf0\x9f\x91\xa9 Studio  3\n");
}

TEST_CASE("render/list writer: row by row gives write_list's bytes in every format") {
    ListView view = sample();
    const std::pair<Format, bool> formats[] = {{Format::Json, false}, {Format::Csv, false},     {Format::Tsv, false},
                                               {Format::Quiet, false}, {Format::Auto, false},   {Format::Auto, true},
                                               {Format::Template, false}};
    for (const auto& [format, terminal] : formats) {
        CAPTURE(static_cast<int>(format));
        CAPTURE(terminal);
        OutputOptions options;
        options.format = format;
        options.terminal = terminal;
        options.template_text = "{name}:{price.amount}";
        std::ostringstream streamed;
        ListWriter writer(streamed, view.schema, options);
        for (const auto& row : view.rows) writer.add(row);
        writer.finish();
        CHECK(streamed.str() == render(view, format, terminal, options.template_text));
        CHECK(!streamed.str().empty());
    }
}

TEST_CASE("render/list writer: nothing is written before the first row, so a later refusal leaves no output") {
    ListView view = sample();
    for (Format format : {Format::Json, Format::Csv, Format::Tsv}) {
        OutputOptions options;
        options.format = format;
        std::ostringstream out;
        ListWriter writer(out, view.schema, options);
        CHECK(out.str().empty());
        writer.add(view.rows.front());
        CHECK(!out.str().empty());
    }
    OutputOptions bad;
    bad.format = Format::Template;
    bad.template_text = "{nope}";
    std::ostringstream out;
    CHECK_THROWS_AS(ListWriter(out, view.schema, bad), slash::Error);
    CHECK(out.str().empty());
}
