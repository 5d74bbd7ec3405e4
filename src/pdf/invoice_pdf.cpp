#include "slash/pdf/invoice_pdf.hpp"

#include <cairo.h>
#include <qpdf/QPDF.hh>

#include <cstdint>
#include <exception>
#include <string>

#include "drawing.hpp"
#include "factur_x.hpp"
#include "slash/domain/calendar.hpp"

namespace slash::pdf {

namespace {

// The moment the document stands for, from the invoice alone (never the clock), so that
// printing an invoice twice gives the same file.
std::int64_t document_time(const domain::Invoice& invoice) {
    if (invoice.issued_at && *invoice.issued_at > 0) return *invoice.issued_at;
    if (invoice.updated_at > 0) return invoice.updated_at;
    if (invoice.created_at > 0) return invoice.created_at;
    const std::string& date = invoice.issue_date;
    if (date.size() == 10 && date[4] == '-' && date[7] == '-') {
        try {
            const domain::CivilDate civil{std::stoi(date.substr(0, 4)),
                                          std::stoi(date.substr(5, 2)),
                                          std::stoi(date.substr(8, 2))};
            if (domain::is_valid_date(civil)) return domain::days_from_civil(civil) * 86400;
        } catch (const std::exception&) {
            return 0;
        }
    }
    return 0;
}

}  // namespace

bool available() {
    return true;
}

std::string invoice_pdf(const render::InvoiceDocument& document, const std::string& factur_x_xml,
                        bool timesheet) {
    const render::InvoiceParts parts = render::invoice_parts(document);
    DocumentInfo info;
    info.title = parts.title;
    if (!parts.seller.lines.empty()) info.author = parts.seller.lines.front();
    info.producer = std::string("slash (cairo ") + cairo_version_string() + ", qpdf " +
                    QPDF::QPDFVersion() + ")";
    info.created_at = document_time(document.invoice);
    return make_factur_x(draw_invoice(document, parts, timesheet), factur_x_xml, info);
}

}  // namespace slash::pdf
