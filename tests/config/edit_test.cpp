#include <doctest/doctest.h>

#include <string>
#include <string_view>
#include <vector>

#include "slash/config/config.hpp"
#include "slash/domain/error.hpp"

using slash::config::parse_config;
using slash::config::set_config_value;

namespace {

std::string set(std::string_view text, std::string_view key, std::vector<std::string> values) {
    return set_config_value(text, key, values, "config.toml");
}

/// The kind and message of the error setting `key` raises.
std::pair<slash::ErrorKind, std::string> set_error(std::string_view text, std::string_view key,
                                                   std::vector<std::string> values) {
    try {
        static_cast<void>(set(text, key, std::move(values)));
    } catch (const slash::Error& e) {
        return {e.kind(), e.what()};
    }
    FAIL("no error setting " << key);
    return {};
}

constexpr std::string_view kFile = R"(# My slash config.

[seller]
name = "Camille Martin"            # printed with "EI" on invoices
address = [
  "12 rue des Lilas",   # street
  "75011 Paris",
]
siren = "123456782"

# Taxes below.
[tax]
regime = "franchise"
	vat_rate   =   "20"   # tabs and spaces kept

[time]  # about time
rounding = "15m"
)";

}  // namespace

TEST_SUITE_BEGIN("config/set");

TEST_CASE("config/set: replaces a value in place and keeps its comment") {
    CHECK(set(kFile, "seller.name", {"Camille Durand"}) == R"(# My slash config.

[seller]
name = "Camille Durand"            # printed with "EI" on invoices
address = [
  "12 rue des Lilas",   # street
  "75011 Paris",
]
siren = "123456782"

# Taxes below.
[tax]
regime = "franchise"
	vat_rate   =   "20"   # tabs and spaces kept

[time]  # about time
rounding = "15m"
)");
    CHECK(set(kFile, "tax.vat_rate", {"5.5"}) == R"(# My slash config.

[seller]
name = "Camille Martin"            # printed with "EI" on invoices
address = [
  "12 rue des Lilas",   # street
  "75011 Paris",
]
siren = "123456782"

# Taxes below.
[tax]
regime = "franchise"
	vat_rate   =   "5.5"   # tabs and spaces kept

[time]  # about time
rounding = "15m"
)");
}

TEST_CASE("config/set: replaces an array written over several lines") {
    CHECK(set(kFile, "seller.address", {"1 place du Marché", "69002 Lyon", "France"}) ==
          R"(# My slash config.

[seller]
name = "Camille Martin"            # printed with "EI" on invoices
address = ["1 place du Marché", "69002 Lyon", "France"]
siren = "123456782"

# Taxes below.
[tax]
regime = "franchise"
	vat_rate   =   "20"   # tabs and spaces kept

[time]  # about time
rounding = "15m"
)");
    const std::string emptied = set("[seller]\naddress = [\"a\"] # old\n", "seller.address", {});
    CHECK(emptied == "[seller]\naddress = [] # old\n");
    CHECK(parse_config(emptied, "c").config.seller.address.empty());
}

TEST_CASE("config/set: inserts after the last key of an existing table") {
    CHECK(set(kFile, "seller.email", {"camille@example.org"}) == R"(# My slash config.

[seller]
name = "Camille Martin"            # printed with "EI" on invoices
address = [
  "12 rue des Lilas",   # street
  "75011 Paris",
]
siren = "123456782"
email = "camille@example.org"

# Taxes below.
[tax]
regime = "franchise"
	vat_rate   =   "20"   # tabs and spaces kept

[time]  # about time
rounding = "15m"
)");
    // The indentation of the last key is reused.
    CHECK(set("[tax]\n  regime = \"standard\"\n", "tax.vat_rate", {"10"}) ==
          "[tax]\n  regime = \"standard\"\n  vat_rate = \"10\"\n");
}

