#include <doctest/doctest.h>

#include <map>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "slash/domain/error.hpp"
#include "slash/pdf/invoice_pdf.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"
#include "support/invoice_fixtures.hpp"

using slash::render::InvoiceDocument;
using slash::testing::run_process;

using slash::testing::invoice_line;

namespace {

// Well-formed, of the shape of a Factur-X CII file; the PDF must carry it byte for byte.
const std::string kXml =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rsm:CrossIndustryInvoice "
    "xmlns:rsm=\"urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100\" "
    "xmlns:ram=\"urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:"
    "100\">\n"
    "  <rsm:ExchangedDocument><ram:ID>2026-0001</ram:ID><ram:TypeCode>380</ram:TypeCode>"
    "</rsm:ExchangedDocument>\n"
    "  <!-- é € \xe2\x80\xaf and a trailing space --> \n"
    "</rsm:CrossIndustryInvoice>\n";

const std::vector<std::string> kMentions{
    "TVA non applicable, art. 293 B du CGI",
    "En cas de retard de paiement, pénalités au taux de 3 fois le taux d'intérêt légal.",
    "Indemnité forfaitaire pour frais de recouvrement en cas de retard de paiement : 40 €.",
    "Pas d'escompte pour paiement anticipé."};

// An issued French invoice under the franchise: 8 h at 125 € and 234,50 € of travel.
InvoiceDocument franchise_invoice() {
    InvoiceDocument document;
    auto& invoice = document.invoice;
    invoice.status = "issued";
    invoice.number = "2026-0001";
    invoice.issue_date = "2026-11-30";
    invoice.due_date = "2026-12-30";
    invoice.period_from = "2026-11-01";
    invoice.period_to = "2026-11-30";
    invoice.issued_at = 1'796'034'000;
    invoice.currency = "EUR";
    invoice.language = "fr";
    invoice.vat_regime = "franchise";
    invoice.seller.name = "Jeanne Dupont";
    invoice.seller.address = {"12 rue des Lilas", "75011 Paris"};
    invoice.seller.siren = "123456782";
    invoice.seller.email = "jeanne@example.org";
    invoice.seller.iban = "FR7630006000011234567890189";
    invoice.seller.bic = "BNPAFRPP";
    invoice.buyer.name = "Étoile Conseil SARL";
    invoice.buyer.address = {"3 place Bellecour", "69002 Lyon"};
    invoice.buyer.siret = "73282932000074";
    invoice.lines = {invoice_line("Développement du site, novembre 2026", 8000, "HUR", 12500, 100000, "E"),
                     invoice_line("Frais de déplacement", 1000, "C62", 23450, 23450, "E")};
    invoice.net_minor = 123450;
    invoice.gross_minor = 123450;
    document.vat = {{"E", 0, 123450, 0}};
    document.mentions = kMentions;
    document.status = "issued";
    document.timesheet = {
        {"2026-11-03", "09:00", "13:00", "etoile/site", 14400, "", "Maquettes"},
        {"2026-11-04", "14:00", "18:00", "etoile/site", 14400, "", "Intégration"}};
    return document;
}

// Exactly 2,000 characters of distinct numbered words and a last word of its own, so that
// the first and the last can be looked for.
std::string long_description() {
    std::string text;
    for (int i = 1; text.size() + 12 <= 2000; ++i) text += "mot" + std::to_string(10000 + i) + " ";
    text += "fin";
    text.append(2000 - text.size(), 'x');
    return text;
}

std::string last_word(const std::string& text) {
    return text.substr(text.rfind(' ') + 1);
}

// pdftotext writes what the PDF says: U+202F and U+00A0 (money) read as spaces.
std::string normalised(std::string text) {
    for (const std::string special : {"\u202f", "\u00a0"}) {
        for (auto at = text.find(special); at != std::string::npos; at = text.find(special)) {
            text.replace(at, special.size(), " ");
        }
    }
    return text;
}

// Without any whitespace, so that a line wrapped inside a phrase still matches it.
std::string squeezed(const std::string& text) {
    std::string result;
    for (char ch : normalised(text)) {
        if (!std::isspace(static_cast<unsigned char>(ch))) result += ch;
    }
    return result;
}

bool contains(const std::string& text, const std::string& wanted) {
    return text.find(wanted) != std::string::npos;
}

std::size_t count(const std::string& text, const std::string& wanted) {
    std::size_t found = 0;
    for (auto at = text.find(wanted); at != std::string::npos; at = text.find(wanted, at + 1))
        ++found;
    return found;
}

bool ready() {
    // A build with the PDF libraries has the module: its absence is a failure, not a skip.
    if (SLASH_EXPECT_PDF) REQUIRE(slash::pdf::available());
    if (!slash::pdf::available()) {
        MESSAGE("skipped: slash was built without PDF support (cairo, pango, qpdf, lcms2)");
        return false;
    }
    for (const char* tool : {"qpdf", "pdfdetach", "pdffonts", "pdftotext", "pdfinfo"}) {
        if (!slash::testing::have_program(tool)) {
            MESSAGE("skipped: " << tool << " is not installed (Debian: qpdf poppler-utils)");
            return false;
        }
    }
    return true;
}

// One PDF written to a temp directory, removed afterwards.
class PdfFile {
  public:
    explicit PdfFile(const std::string& bytes)
        : dir_(slash::testing::make_temp_dir("slash-pdf")), path_(dir_ / "invoice.pdf") {
        std::ofstream(path_, std::ios::binary) << bytes;
    }
    PdfFile(const PdfFile&) = delete;
    PdfFile& operator=(const PdfFile&) = delete;
    ~PdfFile() {
        std::error_code ignored;
        std::filesystem::remove_all(dir_, ignored);
    }

