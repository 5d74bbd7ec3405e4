#include "slash/render/invoice_html.hpp"

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "slash/domain/utf8.hpp"
#include "html_text.hpp"
#include "invoice_parts.hpp"

namespace slash::render {

namespace {

// A4 in millimetres, printed by the browser (Ctrl+P) or by any HTML-to-PDF tool. The page
// holds no link, font, image or script: it renders the same offline, in a mail client, in
// ten years. Fonts are the ones every system has, with emoji, Arabic and Hebrew fallbacks.
constexpr std::string_view kStyle = R"css(
@page { size: A4; margin: 16mm 15mm 18mm 15mm; }
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body {
  margin: 0; background: #e9ecef; color: #1f2328;
  font: 9.5pt/1.45 "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans",
    "Noto Sans", "Noto Sans Arabic", "Noto Sans Hebrew", "Segoe UI", "Apple Color Emoji",
    "Segoe UI Emoji", "Noto Color Emoji", sans-serif;
}
.sheet {
  position: relative; width: 210mm; min-height: 297mm; margin: 8mm auto;
  padding: 16mm 15mm 18mm 15mm; background: #fff; box-shadow: 0 1px 6px rgba(0, 0, 0, .25);
}
div, p, h1, h2, th, td { overflow-wrap: anywhere; word-break: break-word; }
p { margin: 0 0 1.5mm 0; }
.label {
  font-size: 7.5pt; font-weight: bold; text-transform: uppercase; letter-spacing: .08em;
  color: #5b6470; margin-bottom: 1mm;
}
.top { display: flex; justify-content: space-between; align-items: flex-start; }
.seller { flex: 1 1 0; min-width: 0; }
.seller .name { font-size: 13pt; font-weight: bold; line-height: 1.25; margin-bottom: 1mm; }
.buyer {
  flex: 0 0 85mm; max-width: 85mm; min-width: 0; margin: 12mm 0 0 10mm; padding: 4mm 5mm;
  border: .3mm solid #c9ced4; border-radius: 1.5mm;
}
.buyer .name { font-size: 11pt; font-weight: bold; margin-bottom: 1mm; }
h1 { margin: 10mm 0 2mm 0; font-size: 20pt; line-height: 1.2; letter-spacing: .04em; }
h1 .number { font-weight: normal; color: #3b4450; white-space: nowrap; }
h1 .draft-tag { font-size: 12pt; color: #c01c28; letter-spacing: .1em; vertical-align: middle; }
h2 {
  margin: 0 0 1.5mm 0; font-size: 7.5pt; text-transform: uppercase; letter-spacing: .08em;
  color: #5b6470;
}
.note { font-style: italic; }
table { border-collapse: collapse; width: 100%; }
th, td { padding: 1.2mm 2mm; text-align: left; vertical-align: top; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.meta { width: auto; margin: 2mm 0 0 0; }
.meta th { padding: .4mm 4mm .4mm 0; font-weight: normal; color: #5b6470; }
.meta td { padding: .4mm 0; font-weight: bold; }
.lines { table-layout: fixed; margin-top: 7mm; }
.lines col.c-description { width: auto; }
.lines col.c-quantity { width: 10%; }
.lines col.c-unit { width: 10%; }
.lines col.c-price { width: 15%; }
.lines col.c-vat { width: 8%; }
.lines col.c-net { width: 16%; }
.lines th, .ts th {
  background: #f1f3f5; border-bottom: .4mm solid #1f2328; font-size: 8pt; font-weight: bold;
}
.lines td, .ts td { border-bottom: .2mm solid #dee2e6; }
.ts tr { break-inside: avoid; page-break-inside: avoid; }
.summary {
  display: flex; justify-content: space-between; align-items: flex-start; margin-top: 6mm;
  break-inside: avoid; page-break-inside: avoid;
}
.details { flex: 1 1 0; min-width: 0; }
.block { margin-bottom: 5mm; }
.vat th { font-weight: normal; color: #5b6470; border-bottom: .2mm solid #c9ced4; font-size: 8pt; }
.vat td { padding-top: .8mm; padding-bottom: .8mm; }
.payment th {
  width: 1%; padding: .4mm 4mm .4mm 0; font-weight: normal; color: #5b6470; white-space: nowrap;
}
.payment td { padding: .4mm 0; font-variant-numeric: tabular-nums; }
.totals-box {
  flex: 0 0 74mm; max-width: 74mm; margin-left: 8mm; border: .3mm solid #c9ced4;
  border-radius: 1.5mm;
}
.totals td { padding: 1.2mm 3mm; }
.totals td.num, .vat td.num { width: 1%; white-space: nowrap; }
.totals tr.strong td { font-weight: bold; font-size: 11pt; background: #f1f3f5; }
.totals tr + tr td { border-top: .2mm solid #dee2e6; }
.mentions { margin-top: 4mm; font-size: 7.5pt; line-height: 1.35; color: #3b4450; }
.footer {
  margin-top: 8mm; padding-top: 2mm; border-top: .2mm solid #c9ced4; font-size: 7pt;
  text-align: center; color: #5b6470;
}
.draft-banner {
  margin-bottom: 6mm; padding: 2mm 4mm; border: .5mm solid #c01c28; border-radius: 1.5mm;
  color: #c01c28; text-align: center; font-weight: bold; letter-spacing: .06em;
}
.watermark {
  position: fixed; top: 42%; left: 0; right: 0; z-index: 2; transform: rotate(-35deg);
  text-align: center; font-size: 80pt; font-weight: bold; letter-spacing: .1em; white-space: nowrap;
  color: rgba(192, 28, 40, .12); pointer-events: none; user-select: none;
}
.annex h1 { margin-top: 0; font-size: 16pt; }
.annex .caption { margin-bottom: 5mm; color: #3b4450; }
.ts { table-layout: fixed; font-size: 8.5pt; }
.ts col.c-date { width: 13%; }
.ts col.c-time { width: 8%; }
.ts col.c-mission { width: 20%; }
.ts col.c-duration { width: 10%; }
.ts col.c-units { width: 9%; }
.ts col.c-note { width: auto; }
.ts tr.total td { font-weight: bold; border-top: .4mm solid #1f2328; border-bottom: none; }
@media print {
  body { background: none; }
  .sheet { width: auto; min-height: 0; margin: 0; padding: 0; box-shadow: none; }
  .annex { break-before: page; page-break-before: always; }
}
)css";

// Text whose paragraphs are separated by '\n', the breaks kept as <br>.
std::string escape_lines(std::string_view text) {
    std::string html;
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t end = std::min(text.find('\n', start), text.size());
        if (start > 0) html += "<br>";
        html += html_escape(text.substr(start, end - start));
        start = end + 1;
    }
    return html;
}

class Html {
  public:
    explicit Html(std::ostream& out) : out_(out) {}

    // One line at the current depth.
    Html& line(std::string_view text) {
        out_ << std::string(depth_ * 2, ' ') << text << '\n';
        return *this;
    }
    // An opening tag on its own line; what follows is indented until close().
    Html& open(std::string_view tag) {
        line(tag);
        ++depth_;
        return *this;
    }
    Html& close(std::string_view tag) {
        --depth_;
        return line(tag);
    }

  private:
    std::ostream& out_;
    std::size_t depth_ = 0;
};

// An element holding user text: its direction follows the text (Arabic or Hebrew reads
// right to left), in isolation from the text around it.
std::string user(std::string_view tag, std::string_view klass, std::string_view text) {
    std::string html = "<" + std::string(tag);
    if (!klass.empty()) html += " class=\"" + std::string(klass) + "\"";
    html += " dir=\"auto\">" + escape_lines(text) + "</" + std::string(tag) + ">";
    return html;
}

std::string element(std::string_view tag, std::string_view klass, std::string_view text) {
    std::string html = "<" + std::string(tag);
    if (!klass.empty()) html += " class=\"" + std::string(klass) + "\"";
    html += ">" + html_escape(text) + "</" + std::string(tag) + ">";
    return html;
}

void party(Html& html, std::string_view klass, const InvoiceParty& who) {
    html.open("<div class=\"" + std::string(klass) + "\">");
    html.line(element("div", "label", who.heading));
    for (std::size_t i = 0; i < who.lines.size(); ++i)
        html.line(user("div", i == 0 ? "name" : "", who.lines[i]));
    html.close("</div>");
}

void title(Html& html, const InvoiceParts& parts, const InvoicePage& page) {
    std::string heading = "<h1 class=\"title\">" + html_escape(page.kind);
    if (!page.number.empty())
        heading += " <span class=\"number\" dir=\"auto\">" + html_escape(page.number) + "</span>";
    if (!page.draft.empty())
        heading += " <span class=\"draft-tag\">" + html_escape(page.draft) + "</span>";
    html.line(heading + "</h1>");
    for (const auto& note : parts.notes) html.line(user("p", "note", note));
    if (parts.fields.empty()) return;
    html.open("<table class=\"meta\">");
    for (const auto& field : parts.fields) {
        html.line("<tr>" + element("th", "", field.label) + user("td", "", field.value) + "</tr>");
    }
    html.close("</table>");
}

void line_table(Html& html, const InvoiceParts& parts) {
    static constexpr std::array<std::string_view, kLineColumns> kColumns{
        "c-description", "c-quantity", "c-unit", "c-price", "c-vat", "c-net"};
    html.open("<table class=\"lines\">");
    html.open("<colgroup>");
    for (const auto column : kColumns) html.line("<col class=\"" + std::string(column) + "\">");
    html.close("</colgroup>");
    std::string header = "<thead><tr>";
    for (std::size_t c = 0; c < kLineColumns; ++c)
        header += element("th", kRightAligned[c] ? "num" : "", parts.headers[c]);
    html.line(header + "</tr></thead>");
    html.open("<tbody>");
    for (const auto& row : parts.rows) {
        html.open("<tr>");
        for (std::size_t c = 0; c < kLineColumns; ++c) {
            // The description and a unit's name are the user's; the rest is formatted here.
            const bool user_text = c == kDescriptionColumn || c == kUnitColumn;
            const std::string_view klass = kRightAligned[c] ? "num" : "";
            html.line(user_text ? user("td", klass, row[c]) : element("td", klass, row[c]));
        }
        html.close("</tr>");
    }
    html.close("</tbody>");
    html.close("</table>");
}

void vat_table(Html& html, const InvoicePage& page) {
    if (page.vat_rows.empty()) return;
    html.open("<div class=\"block\">");
    html.line(element("h2", "", page.vat_heading));
    html.open("<table class=\"vat\">");
    std::string header = "<thead><tr>";
    for (std::size_t c = 0; c < kVatColumns; ++c)
        header += element("th", c == 0 ? "" : "num", page.vat_headers[c]);
    html.line(header + "</tr></thead>");
    html.open("<tbody>");
    for (const auto& row : page.vat_rows) {
        std::string cells = "<tr>";
        for (std::size_t c = 0; c < kVatColumns; ++c)
            cells += element("td", c == 0 ? "" : "num", row[c]);
        html.line(cells + "</tr>");
    }
    html.close("</tbody>");
    html.close("</table>");
    html.close("</div>");
}

void payment(Html& html, const InvoicePage& page) {
    if (page.payment_fields.empty()) return;
    html.open("<div class=\"block\">");
    html.line(element("h2", "", page.payment_heading));
    html.open("<table class=\"payment\">");
    for (const auto& field : page.payment_fields)
        html.line("<tr>" + element("th", "", field.label) + user("td", "", field.value) + "</tr>");
    html.close("</table>");
    html.close("</div>");
}

void totals(Html& html, const InvoiceParts& parts) {
    html.open("<div class=\"totals-box\">");
    html.open("<table class=\"totals\">");
    for (const auto& row : parts.totals) {
        html.line(std::string(row.strong ? "<tr class=\"strong\">" : "<tr>") +
                  element("td", "", row.label) + element("td", "num", row.amount) + "</tr>");
    }
    html.close("</table>");
    html.close("</div>");
}

void timesheet_annex(Html& html, const InvoicePage& page) {
    // Columns that no entry fills (units when billing hours, notes) are left out.
    std::array<bool, kTimesheetColumns> shown{};
    for (std::size_t c = 0; c < kTimesheetColumns; ++c) {
        shown[c] = c < 5;
        for (const auto& row : page.timesheet_rows) shown[c] = shown[c] || !row[c].empty();
    }
    static constexpr std::array<std::string_view, kTimesheetColumns> kColumns{
        "c-date", "c-time", "c-time", "c-mission", "c-duration", "c-units", "c-note"};

    html.open("<div class=\"sheet annex\">");
    html.line(element("h1", "", page.timesheet_heading));
    html.line(user("p", "caption", page.timesheet_caption));
    html.open("<table class=\"ts\">");
    html.open("<colgroup>");
    for (std::size_t c = 0; c < kTimesheetColumns; ++c) {
        if (shown[c]) html.line("<col class=\"" + std::string(kColumns[c]) + "\">");
    }
    html.close("</colgroup>");
    std::string header = "<thead><tr>";
    for (std::size_t c = 0; c < kTimesheetColumns; ++c) {
        if (shown[c])
            header +=
                element("th", kTimesheetRightAligned[c] ? "num" : "", page.timesheet_headers[c]);
    }
    html.line(header + "</tr></thead>");
    html.open("<tbody>");
    for (const auto& row : page.timesheet_rows) {
        html.open("<tr>");
        for (std::size_t c = 0; c < kTimesheetColumns; ++c) {
            if (!shown[c]) continue;
            const std::string_view klass = kTimesheetRightAligned[c] ? "num" : "";
            html.line(kTimesheetUserText[c] ? user("td", klass, row[c])
                                            : element("td", klass, row[c]));
        }
        html.close("</tr>");
    }
    html.close("</tbody>");
    // The total under the durations: the label spans the columns before them.
    std::size_t before = 0;
    for (std::size_t c = 0; c < 4; ++c) before += shown[c] ? 1 : 0;
    std::size_t after = 0;
    for (std::size_t c = 5; c < kTimesheetColumns; ++c) after += shown[c] ? 1 : 0;
    std::string total = "<tfoot><tr class=\"total\"><td colspan=\"" + std::to_string(before) +
                        "\">" + html_escape(page.timesheet_total_label) + "</td>" +
                        element("td", "num", page.timesheet_total);
    if (after > 0) total += "<td colspan=\"" + std::to_string(after) + "\"></td>";
    html.line(total + "</tr></tfoot>");
    html.close("</table>");
    html.close("</div>");
}

}  // namespace

void write_invoice_html(std::ostream& out, const InvoiceDocument& document, bool timesheet) {
    const InvoiceParts parts = invoice_parts(document);
    const InvoicePage page = invoice_page(document);
    Html html(out);

    html.line("<!DOCTYPE html>");
    html.line("<html lang=\"" + page.language + "\">");
    html.open("<head>");
    html.line("<meta charset=\"utf-8\">");
    html.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">");
    html.line(element("title", "", parts.title));
    out << "<style>" << kStyle << "</style>\n";
    html.close("</head>");
    html.open("<body>");

    html.open("<div class=\"sheet\">");
    if (!page.draft_notice.empty()) html.line(element("div", "draft-banner", page.draft_notice));
    html.open("<div class=\"top\">");
    party(html, "seller", parts.seller);
    party(html, "buyer", parts.buyer);
    html.close("</div>");

    title(html, parts, page);
    line_table(html, parts);

    html.open("<div class=\"summary\">");
    html.open("<div class=\"details\">");
    vat_table(html, page);
    payment(html, page);
    html.close("</div>");
    totals(html, parts);
    html.close("</div>");

    if (!page.mentions.empty()) {
        html.open("<div class=\"mentions\">");
        html.line(element("h2", "", page.mentions_heading));
        for (const auto& mention : page.mentions) html.line(user("p", "", mention));
        html.close("</div>");
    }
    if (!page.footer.empty()) {
        html.open("<div class=\"footer\">");
        for (const auto& text : page.footer) html.line(user("div", "", text));
        html.close("</div>");
    }
    html.close("</div>");

    if (timesheet && !page.timesheet_rows.empty()) timesheet_annex(html, page);
    // Over the text, faint, and on every printed page.
    if (!page.draft.empty())
        html.line("<div class=\"watermark\" aria-hidden=\"true\">" + html_escape(page.draft) + "</div>");
    html.close("</body>");
    html.line("</html>");
}

}  // namespace slash::render