TEST_CASE("config/set: inserts into a table with no key yet, right after its header") {
    CHECK(set("[invoice]\n# to do\n\n[time]\n", "invoice.due_days", {"45"}) ==
          "[invoice]\ndue_days = 45\n# to do\n\n[time]\n");
}

TEST_CASE("config/set: inserts in the table, not in a sub-table that follows it") {
    CHECK(set("[seller]\nname = \"A\"\n\n[seller.bank]\nx = 1\n", "seller.bic", {"AGRIFRPP"}) ==
          "[seller]\nname = \"A\"\nbic = \"AGRIFRPP\"\n\n[seller.bank]\nx = 1\n");
}

TEST_CASE("config/set: appends a new table at the end") {
    CHECK(set(kFile, "urssaf.versement_liberatoire", {"true"}) ==
          std::string(kFile) +
              "\n[urssaf]\n"
              "versement_liberatoire = true\n");
    CHECK(set("[tax]\nregime = \"export\"", "display.color", {"never"}) ==
          "[tax]\nregime = \"export\"\n\n[display]\ncolor = \"never\"\n");
    CHECK(set("[tax]\nregime = \"export\"\n\n", "display.color", {"never"}) ==
          "[tax]\nregime = \"export\"\n\n[display]\ncolor = \"never\"\n");
    CHECK(set("", "seller.name", {"Camille"}) == "[seller]\nname = \"Camille\"\n");
    CHECK(set("# only a comment\n", "seller.name", {"Camille"}) ==
          "# only a comment\n\n[seller]\nname = \"Camille\"\n");
}

TEST_CASE("config/set: a file with CRLF line ends gets CRLF lines") {
    CHECK(set("[tax]\r\nregime = \"export\"\r\n", "tax.vat_rate", {"20"}) ==
          "[tax]\r\nregime = \"export\"\r\nvat_rate = \"20\"\r\n");
    CHECK(set("[tax]\r\nregime = \"export\"\r\n", "display.color", {"never"}) ==
          "[tax]\r\nregime = \"export\"\r\n\r\n[display]\r\ncolor = \"never\"\r\n");
    CHECK(set("[tax]\r\nregime = \"export\" # x\r\n", "tax.regime", {"standard"}) ==
          "[tax]\r\nregime = \"standard\" # x\r\n");
}

TEST_CASE("config/set: keys written as dotted keys at the top level stay there") {
    CHECK(set("seller.name = \"A\"\n", "seller.name", {"B"}) == "seller.name = \"B\"\n");
    CHECK(set("seller.name = \"A\"\n\n[tax]\n", "seller.email", {"a@b.c"}) ==
          "seller.name = \"A\"\nseller.email = \"a@b.c\"\n\n[tax]\n");
    CHECK(set("[seller]\nname = \"A\"\n[invoice]\n", "invoice.footer", {"x"}) ==
          "[seller]\nname = \"A\"\n[invoice]\nfooter = \"x\"\n");
}

TEST_CASE("config/set: keys and table names written with escapes are found, not duplicated") {
    // Found by fuzz/config_fuzz.cpp (fuzz/corpus/config/escaped-key.toml).
    CHECK(set("[seller]\n\"na\\u006De\" = \"Camille\" # mine\n", "seller.name", {"Cam"}) ==
          "[seller]\n\"na\\u006De\" = \"Cam\" # mine\n");
    CHECK(set("[\"sell\\u0065r\"]\nname = \"C\"\n", "seller.email", {"x@y.z"}) ==
          "[\"sell\\u0065r\"]\nname = \"C\"\nemail = \"x@y.z\"\n");
    CHECK(set("[\"ti\\U0000006De\"]\n\"capa\\tcity\" = \"35h\"\n", "time.capacity", {"28h"}) ==
          "[\"ti\\U0000006De\"]\n\"capa\\tcity\" = \"35h\"\ncapacity = \"28h\"\n");
}

