#include "drawing.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <pango/pangocairo.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "slash/domain/duration.hpp"
#include "slash/domain/error.hpp"
#include "slash/domain/invoice_totals.hpp"

namespace slash::pdf {

namespace {

// A4 in points, and the frame every page's content stays in.
constexpr double kPageWidth = 595.28;
constexpr double kPageHeight = 841.89;
constexpr double kMargin = 48.0;
constexpr double kTop = 48.0;
constexpr double kBottom = kPageHeight - 66.0;
constexpr double kFooterBaseline = kPageHeight - 36.0;
constexpr double kContentWidth = kPageWidth - 2 * kMargin;
constexpr double kColumnGap = 24.0;
constexpr double kHalfWidth = (kContentWidth - kColumnGap) / 2;
constexpr double kRightColumn = kMargin + kHalfWidth + kColumnGap;
constexpr double kCellPadding = 4.0;
constexpr double kEpsilon = 0.01;
constexpr const char* kFontFamily = "DejaVu Sans";

struct Color {
    double red = 0;
    double green = 0;
    double blue = 0;
};

constexpr Color kInk{0.11, 0.12, 0.13};
constexpr Color kMuted{0.40, 0.42, 0.45};
constexpr Color kAccent{0.09, 0.22, 0.40};
constexpr Color kRule{0.78, 0.80, 0.83};
constexpr Color kShade{0.93, 0.94, 0.96};
constexpr Color kWatermark{0.88, 0.88, 0.88};

enum class Align { Left, Right };

struct Style {
    double size = 9.0;
    bool bold = false;
    Color color = kInk;
    Align align = Align::Left;
};

// Words the text document does not need and the PDF does, per language.
struct Labels {
    std::string_view page_of;
    std::string_view vat_breakdown;
    std::array<std::string_view, 4> vat_headers;
    std::string_view standard, exempt, reverse_charge, export_outside_eu;
    std::string_view payment_details;
    std::string_view timesheet;
    std::array<std::string_view, 7> timesheet_headers;
    std::string_view timesheet_total;
    std::string_view no_entries;
};

constexpr Labels kFrench{
    .page_of = "/",
    .vat_breakdown = "Détail de la TVA",
    .vat_headers = {"Catégorie", "Taux", "Base HT", "TVA"},
    .standard = "Taux applicable",
    .exempt = "Exonération",
    .reverse_charge = "Autoliquidation",
    .export_outside_eu = "Exportation",
    .payment_details = "Règlement",
    .timesheet = "Relevé d'activité",
    .timesheet_headers = {"Date", "Début", "Fin", "Mission", "Durée", "Unités", "Note"},
    .timesheet_total = "Total",
    .no_entries = "Aucune entrée facturée.",
};

constexpr Labels kEnglish{
    .page_of = " of ",
    .vat_breakdown = "VAT breakdown",
    .vat_headers = {"Category", "Rate", "Taxable", "VAT"},
    .standard = "Standard",
    .exempt = "Exempt",
    .reverse_charge = "Reverse charge",
    .export_outside_eu = "Export",
    .payment_details = "Payment details",
    .timesheet = "Timesheet",
    .timesheet_headers = {"Date", "Start", "End", "Mission", "Duration", "Units", "Note"},
    .timesheet_total = "Total",
    .no_entries = "No billed entries.",
};

struct GObjectUnref {
    void operator()(void* object) const { g_object_unref(object); }
};
using Layout = std::unique_ptr<PangoLayout, GObjectUnref>;
using Context = std::unique_ptr<PangoContext, GObjectUnref>;
using FontMap = std::unique_ptr<PangoFontMap, GObjectUnref>;
using FontDescription =
    std::unique_ptr<PangoFontDescription, decltype(&pango_font_description_free)>;
using LayoutIter = std::unique_ptr<PangoLayoutIter, decltype(&pango_layout_iter_free)>;
using Surface = std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)>;
using Cairo = std::unique_ptr<cairo_t, decltype(&cairo_destroy)>;
using FontOptions = std::unique_ptr<cairo_font_options_t, decltype(&cairo_font_options_destroy)>;

double points(int pango_units) {
    return pango_units_to_double(pango_units);
}

// Pango wants valid UTF-8 (and warns on stderr otherwise): invalid bytes become U+FFFD.
std::string valid_utf8(std::string_view text) {
    if (g_utf8_validate(text.data(), static_cast<gssize>(text.size()), nullptr)) {
        return std::string(text);
    }
    gchar* valid = g_utf8_make_valid(text.data(), static_cast<gssize>(text.size()));
    std::string result(valid);
    g_free(valid);
    return result;
}

// One line of a laid-out paragraph, in the paragraph's coordinates.
struct LineBox {
    PangoLayoutLine* line = nullptr;
    double x = 0;
    double top = 0;
    double bottom = 0;
    double baseline = 0;
};

// A paragraph laid out by pango: wrapped at words (inside words when one is wider than
// the box), right-to-left runs and fallback fonts as pango resolves them.
class Text {
  public:
    Text(PangoContext* context, std::string_view text, const Style& style, double width)
        : layout_(pango_layout_new(context)), style_(style) {
        const FontDescription font(pango_font_description_new(), &pango_font_description_free);
        pango_font_description_set_family(font.get(), kFontFamily);
        pango_font_description_set_weight(font.get(),
                                          style.bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
        pango_font_description_set_absolute_size(font.get(), style.size * PANGO_SCALE);
        pango_layout_set_font_description(layout_.get(), font.get());
        if (width > 0) {
            pango_layout_set_width(layout_.get(), pango_units_from_double(width));
            pango_layout_set_wrap(layout_.get(), PANGO_WRAP_WORD_CHAR);
        }
        pango_layout_set_alignment(
            layout_.get(), style.align == Align::Right ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
        const std::string valid = valid_utf8(text);
        pango_layout_set_text(layout_.get(), valid.data(), static_cast<int>(valid.size()));

        int layout_width = 0;
        int layout_height = 0;
        pango_layout_get_size(layout_.get(), &layout_width, &layout_height);
        width_ = points(layout_width);
        height_ = points(layout_height);
        const LayoutIter iter(pango_layout_get_iter(layout_.get()), &pango_layout_iter_free);
        do {
            PangoRectangle logical{};
            pango_layout_iter_get_line_extents(iter.get(), nullptr, &logical);
            lines_.push_back({pango_layout_iter_get_line_readonly(iter.get()), points(logical.x),
                              points(logical.y), points(logical.y + logical.height),
                              points(pango_layout_iter_get_baseline(iter.get()))});
        } while (pango_layout_iter_next_line(iter.get()));
    }

    [[nodiscard]] double height() const { return height_; }
    [[nodiscard]] double width() const { return width_; }
    [[nodiscard]] const std::vector<LineBox>& lines() const { return lines_; }
    [[nodiscard]] const Style& style() const { return style_; }

  private:
    Layout layout_;
    Style style_;
    std::vector<LineBox> lines_;
    double width_ = 0;
    double height_ = 0;
};

// What every page carries besides its content.
struct PageDecor {
    std::string footer;     ///< the title, "FACTURE 2026-0001"
    std::string watermark;  ///< "BROUILLON" on a draft, else empty
    std::string_view page_of;
};

// The pages as a flow: a cursor moving down the frame, a new page when the content needs
// one, the footer and the draft watermark on each. In the measuring pass (`drawing` false)
// nothing is drawn and only the pages are counted, so that the footer can say "1/3".
class Pages {
  public:
    Pages(cairo_t* cairo, PangoContext* context, bool drawing, PageDecor decor, int total)
        : cairo_(cairo),
          context_(context),
          drawing_(drawing),
          decor_(std::move(decor)),
          total_(total) {
        start_page();
    }

    [[nodiscard]] PangoContext* context() const { return context_; }
    [[nodiscard]] double y() const { return y_; }
    [[nodiscard]] double room() const { return kBottom - y_; }
    /// Nothing drawn yet on this page, besides what every page repeats.
    [[nodiscard]] bool fresh() const { return y_ <= fresh_y_ + kEpsilon; }
    [[nodiscard]] int count() const { return page_; }
    void advance(double height) { y_ += height; }

    /// Drawn at the top of each following page (the header row of a table being drawn).
    void repeat_on_new_pages(std::function<void()> header) { header_ = std::move(header); }

    void new_page() {
        finish_page();
        ++page_;
        start_page();
    }

    void finish() { finish_page(); }

    void ensure_room(double height) {
        if (height > room() + kEpsilon && !fresh()) new_page();
    }

    /// The lines of `text` whose box lies within [from, to] of its coordinates, with `from`
    /// at page height `y`.
    void draw_lines(const Text& text, double x, double y, double from, double to) {
        if (!drawing_) return;
        set_color(text.style().color);
        for (const auto& box : text.lines()) {
            if (box.top < from - kEpsilon || box.bottom > to + kEpsilon) continue;
            cairo_move_to(cairo_, x + box.x, y + box.baseline - from);
            pango_cairo_show_layout_line(cairo_, box.line);
        }
    }

    void draw(const Text& text, double x, double y) { draw_lines(text, x, y, 0, text.height()); }

    /// A paragraph at the cursor, line after line, continued on the next page when it does
    /// not fit: text never leaves the frame.
    void flow(const Text& text, double x) {
        const auto& lines = text.lines();
        std::size_t first = 0;
        while (first < lines.size()) {
            std::size_t last = first;
            const double from = lines[first].top;
            while (last < lines.size() && lines[last].bottom - from <= room() + kEpsilon) ++last;
            if (last == first) {
                if (!fresh()) {
                    new_page();
                    continue;
                }
                last = first + 1;  // a line taller than a page: drawn, and it overflows
            }
            draw_lines(text, x, y_, from, lines[last - 1].bottom);
            y_ += lines[last - 1].bottom - from;
            first = last;
            if (first < lines.size()) new_page();
        }
    }

    void fill(double x, double y, double width, double height, Color color) {
        if (!drawing_) return;
        set_color(color);
        cairo_rectangle(cairo_, x, y, width, height);
        cairo_fill(cairo_);
    }

    void rule(double x, double y, double width, double thickness, Color color) {
        if (!drawing_) return;
        set_color(color);
        cairo_set_line_width(cairo_, thickness);
        cairo_move_to(cairo_, x, y);
        cairo_line_to(cairo_, x + width, y);
        cairo_stroke(cairo_);
    }

    void frame(double x, double y, double width, double height, Color color) {
        if (!drawing_) return;
        set_color(color);
        cairo_set_line_width(cairo_, 0.6);
        cairo_rectangle(cairo_, x, y, width, height);
        cairo_stroke(cairo_);
    }

  private:
    void set_color(Color color) {
        cairo_set_source_rgb(cairo_, color.red, color.green, color.blue);
    }

    void start_page() {
        y_ = kTop;
        if (!decor_.watermark.empty()) draw_watermark();
        if (header_) header_();
        fresh_y_ = y_;
    }

    void finish_page() {
        if (!drawing_) return;
        const Style style{.size = 7.5, .color = kMuted};
        rule(kMargin, kFooterBaseline - 12, kContentWidth, 0.5, kRule);
        const Text left(context_, decor_.footer, style, kContentWidth * 0.7);
        draw(left, kMargin, kFooterBaseline - 8);
        const std::string number =
            "Page " + std::to_string(page_) +
            (total_ > 0 ? std::string(decor_.page_of) + std::to_string(total_) : std::string());
        const Text right(context_, number, {.size = 7.5, .color = kMuted, .align = Align::Right},
                         kContentWidth * 0.3);
        draw(right, kMargin + kContentWidth * 0.7, kFooterBaseline - 8);
        cairo_show_page(cairo_);
    }

    // Across the page, light enough to read the invoice through it.
    void draw_watermark() {
        if (!drawing_) return;
        const Text mark(context_, decor_.watermark, {.size = 88, .bold = true, .color = kWatermark},
                        0);
        cairo_save(cairo_);
        cairo_translate(cairo_, kPageWidth / 2, kPageHeight / 2);
        cairo_rotate(cairo_, -std::atan2(kPageHeight, kPageWidth));
        draw(mark, -mark.width() / 2, -mark.height() / 2);
        cairo_restore(cairo_);
    }

    cairo_t* cairo_;
    PangoContext* context_;
    bool drawing_;
    PageDecor decor_;
    int total_;
    int page_ = 1;
    double y_ = kTop;
    double fresh_y_ = kTop;
    std::function<void()> header_;
};

struct Column {
    double width = 0;
    bool right = false;
};

struct TableSpec {
    std::vector<Column> columns{};
    std::vector<std::string> headers{};  ///< empty: no header row
    std::vector<std::vector<std::string>> rows{};
    std::vector<bool> strong{};  ///< per row: bold, with a rule above (totals)
    double size = 8.5;
    bool ruled = true;  ///< a hairline under each row
};

// A table whose rows are cut between two lines when a page ends, its header row repeated
// on the next page.
class Table {
  public:
    Table(PangoContext* context, const TableSpec& spec, double x)
        : columns_(spec.columns), size_(spec.size), ruled_(spec.ruled), x_(x) {
        for (const auto& column : columns_) width_ += column.width;
        if (!spec.headers.empty()) header_ = make_row(context, spec.headers, true, kMuted);
        for (std::size_t r = 0; r < spec.rows.size(); ++r) {
            const bool strong = r < spec.strong.size() && spec.strong[r];
            rows_.push_back(make_row(context, spec.rows[r], strong, kInk));
            rows_.back().strong = strong;
        }
    }

    [[nodiscard]] double height() const {
        double total = header_ ? header_->height : 0;
        for (const auto& row : rows_) total += row.height;
        return total;
    }

    /// The whole table with its top at `y`, no page break (small tables beside another).
    void draw_at(Pages& pages, double y) const {
        if (header_) {
            draw_header(pages, y);
            y += header_->height;
        }
        for (const auto& row : rows_) {
            draw_fragment(pages, row, y, 0, row.content);
            y += row.height;
        }
    }

    /// At the cursor, breaking pages between lines of a row when needed.
    void flow(Pages& pages) const {
        const double first_line = rows_.empty() ? 0 : rows_.front().first_line + 2 * kCellPadding;
        if (header_) {
            pages.ensure_room(header_->height + first_line);
            draw_header(pages, pages.y());
            pages.advance(header_->height);
            pages.repeat_on_new_pages([this, &pages] {
                draw_header(pages, pages.y());
                pages.advance(header_->height);
            });
        }
        for (const auto& row : rows_) {
            double from = 0;
            while (from < row.content - kEpsilon) {
                const double limit = from + pages.room() - 2 * kCellPadding;
                double to = cut(row, from, limit);
                if (to <= from + kEpsilon) {
                    if (!pages.fresh()) {
                        pages.new_page();
                        continue;
                    }
                    to = next_cut(row, from);  // a line taller than a page overflows
                }
                draw_fragment(pages, row, pages.y(), from, to);
                pages.advance(to - from + 2 * kCellPadding);
                from = to;
                if (from < row.content - kEpsilon) pages.new_page();
            }
        }
        pages.repeat_on_new_pages({});
    }

    [[nodiscard]] double width() const { return width_; }

  private:
    struct Row {
        std::vector<Text> cells;
        double content = 0;  ///< the tallest cell
        double height = 0;   ///< with padding
        double first_line = 0;
        bool strong = false;
    };

    Row make_row(PangoContext* context, const std::vector<std::string>& texts, bool bold,
                 Color color) const {
        Row row;
        for (std::size_t c = 0; c < columns_.size(); ++c) {
            const std::string text = c < texts.size() ? texts[c] : std::string();
            const Style style{.size = size_,
                              .bold = bold,
                              .color = color,
                              .align = columns_[c].right ? Align::Right : Align::Left};
            row.cells.emplace_back(context, text, style, columns_[c].width - 2 * kCellPadding);
            row.content = std::max(row.content, row.cells.back().height());
            row.first_line = std::max(row.first_line, row.cells.back().lines().front().bottom);
        }
        row.height = row.content + 2 * kCellPadding;
        return row;
    }

    // No line of any cell straddles `y`.
    static bool clean_cut(const Row& row, double y) {
        for (const auto& cell : row.cells) {
            for (const auto& box : cell.lines()) {
                if (box.top < y - kEpsilon && box.bottom > y + kEpsilon) return false;
            }
        }
        return true;
    }

    // The lowest clean cut in (from, limit], or `from` when there is none.
    static double cut(const Row& row, double from, double limit) {
        double best = from;
        for (const auto& cell : row.cells) {
            for (const auto& box : cell.lines()) {
                const double y = box.bottom;
                if (y > from + kEpsilon && y <= limit + kEpsilon && y > best && clean_cut(row, y))
                    best = y;
            }
        }
        return best;
    }

    // The first clean cut after `from`.
    static double next_cut(const Row& row, double from) {
        double best = row.content;
        for (const auto& cell : row.cells) {
            for (const auto& box : cell.lines()) {
                const double y = box.bottom;
                if (y > from + kEpsilon && y < best && clean_cut(row, y)) best = y;
            }
        }
        return best;
    }

    void draw_header(Pages& pages, double y) const {
        pages.fill(x_, y, width_, header_->height, kShade);
        draw_fragment(pages, *header_, y, 0, header_->content, false);
    }

    void draw_fragment(Pages& pages, const Row& row, double y, double from, double to,
                       bool ruled = true) const {
        double x = x_;
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            pages.draw_lines(row.cells[c], x + kCellPadding, y + kCellPadding, from, to);
            x += columns_[c].width;
        }
        if (row.strong) pages.rule(x_, y, width_, 0.8, kInk);
        if (ruled && ruled_) pages.rule(x_, y + to - from + 2 * kCellPadding, width_, 0.4, kRule);
    }

    std::vector<Column> columns_;
    double size_;
    bool ruled_;
    double x_;
    double width_ = 0;
    std::optional<Row> header_;
    std::vector<Row> rows_;
};

// "20 %" in French, "20%" in English.
std::string rate_text(std::int64_t rate_milli, bool english) {
    std::string rate = domain::format_vat_rate(rate_milli);
    if (english) return rate + "%";
    std::replace(rate.begin(), rate.end(), '.', ',');
    return rate + "\u00a0%";
}

std::string category_text(const std::string& category, const Labels& labels) {
    if (category == "S") return std::string(labels.standard);
    if (category == "E") return std::string(labels.exempt);
    if (category == "AE") return std::string(labels.reverse_charge);
    if (category == "G") return std::string(labels.export_outside_eu);
    return category;
}

// Control characters of stored text become spaces: the annex shows one line per cell.
std::string one_line(std::string_view text) {
    std::string line(text);
    for (char& ch : line) {
        if (static_cast<unsigned char>(ch) < 0x20 || ch == 0x7F) ch = ' ';
    }
    return line;
}

// The natural width of the widest text of a column, as the column's width.
double column_width(PangoContext* context, const std::vector<std::string>& texts, double size,
                    bool bold_first, double least, double most) {
    double widest = 0;
    for (std::size_t i = 0; i < texts.size(); ++i) {
        const Text text(context, texts[i], {.size = size, .bold = bold_first && i == 0}, 0);
        widest = std::max(widest, text.width());
    }
    return std::clamp(widest + 2 * kCellPadding + 1, least, most);
}

class InvoiceDrawing {
  public:
    InvoiceDrawing(const render::InvoiceDocument& document, const render::InvoiceParts& parts,
                   bool timesheet)
        : document_(document),
          parts_(parts),
          english_(render::is_english(document.invoice.language)),
          labels_(english_ ? kEnglish : kFrench),
          timesheet_(timesheet) {}