    [[nodiscard]] std::string path() const { return path_.string(); }
    [[nodiscard]] std::filesystem::path dir() const { return dir_; }

    [[nodiscard]] std::string text() const {
        const auto result = run_process({"pdftotext", "-enc", "UTF-8", path(), "-"});
        REQUIRE(result.code == 0);
        return normalised(result.out);
    }

    [[nodiscard]] int pages() const {
        const auto result = run_process({"pdfinfo", path()});
        REQUIRE(result.code == 0);
        std::istringstream in(result.out);
        for (std::string row; std::getline(in, row);) {
            if (row.rfind("Pages:", 0) == 0) return std::stoi(row.substr(6));
        }
        return -1;
    }

    /// `qpdf --check` passes with no warning.
    void check_clean() const {
        const auto result = run_process({"qpdf", "--check", path()});
        CHECK_MESSAGE(result.code == 0, result.out << result.err);
        CHECK(result.err.empty());
        CHECK_FALSE(contains(result.out, "WARNING"));
        CHECK(contains(result.out, "No syntax or stream encoding errors found"));
    }

    /// Checks that `pdffonts` says "yes" in the emb column of every font and that each is
    /// DejaVu Sans, or, with `fallback_allowed`, at least one is (glyphs DejaVu lacks, such
    /// as CJK, come from whatever font fontconfig offers on the machine, e.g. Droid Sans
    /// Fallback when fonts-droid-fallback is installed); returns how many fonts.
    int embedded_fonts(bool fallback_allowed = false) const {
        const auto fonts = run_process({"pdffonts", path()});
        REQUIRE(fonts.code == 0);
        std::istringstream in(fonts.out);
        std::string header;
        std::getline(in, header);
        const auto emb = header.find("emb");
        REQUIRE(emb != std::string::npos);
        std::string dashes;
        std::getline(in, dashes);
        int rows = 0;
        int dejavu = 0;
        for (std::string row; std::getline(in, row);) {
            if (row.empty()) continue;
            ++rows;
            CHECK_MESSAGE(row.substr(emb, 3) == "yes", row);
            if (contains(row, "DejaVuSans")) ++dejavu;
            else CHECK_MESSAGE(fallback_allowed, row);
        }
        CHECK_MESSAGE(dejavu > 0, fonts.out);
        return rows;
    }

  private:
    std::filesystem::path dir_;
    std::filesystem::path path_;
};

}  // namespace

TEST_CASE("pdf/invoice_pdf refuses politely when slash has no PDF support") {
    if (SLASH_EXPECT_PDF || slash::pdf::available()) return;
    try {
        (void)slash::pdf::invoice_pdf(franchise_invoice(), kXml, false);
        FAIL("no exception");
    } catch (const slash::Error& error) {
        CHECK(error.kind() == slash::ErrorKind::Failure);
        CHECK(std::string(error.what()) ==
              "this slash was built without PDF support (cairo, pango, qpdf, lcms2)");
    }
}