TEST_CASE("config/set: strings are escaped as TOML basic strings") {
    const std::string value = "say \"hi\" \\ C:\\temp\ttab\nnew line";
    const std::string text = set("[invoice]\nfooter = \"\"\n", "invoice.footer", {value});
    CHECK(text == "[invoice]\nfooter = \"say \\\"hi\\\" \\\\ C:\\\\temp\\ttab\\nnew line\"\n");
    CHECK(parse_config(text, "c").config.invoice.footer == value);

    const std::string control = std::string("a") + '\x01' + '\x7f' + "b";
    const std::string escaped = set("", "invoice.footer", {control});
    CHECK(escaped == "[invoice]\nfooter = \"a\\u0001\\u007Fb\"\n");
    CHECK(parse_config(escaped, "c").config.invoice.footer == control);

    const std::string accents = set("", "seller.name", {"Société Générale €"});
    CHECK(accents == "[seller]\nname = \"Société Générale €\"\n");

    const std::string list = set("", "seller.address", {"a \"b\"", "c\\d"});
    CHECK(list == "[seller]\naddress = [\"a \\\"b\\\"\", \"c\\\\d\"]\n");
    CHECK(parse_config(list, "c").config.seller.address ==
          std::vector<std::string>{"a \"b\"", "c\\d"});
}

TEST_CASE("config/set: integers and booleans are written bare") {
    CHECK(set("[invoice]\ndue_days = 30\n", "invoice.due_days", {"0"}) ==
          "[invoice]\ndue_days = 0\n");
    CHECK(set("[urssaf]\nversement_liberatoire = true\n", "urssaf.versement_liberatoire",
              {"false"}) == "[urssaf]\nversement_liberatoire = false\n");
}

TEST_CASE("config/set: the scanner is not fooled by strings and comments that look like TOML") {
    const std::string text =
        "[invoice]\nfooter = \"\"\"\n[seller]\nname = \"fake\"\n\"\"\"\n"
        "penalty_text = 'x # y' # [seller]\n";
    CHECK(set(text, "seller.name", {"Real"}) == text + "\n[seller]\nname = \"Real\"\n");
    CHECK(set(text, "invoice.penalty_text", {"z"}) ==
          "[invoice]\nfooter = \"\"\"\n[seller]\nname = \"fake\"\n\"\"\"\n"
          "penalty_text = \"z\" # [seller]\n");
    CHECK(set(text, "invoice.footer", {"f"}) ==
          "[invoice]\nfooter = \"f\"\npenalty_text = 'x # y' # [seller]\n");
    CHECK(set("[seller]\naddress = [ # start\n  '''a]''',\n  \"b\\\"]\", # c ]\n] # end\n",
              "seller.address", {"x"}) == "[seller]\naddress = [\"x\"] # end\n");
    CHECK(set("\"seller\" . 'name' = \"A\"\n", "seller.name", {"B"}) ==
          "\"seller\" . 'name' = \"B\"\n");
}