    /// Draws every page; returns how many there are.
    int draw(cairo_t* cairo, PangoContext* context, bool drawing, int total) const {
        PageDecor decor{parts_.title, std::string(), labels_.page_of};
        if (document_.invoice.draft()) decor.watermark = english_ ? "DRAFT" : "BROUILLON";
        Pages pages(cairo, context, drawing, decor, total);
        heading(pages);
        parties(pages);
        lines(pages);
        totals(pages);
        payment(pages);
        mentions(pages);
        if (timesheet_) annex(pages);
        pages.finish();
        return pages.count();
    }

  private:
    // Seller on the left, the title and its notes on the right.
    void heading(Pages& pages) const {
        PangoContext* context = pages.context();
        std::vector<Text> left;
        const auto& seller = parts_.seller.lines;
        for (std::size_t i = 0; i < seller.size(); ++i) {
            const Style style =
                i == 0 ? Style{.size = 12, .bold = true} : Style{.size = 9, .color = kMuted};
            left.emplace_back(context, seller[i], style, kHalfWidth);
        }
        std::vector<Text> right;
        right.emplace_back(context, parts_.title,
                           Style{.size = 18, .bold = true, .color = kAccent, .align = Align::Right},
                           kHalfWidth);
        for (const auto& note : parts_.notes) {
            right.emplace_back(context, note,
                               Style{.size = 9, .color = kMuted, .align = Align::Right},
                               kHalfWidth);
        }
        side_by_side(pages, left, right, 2);
        pages.advance(22);
    }