TEST_CASE("pdf/invoice_pdf writes a clean PDF carrying factur-x.xml byte for byte") {
    if (!ready()) return;
    const PdfFile pdf(slash::pdf::invoice_pdf(franchise_invoice(), kXml, false));
    pdf.check_clean();

    const auto list = run_process({"pdfdetach", "-list", pdf.path()});
    CHECK(list.code == 0);
    CHECK(contains(list.out, "1 embedded files"));
    CHECK(contains(list.out, "1: factur-x.xml"));
    const auto extracted = pdf.dir() / "extracted.xml";
    const auto saved =
        run_process({"pdfdetach", "-save", "1", "-o", extracted.string(), pdf.path()});
    REQUIRE(saved.code == 0);
    CHECK(slash::testing::read_file(extracted) == kXml);
}

TEST_CASE("pdf/invoice_pdf embeds every font") {
    if (!ready()) return;
    const PdfFile pdf(slash::pdf::invoice_pdf(franchise_invoice(), kXml, true));
    CHECK(pdf.embedded_fonts() >= 2);  // regular and bold
}

TEST_CASE("pdf/invoice_pdf declares PDF/A-3b and Factur-X EN 16931 in its metadata") {
    if (!ready()) return;
    const std::string bytes = slash::pdf::invoice_pdf(franchise_invoice(), kXml, false);
    // The XMP stream is uncompressed: PDF/A wants it readable as it is.
    CHECK(contains(bytes, "<pdfaid:part>3</pdfaid:part>"));
    CHECK(contains(bytes, "<pdfaid:conformance>B</pdfaid:conformance>"));
    CHECK(contains(bytes, "<fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>"));
    CHECK(contains(bytes, "<fx:DocumentFileName>factur-x.xml</fx:DocumentFileName>"));
    CHECK(contains(bytes, "<fx:DocumentType>INVOICE</fx:DocumentType>"));
    CHECK(contains(bytes, "<fx:Version>1.0</fx:Version>"));
    CHECK(contains(bytes, "<pdfaSchema:prefix>fx</pdfaSchema:prefix>"));
    CHECK(contains(bytes, "<xmp:CreateDate>2026-11-30T10:20:00+00:00</xmp:CreateDate>"));
    CHECK(contains(bytes, "FACTURE 2026-0001</rdf:li>"));

    // The objects, uncompressed, as qpdf reads them back.
    const PdfFile pdf(bytes);
    const auto qdf_path = (pdf.dir() / "qdf.pdf").string();
    REQUIRE(run_process({"qpdf", "--qdf", "--object-streams=disable", pdf.path(), qdf_path}).code ==
            0);
    const std::string objects = slash::testing::read_file(qdf_path);
    CHECK(contains(objects, "/AFRelationship /Alternative"));
    CHECK(contains(objects, "/Subtype /text#2fxml"));
    CHECK(contains(objects, "/ModDate (D:20261130102000+00'00')"));
    CHECK(contains(objects, "/S /GTS_PDFA1"));
    CHECK(contains(objects, "/DestOutputProfile"));
    CHECK(contains(objects, "/OutputConditionIdentifier (sRGB)"));
    CHECK(contains(objects, "/AF ["));
    CHECK(contains(objects, "/Metadata"));
    CHECK(contains(objects, "/EmbeddedFiles"));
    CHECK(contains(objects, "/ID ["));
    CHECK(contains(objects, "/CIDToGIDMap /Identity"));
    CHECK(contains(objects, "/Size " + std::to_string(kXml.size())));

    const auto info = run_process({"pdfinfo", pdf.path()});
    CHECK(contains(info.out, "FACTURE 2026-0001\n"));
    CHECK(contains(info.out, "Jeanne Dupont EI\n"));
    CHECK(contains(info.out, " 1.7\n"));
}