TEST_CASE("config/set: a value with the wrong type or shape is refused with the allowed ones") {
    using slash::ErrorKind;
    using Result = std::pair<ErrorKind, std::string>;
    CHECK(set_error(kFile, "invoice.due_days", {"abc"}) ==
          Result{ErrorKind::Usage,
                 "invoice.due_days must be an integer between 0 and 365, got \"abc\""});
    CHECK(set_error(kFile, "invoice.due_days", {"400"}) ==
          Result{ErrorKind::Usage,
                 "invoice.due_days must be an integer between 0 and 365, got \"400\""});
    CHECK(set_error(kFile, "invoice.due_days", {"30 "}).second ==
          "invoice.due_days must be an integer between 0 and 365, got \"30 \"");
    CHECK(set_error(kFile, "invoice.due_days", {""}).second ==
          "invoice.due_days must be an integer between 0 and 365, got \"\"");
    CHECK(set_error(kFile, "invoice.due_days", {"99999999999999999999"}).second ==
          "invoice.due_days must be an integer between 0 and 365, got \"99999999999999999999\"");
    CHECK(set_error(kFile, "urssaf.versement_liberatoire", {"yes"}) ==
          Result{ErrorKind::Usage,
                 "urssaf.versement_liberatoire must be true or false, got \"yes\""});
    CHECK(set_error(kFile, "tax.regime", {"flat"}) ==
          Result{ErrorKind::Usage,
                 "tax.regime must be one of franchise, standard, reverse-charge, export, got "
                 "\"flat\""});
    CHECK(set_error(kFile, "time.rounding", {"15"}).second ==
          "time.rounding must be a duration such as \"15m\" or \"1h\", or \"0\" for none, got "
          "\"15\"");
    CHECK(set_error(kFile, "tax.vat_rate", {"20%"}).second ==
          "tax.vat_rate must be a rate in percent above 0 and at most 100, with at most 3 decimals, such as \"20\" or "
          "\"5.5\", got \"20%\"");
    CHECK(set_error(kFile, "seller.address", {"ok", "caf\xE9"}) ==
          Result{ErrorKind::Usage, "seller.address must be UTF-8 text, got \"caf\xE9\""});
    CHECK(set_error(kFile, "seller.name", {"\xC0\xAF"}).second ==
          "seller.name must be UTF-8 text, got \"\xC0\xAF\"");
    CHECK(set_error(kFile, "seller.name", {"\xED\xA0\x80"}).first == ErrorKind::Usage);
    CHECK(set(kFile, "seller.name", {"\xF0\x9F\x98\x80 \xC3\xA9"})
              .find("name = \"\xF0\x9F\x98\x80 \xC3\xA9\"") != std::string::npos);
    CHECK(set_error(kFile, "tax.regime", {"standard", "export"}) ==
          Result{ErrorKind::Usage, "tax.regime takes one value, got 2"});
    CHECK(set_error(kFile, "seller.name", {}) ==
          Result{ErrorKind::Usage, "seller.name takes one value, got none"});
    CHECK(set_error(kFile, "seller.nmae", {"x"}) ==
          Result{ErrorKind::Usage,
                 "unknown config key \"seller.nmae\" (did you mean \"seller.name\"?)"});
    CHECK(set_error(kFile, "seller", {"x"}) ==
          Result{ErrorKind::Usage, "unknown config key \"seller\""});
}

TEST_CASE("config/set: a file that is not TOML is left alone") {
    CHECK(set_error("[tax\n", "tax.regime", {"standard"}) ==
          std::pair{slash::ErrorKind::Config,
                    std::string("config.toml:1:5: Error while parsing table header: expected ']', "
                                "saw '\\n'")});
}

TEST_CASE("config/set: a wrong value can be fixed, another one blocks the edit") {
    CHECK(set("[invoice]\ndue_days = \"30\"\n", "invoice.due_days", {"30"}) ==
          "[invoice]\ndue_days = 30\n");
    CHECK(set_error("[tax]\nregime = \"flat\"\n", "invoice.due_days", {"30"}) ==
          std::pair{slash::ErrorKind::Config,
                    std::string("config.toml:2:10: tax.regime must be one of franchise, standard, "
                                "reverse-charge, export, got \"flat\"")});
}

TEST_CASE("config/set: an inline table is not rewritten") {
    CHECK(set_error("x = 1\n  tax = { regime = \"export\" }\n", "tax.vat_rate", {"20"}) ==
          std::pair{slash::ErrorKind::Config,
                    std::string("config.toml:2:3: cannot set tax.vat_rate in an inline table; "
                                "edit the file by hand")});
}

TEST_CASE("config/set: unknown keys in the file survive and still only warn") {
    const std::string text = set("[seller]\nnmae = \"x\"\n", "seller.name", {"y"});
    CHECK(text == "[seller]\nnmae = \"x\"\nname = \"y\"\n");
    CHECK(parse_config(text, "config.toml").warnings ==
          std::vector<std::string>{
              R"(config.toml:2:1: unknown key "seller.nmae" (did you mean "seller.name"?))"});
}

TEST_SUITE_END();
