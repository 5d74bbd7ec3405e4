#pragma once

#include <cstdint>
#include <string>

/// PDF/A-3b and Factur-X on top of a drawn PDF, with qpdf and lcms2.
namespace slash::pdf {

/// What the document information dictionary and the XMP metadata say, alike.
struct DocumentInfo {
    std::string title;   ///< "FACTURE 2026-0001"
    std::string author;  ///< the seller, "Jeanne Dupont EI"
    std::string producer;
    std::int64_t created_at = 0;  ///< Unix seconds, UTC
};

/// `pdf` with `factur_x_xml` embedded as `factur-x.xml` (EmbeddedFiles and the catalog's
/// /AF, AFRelationship /Alternative, text/xml, its size and date), the XMP metadata of a
/// PDF/A-3b Factur-X EN 16931 file (uncompressed, as PDF/A wants it readable), an sRGB
/// output intent (GTS_PDFA1, an lcms2 profile), a matching /Info and an /ID derived from
/// the content. Throws Error(Failure) when qpdf or lcms2 fails or the input has a defect.
[[nodiscard]] std::string make_factur_x(const std::string& pdf, const std::string& factur_x_xml,
                                        const DocumentInfo& info);

/// The XMP packet of make_factur_x, exposed for its tests.
[[nodiscard]] std::string xmp_metadata(const DocumentInfo& info);

}  // namespace slash::pdf