TEST_CASE("pdf/invoice_pdf shows the number, the totals, the bank and every mention") {
    if (!ready()) return;
    const PdfFile pdf(slash::pdf::invoice_pdf(franchise_invoice(), kXml, false));
    const std::string text = pdf.text();
    CHECK(contains(text, "FACTURE 2026-0001"));
    CHECK(contains(text, "1 234,50 €"));
    CHECK(contains(text, "1 000,00 €"));
    CHECK(contains(text, "234,50 €"));
    CHECK(contains(text, "Jeanne Dupont EI"));
    CHECK(contains(text, "SIREN 123 456 782"));
    CHECK(contains(text, "Étoile Conseil SARL"));
    CHECK(contains(text, "SIRET 732 829 320 00074"));
    CHECK(contains(text, "30/11/2026"));
    CHECK(contains(text, "30/12/2026"));
    CHECK(contains(text, "du 01/11/2026 au 30/11/2026"));
    CHECK(contains(text, "IBAN FR76 3000 6000 0112 3456 7890 189 BIC BNPAFRPP"));
    CHECK(contains(text, "Développement du site, novembre 2026"));
    CHECK(contains(text, "Détail de la TVA"));
    for (const auto& mention : kMentions) {
        CHECK_MESSAGE(contains(squeezed(text), squeezed(mention)), mention);
    }
    CHECK_FALSE(contains(text, "BROUILLON"));
    CHECK_FALSE(contains(text, "Relevé d'activité"));
    CHECK(pdf.pages() == 1);
}

TEST_CASE("pdf/invoice_pdf gives the same bytes for the same invoice") {
    if (!ready()) return;
    CHECK(slash::pdf::invoice_pdf(franchise_invoice(), kXml, true) ==
          slash::pdf::invoice_pdf(franchise_invoice(), kXml, true));
}

TEST_CASE(
    "pdf/invoice_pdf wraps a 2,000-character description over pages and prints names as text") {
    if (!ready()) return;
    InvoiceDocument document = franchise_invoice();
    const std::string description = long_description();
    REQUIRE(description.size() == 2000);
    const std::string name = "<script>alert(1)</script> & \"Co\"";
    document.invoice.buyer.name = name;
    document.invoice.lines.insert(document.invoice.lines.begin(), 3,
                                  invoice_line(description, 1000, "DAY", 50000, 50000, "E"));
    const PdfFile pdf(slash::pdf::invoice_pdf(document, kXml, false));
    pdf.check_clean();
    const std::string text = pdf.text();
    CHECK(pdf.pages() >= 2);
    CHECK(contains(squeezed(text), squeezed(name)));
    // Every word of every copy is there: wrapped, never cut off at the page's edge.
    CHECK(count(text, "mot10001") == 3);
    CHECK(count(text, last_word(description)) == 3);
    for (auto start = description.find("mot"); start != std::string::npos;
         start = description.find("mot", start + 1)) {
        const std::string word = description.substr(start, 8);
        CHECK_MESSAGE(count(text, word) == 3, word);
    }
    // The header row is drawn again on each page the table continues on.
    CHECK(count(text, "Prix unitaire") >= 2);
}

TEST_CASE("pdf/invoice_pdf survives emoji, right-to-left scripts and invalid UTF-8") {
    if (!ready()) return;
    InvoiceDocument document = franchise_invoice();
    document.invoice.buyer.name = "مكتب الاستشارات שלום 😀 ☕";
    document.invoice.lines[0].description =
        "Café ☕ 😀 👩‍💻 مرحبا بالعالم — שלום עולם — 漢字 \xff\xfe "
        "broken";
    const PdfFile pdf(slash::pdf::invoice_pdf(document, kXml, true));
    pdf.check_clean();
    CHECK(pdf.embedded_fonts(true) >= 2);
    const std::string text = pdf.text();
    CHECK(contains(text, "Café"));
    CHECK(contains(text, "broken"));
}

TEST_CASE("pdf/invoice_pdf draws CJK names with a fallback font, not missing-glyph boxes") {
    if (!ready()) return;
    InvoiceDocument document = franchise_invoice();
    document.invoice.buyer.name = "東京デザイン株式会社";
    const PdfFile pdf(slash::pdf::invoice_pdf(document, kXml, false));
    pdf.check_clean();
    // A glyph missing from every font is drawn by pango as a box of hex digits, with no
    // text behind it: the name reads back only when a font had its glyphs.
    CHECK(contains(pdf.text(), "東京デザイン株式会社"));
    // DejaVu has no CJK: fontconfig's fallback (fonts-droid-fallback or fonts-noto-cjk,
    // installed with the PDF dependencies) is embedded beside it.
    CHECK(pdf.embedded_fonts(true) >= 3);
    // cairo names the subset it makes of the fallback ("CairoFont-2-1"), not after the font.
    const auto fonts = run_process({"pdffonts", pdf.path()});
    std::istringstream rows(fonts.out);
    int fallback = 0;
    for (std::string row; std::getline(rows, row);) {
        if (row.find('+') != std::string::npos && !contains(row, "DejaVuSans")) ++fallback;
    }
    CHECK_MESSAGE(fallback > 0, fonts.out);
}