    // The dates on the left, the buyer in a frame on the right.
    void parties(Pages& pages) const {
        PangoContext* context = pages.context();
        std::vector<Text> buyer;
        buyer.emplace_back(context, parts_.buyer.heading, Style{.size = 7.5, .color = kMuted},
                           kHalfWidth - 20);
        const auto& lines = parts_.buyer.lines;
        for (std::size_t i = 0; i < lines.size(); ++i) {
            const Style style = i == 0 ? Style{.size = 10.5, .bold = true} : Style{.size = 9.5};
            buyer.emplace_back(context, lines[i], style, kHalfWidth - 20);
        }
        const double buyer_height = stack_height(buyer, 2) + 20;

        TableSpec fields{.size = 9, .ruled = false};
        std::vector<std::string> labels;
        for (const auto& field : parts_.fields) {
            fields.rows.push_back({field.label, field.value});
            labels.push_back(field.label);
        }
        const double label_width = column_width(context, labels, 9, false, 40, kHalfWidth / 2);
        fields.columns = {{label_width, false}, {kHalfWidth - label_width, false}};
        const Table table(context, fields, kMargin - kCellPadding);
        const double height = std::max(buyer_height, table.height());

        pages.ensure_room(height);
        if (height <= pages.room() + kEpsilon) {
            const double top = pages.y();
            table.draw_at(pages, top);
            pages.frame(kRightColumn, top, kHalfWidth, buyer_height, kRule);
            draw_stack(pages, buyer, kRightColumn + 10, top + 10, 2);
            pages.advance(height);
        } else {
            for (const auto& text : buyer) pages.flow(text, kRightColumn);
            pages.advance(12);
            table.flow(pages);
        }
        pages.advance(24);
    }

