// The entry points of libslash-pdf.so, the module src/pdf/loader.cpp opens when a PDF is
// asked for. C linkage for stable symbol names; the types are slash's own, which is safe
// because the loader only accepts a module of its own build (slash_pdf_build_id).

#include <exception>
#include <string>

#include "slash/domain/error.hpp"
#include "slash/pdf/invoice_pdf.hpp"

#define SLASH_PDF_EXPORT extern "C" __attribute__((visibility("default")))

SLASH_PDF_EXPORT const char* slash_pdf_build_id() { return SLASH_PDF_BUILD_ID; }

/// Renders `document` into `out`. Returns -1 on success; otherwise the ErrorKind of the
/// failure, its message in `error`: no exception crosses the module boundary.
SLASH_PDF_EXPORT int slash_pdf_invoice(const slash::render::InvoiceDocument* document, const std::string* xml,
                                       int timesheet, std::string* out, std::string* error) {
    try {
        *out = slash::pdf::invoice_pdf(*document, *xml, timesheet != 0);
        return -1;
    } catch (const slash::Error& e) {
        *error = e.what();
        return static_cast<int>(e.kind());
    } catch (const std::exception& e) {
        *error = e.what();
        return static_cast<int>(slash::ErrorKind::Failure);
    }
}