TEST_CASE("pdf/invoice_pdf marks a draft BROUILLON and DRAFT") {
    if (!ready()) return;
    InvoiceDocument document = franchise_invoice();
    document.invoice.status = "draft";
    document.invoice.number.reset();
    document.invoice.issued_at.reset();
    document.status = "draft";
    const PdfFile french(slash::pdf::invoice_pdf(document, kXml, false));
    french.check_clean();
    const std::string text = french.text();
    CHECK(contains(text, "BROUILLON"));
    CHECK(contains(text, "FACTURE (BROUILLON)"));
    CHECK_FALSE(contains(text, "2026-0001"));

    document.invoice.language = "en";
    const PdfFile english(slash::pdf::invoice_pdf(document, kXml, false));
    const std::string english_text = english.text();
    CHECK(contains(english_text, "INVOICE (DRAFT)"));
    CHECK(contains(english_text, "€1,234.50"));
    CHECK(contains(english_text, "Page 1 of 1"));
}

TEST_CASE("pdf/invoice_pdf adds the timesheet annex on a page of its own") {
    if (!ready()) return;
    const PdfFile plain(slash::pdf::invoice_pdf(franchise_invoice(), kXml, false));
    const PdfFile annexed(slash::pdf::invoice_pdf(franchise_invoice(), kXml, true));
    annexed.check_clean();
    CHECK(annexed.pages() == plain.pages() + 1);
    const std::string text = annexed.text();
    CHECK(contains(text, "Relevé d'activité"));
    CHECK(contains(text, "etoile/site"));
    CHECK(contains(text, "Maquettes"));
    CHECK(contains(text, "03/11/2026"));
    CHECK(contains(text, "8:00"));  // the total of the two entries
    CHECK(contains(text, "Page 2/2"));
}

TEST_CASE("pdf/the binary does not link the PDF libraries: they load only for a PDF") {
    if (!slash::testing::have_program("ldd")) {
        MESSAGE("skipped: ldd is not installed");
        return;
    }
    const auto r = slash::testing::run_process({"ldd", slash::testing::slash_binary()});
    REQUIRE(r.code == 0);
    for (const char* library : {"libcairo", "libpango", "libqpdf", "liblcms2", "libglib"}) {
        CAPTURE(library);
        CHECK(r.out.find(library) == std::string::npos);
    }
}

TEST_CASE("pdf/a binary without its module says where it looked, exit 1") {
    const auto dir = slash::testing::make_temp_dir("slash-lonely");
    const auto copy = dir / "bin" / "slash";
    std::filesystem::create_directories(copy.parent_path());
    std::filesystem::copy_file(slash::testing::slash_binary(), copy);
    const std::map<std::string, std::string> env{{"SLASH_DB", (dir / "slash.db").string()},
                                                 {"SLASH_CONFIG", (dir / "config.toml").string()},
                                                 {"SLASH_NOW", "2026-11-20T10:00:00Z"}};
    auto run = [&](std::vector<std::string> args) {
        args.insert(args.begin(), copy.string());
        return slash::testing::run_process(args, env);
    };
    REQUIRE(run({"client", "add", "acme", "--name", "ACME", "--hourly", "65"}).code == 0);
    REQUIRE(run({"mission", "add", "acme/web"}).code == 0);
    REQUIRE(run({"log", "acme/web", "2h", "--on", "2026-10-05"}).code == 0);
    REQUIRE(run({"invoice", "new", "acme", "2026-10"}).code == 0);
    const auto r = run({"invoice", "show", "#1", "--format", "pdf", "-o", (dir / "draft.pdf").string()});
    CHECK(r.code == 1);
    CHECK(r.err.rfind("slash: error: this slash has no PDF support: its module libslash-pdf.so is missing (looked in " +
                          (dir / "bin" / "libslash-pdf.so").string() + ", ",
                      0) == 0);
    CHECK(std::count(r.err.begin(), r.err.end(), '\n') == 1);
    CHECK_FALSE(std::filesystem::exists(dir / "draft.pdf"));
    std::filesystem::remove_all(dir);
}