    void lines(Pages& pages) const {
        PangoContext* context = pages.context();
        constexpr double kSize = 8.5;
        TableSpec spec{.headers = {parts_.headers.begin(), parts_.headers.end()}, .size = kSize};
        for (const auto& row : parts_.rows) spec.rows.emplace_back(row.begin(), row.end());

        std::vector<Column> columns(render::kLineColumns);
        double others = 0;
        for (std::size_t c = 1; c < render::kLineColumns; ++c) {
            std::vector<std::string> texts{parts_.headers[c]};
            for (const auto& row : parts_.rows) texts.push_back(row[c]);
            const double most = c == render::kUnitColumn ? 70 : 110;
            columns[c] = {column_width(context, texts, kSize, true, 34, most),
                          render::kRightAligned[c]};
            others += columns[c].width;
        }
        columns[render::kDescriptionColumn] = {std::max(kContentWidth - others, 150.0), false};
        spec.columns = columns;
        const Table table(context, spec, kMargin);
        table.flow(pages);
        pages.advance(14);
    }

    // The VAT breakdown on the left, the totals on the right, together on one page.
    void totals(Pages& pages) const {
        PangoContext* context = pages.context();
        const auto& invoice = document_.invoice;
        TableSpec totals_spec{.size = 9};
        std::vector<std::string> amounts;
        for (const auto& row : parts_.totals) {
            totals_spec.rows.push_back({row.label, row.amount});
            totals_spec.strong.push_back(row.strong);
            amounts.push_back(row.amount);
        }
        const double amount_width = column_width(context, amounts, 9, false, 70, 150);
        const double label_width = std::max(kHalfWidth - amount_width, 80.0);
        totals_spec.columns = {{label_width, false}, {amount_width, true}};
        const Table totals_table(context, totals_spec,
                                 kMargin + kContentWidth - label_width - amount_width);

        TableSpec vat_spec{.headers = {labels_.vat_headers.begin(), labels_.vat_headers.end()},
                           .size = 8};
        std::array<std::vector<std::string>, 4> vat_columns;
        for (std::size_t c = 0; c < vat_columns.size(); ++c)
            vat_columns[c].push_back(vat_spec.headers[c]);
        for (const auto& row : document_.vat) {
            vat_spec.rows.push_back(
                {category_text(row.category, labels_), rate_text(row.rate_milli, english_),
                 render::format_money(row.taxable_minor, invoice.currency, document_.minor_digits,
                                      invoice.language),
                 render::format_money(row.vat_minor, invoice.currency, document_.minor_digits,
                                      invoice.language)});
            for (std::size_t c = 0; c < vat_columns.size(); ++c)
                vat_columns[c].push_back(vat_spec.rows.back()[c]);
        }
        const double rate_width = column_width(context, vat_columns[1], 8, true, 30, 60);
        const double base_width = column_width(context, vat_columns[2], 8, true, 50, 110);
        const double vat_width = column_width(context, vat_columns[3], 8, true, 50, 110);
        const double category_width =
            std::max(kHalfWidth - rate_width - base_width - vat_width, 60.0);
        vat_spec.columns = {
            {category_width, false}, {rate_width, true}, {base_width, true}, {vat_width, true}};
        const Table vat_table(context, vat_spec, kMargin);
        const Text vat_title(context, labels_.vat_breakdown,
                             {.size = 8, .bold = true, .color = kMuted}, kHalfWidth);
        const bool has_vat = !document_.vat.empty();
        const double vat_height = has_vat ? vat_title.height() + 4 + vat_table.height() : 0;
        const double height = std::max(vat_height, totals_table.height());

        pages.ensure_room(height);
        if (height <= pages.room() + kEpsilon) {
            const double top = pages.y();
            if (has_vat) {
                pages.draw(vat_title, kMargin, top);
                vat_table.draw_at(pages, top + vat_title.height() + 4);
            }
            totals_table.draw_at(pages, top);
            pages.advance(height);
        } else {
            totals_table.flow(pages);
            if (has_vat) {
                pages.flow(vat_title, kMargin);
                vat_table.flow(pages);
            }
        }
        pages.advance(20);
    }

