#include "slash/pdf/invoice_pdf.hpp"

#include "slash/domain/error.hpp"

namespace slash::pdf {

bool available() {
    return false;
}

std::string invoice_pdf(const render::InvoiceDocument& /*document*/,
                        const std::string& /*factur_x_xml*/, bool /*timesheet*/) {
    throw Error(ErrorKind::Failure,
                "this slash was built without PDF support (cairo, pango, qpdf, lcms2)");
}

}  // namespace slash::pdf