    void payment(Pages& pages) const {
        if (parts_.bank.empty()) return;
        PangoContext* context = pages.context();
        const Text title(context, labels_.payment_details,
                         {.size = 8, .bold = true, .color = kMuted}, kContentWidth);
        const Text bank(context, parts_.bank, {.size = 9.5}, kContentWidth);
        pages.ensure_room(title.height() + 2 + bank.lines().front().bottom);
        pages.flow(title, kMargin);
        pages.advance(2);
        pages.flow(bank, kMargin);
        pages.advance(16);
    }

    void mentions(Pages& pages) const {
        if (parts_.mentions.empty()) return;
        PangoContext* context = pages.context();
        pages.ensure_room(20);
        pages.rule(kMargin, pages.y(), kContentWidth, 0.5, kRule);
        pages.advance(8);
        for (const auto& mention : parts_.mentions) {
            const Text text(context, mention, {.size = 8, .color = kMuted}, kContentWidth);
            pages.flow(text, kMargin);
            pages.advance(4);
        }
    }

    // The relevé d'activité: the billed entries, on pages of their own.
    void annex(Pages& pages) const {
        pages.new_page();
        PangoContext* context = pages.context();
        const auto& invoice = document_.invoice;
        const Text title(context, labels_.timesheet, {.size = 16, .bold = true, .color = kAccent},
                         kContentWidth);
        std::string about = parts_.title;
        if (!parts_.buyer.lines.empty()) about += " \u2014 " + parts_.buyer.lines.front();
        const Text subtitle(context, about, {.size = 9, .color = kMuted}, kContentWidth);
        pages.flow(title, kMargin);
        pages.advance(2);
        pages.flow(subtitle, kMargin);
        pages.advance(14);

        if (document_.timesheet.empty()) {
            pages.flow(Text(context, labels_.no_entries, {.size = 9}, kContentWidth), kMargin);
            return;
        }
        TableSpec spec{
            .headers = {labels_.timesheet_headers.begin(), labels_.timesheet_headers.end()},
            .size = 8};
        std::int64_t seconds = 0;
        for (const auto& row : document_.timesheet) {
            std::string units = one_line(row.units);
            if (!english_) std::replace(units.begin(), units.end(), '.', ',');
            spec.rows.push_back({render::format_document_date(one_line(row.date), invoice.language),
                                 one_line(row.start), one_line(row.end), one_line(row.mission),
                                 domain::format_hm(row.seconds), units, one_line(row.note)});
            spec.strong.push_back(false);
            if (__builtin_add_overflow(seconds, row.seconds, &seconds)) seconds = 0;
        }
        spec.rows.push_back(
            {std::string(labels_.timesheet_total), "", "", "", domain::format_hm(seconds), "", ""});
        spec.strong.push_back(true);

        std::vector<Column> columns(7);
        double fixed = 0;
        for (std::size_t c : {0u, 1u, 2u, 4u, 5u}) {
            std::vector<std::string> texts{spec.headers[c]};
            for (const auto& row : spec.rows) texts.push_back(row[c]);
            columns[c] = {column_width(context, texts, 8, true, 30, 90), c >= 4};
            fixed += columns[c].width;
        }
        const double rest = std::max(kContentWidth - fixed, 160.0);
        columns[3] = {rest * 0.45, false};
        columns[6] = {rest * 0.55, false};
        spec.columns = columns;
        Table(context, spec, kMargin).flow(pages);
    }

    static double stack_height(const std::vector<Text>& texts, double gap) {
        double height = 0;
        for (std::size_t i = 0; i < texts.size(); ++i)
            height += texts[i].height() + (i > 0 ? gap : 0);
        return height;
    }

    static void draw_stack(Pages& pages, const std::vector<Text>& texts, double x, double y,
                           double gap) {
        for (const auto& text : texts) {
            pages.draw(text, x, y);
            y += text.height() + gap;
        }
    }

    // Two stacks of paragraphs beside each other when they fit the page, else one after
    // the other, each line flowing onto the next page.
    static void side_by_side(Pages& pages, const std::vector<Text>& left,
                             const std::vector<Text>& right, double gap) {
        const double height = std::max(stack_height(left, gap), stack_height(right, gap));
        if (height <= pages.room()) {
            draw_stack(pages, left, kMargin, pages.y(), gap);
            draw_stack(pages, right, kRightColumn, pages.y(), gap);
            pages.advance(height);
            return;
        }
        for (const auto& text : right) {
            pages.flow(text, kRightColumn);
            pages.advance(gap);
        }
        for (const auto& text : left) {
            pages.flow(text, kMargin);
            pages.advance(gap);
        }
    }

    const render::InvoiceDocument& document_;
    const render::InvoiceParts& parts_;
    bool english_;
    const Labels& labels_;
    bool timesheet_;
};

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

void check(cairo_status_t status) {
    if (status != CAIRO_STATUS_SUCCESS) {
        throw Error(ErrorKind::Failure,
                    std::string("cannot draw the PDF: cairo: ") + cairo_status_to_string(status));
    }
}

}  // namespace

std::string draw_invoice(const render::InvoiceDocument& document, const render::InvoiceParts& parts,
                         bool timesheet) {
    const InvoiceDrawing drawing(document, parts, timesheet);

    std::string bytes;
    const Surface surface(
        cairo_pdf_surface_create_for_stream(&append, &bytes, kPageWidth, kPageHeight),
        &cairo_surface_destroy);
    check(cairo_surface_status(surface.get()));
    cairo_pdf_surface_restrict_to_version(surface.get(), CAIRO_PDF_VERSION_1_5);
    const Cairo cairo(cairo_create(surface.get()), &cairo_destroy);
    check(cairo_status(cairo.get()));

    // A font map of our own, released with the document: the process-wide default one
    // keeps fontconfig's matches until exit (LeakSanitizer reports them as leaks).
    const FontMap font_map(pango_cairo_font_map_new());
    // Layout in points, unhinted: the same line breaks whatever prints the file.
    const Context context(pango_font_map_create_context(font_map.get()));
    pango_cairo_update_context(cairo.get(), context.get());
    pango_cairo_context_set_resolution(context.get(), 72);
    const FontOptions options(cairo_font_options_create(), &cairo_font_options_destroy);
    cairo_font_options_set_hint_metrics(options.get(), CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(options.get(), CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(context.get(), options.get());

    const int total = drawing.draw(cairo.get(), context.get(), false, 0);
    drawing.draw(cairo.get(), context.get(), true, total);
    check(cairo_status(cairo.get()));
    cairo_surface_finish(surface.get());
    check(cairo_surface_status(surface.get()));
    return bytes;
}

}  // namespace slash::pdf
