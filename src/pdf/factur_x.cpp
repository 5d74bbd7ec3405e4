#include "factur_x.hpp"

#include <lcms2.h>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>

#include <array>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <memory>
#include <string>
#include <string_view>

#include "../render/xml_writer.hpp"
#include "slash/domain/calendar.hpp"
#include "slash/domain/error.hpp"

namespace slash::pdf {

namespace {

constexpr std::string_view kFileName = "factur-x.xml";

// The Factur-X extension schema of tests/conformance/xmp/ (FNFE-MPE, as shipped by
// akretion/factur-x): PDF/A only admits XMP properties whose schema is either predefined
// or described in the file itself.
constexpr std::string_view kExtensionSchema = R"(  <rdf:Description rdf:about=""
    xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
    xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
    xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
   <pdfaExtension:schemas>
    <rdf:Bag>
     <rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>fx</pdfaSchema:prefix>
      <pdfaSchema:property>
       <rdf:Seq>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>DocumentFileName</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>name of the embedded XML invoice file</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>DocumentType</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>INVOICE</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>Version</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>The actual version of the Factur-X XML schema</pdfaProperty:description>
        </rdf:li>
        <rdf:li rdf:parseType="Resource">
         <pdfaProperty:name>ConformanceLevel</pdfaProperty:name>
         <pdfaProperty:valueType>Text</pdfaProperty:valueType>
         <pdfaProperty:category>external</pdfaProperty:category>
         <pdfaProperty:description>The conformance level of the embedded Factur-X data</pdfaProperty:description>
        </rdf:li>
       </rdf:Seq>
      </pdfaSchema:property>
     </rdf:li>
    </rdf:Bag>
   </pdfaExtension:schemas>
  </rdf:Description>
)";

struct Moment {
    domain::CivilDate date;
    int hour = 0;
    int minute = 0;
    int second = 0;
};

Moment moment_of(std::int64_t seconds) {
    std::int64_t days = seconds / 86400;
    std::int64_t rest = seconds % 86400;
    if (rest < 0) {
        rest += 86400;
        --days;
    }
    return {domain::civil_from_days(days), static_cast<int>(rest / 3600),
            static_cast<int>(rest / 60 % 60), static_cast<int>(rest % 60)};
}

std::string digits(int value, std::size_t width) {
    std::string text = std::to_string(value < 0 ? 0 : value);
    if (text.size() < width) text.insert(0, width - text.size(), '0');
    return text;
}

// "D:20261130143000+00'00'", the PDF date of /Info and of the embedded file's parameters.
std::string pdf_date(std::int64_t seconds) {
    const Moment m = moment_of(seconds);
    return "D:" + digits(m.date.year, 4) + digits(m.date.month, 2) + digits(m.date.day, 2) +
           digits(m.hour, 2) + digits(m.minute, 2) + digits(m.second, 2) + "+00'00'";
}

// "2026-11-30T14:30:00+00:00", the same instant as XMP writes it.
std::string xmp_date(std::int64_t seconds) {
    const Moment m = moment_of(seconds);
    return digits(m.date.year, 4) + "-" + digits(m.date.month, 2) + "-" + digits(m.date.day, 2) +
           "T" + digits(m.hour, 2) + ":" + digits(m.minute, 2) + ":" + digits(m.second, 2) +
           "+00:00";
}

// sRGB IEC 61966-2.1 as lcms2 builds it (a display profile, ICC v4), its creation date set
// to the document's so that the same invoice always gives the same bytes.
std::string srgb_profile(std::int64_t created_at) {
    using Profile = std::unique_ptr<void, decltype(&cmsCloseProfile)>;
    const Profile profile(cmsCreate_sRGBProfile(), &cmsCloseProfile);
    cmsUInt32Number size = 0;
    if (!profile || !cmsSaveProfileToMem(profile.get(), nullptr, &size) || size < 128) {
        throw Error(ErrorKind::Failure,
                    "cannot make the PDF: lcms2 could not build an sRGB profile");
    }
    std::string bytes(size, '\0');
    if (!cmsSaveProfileToMem(profile.get(), bytes.data(), &size)) {
        throw Error(ErrorKind::Failure,
                    "cannot make the PDF: lcms2 could not write the sRGB profile");
    }
    // Header bytes 24..35: the creation dateTimeNumber, six big-endian 16-bit numbers. The
    // profile ID (bytes 84..99) is left zero by lcms2, so nothing else depends on them.
    const Moment m = moment_of(created_at);
    const std::array<int, 6> fields{m.date.year, m.date.month, m.date.day,
                                    m.hour,      m.minute,     m.second};
    for (std::size_t i = 0; i < fields.size(); ++i) {
        bytes[24 + 2 * i] = static_cast<char>((fields[i] >> 8) & 0xFF);
        bytes[25 + 2 * i] = static_cast<char>(fields[i] & 0xFF);
    }
    return bytes;
}

QPDFObjectHandle name(const std::string& text) {
    return QPDFObjectHandle::newName(text);
}

void embed_invoice_xml(QPDF& pdf, const std::string& xml, const std::string& date) {
    auto stream = QPDFEFStreamObjectHelper::createEFStream(pdf, xml);
    stream.setSubtype("text/xml").setCreationDate(date).setModDate(date);
    auto spec = QPDFFileSpecObjectHelper::createFileSpec(pdf, std::string(kFileName), stream);
    spec.setDescription("Factur-X invoice, CII XML, EN 16931 profile");
    QPDFObjectHandle spec_object = spec.getObjectHandle();
    // EN 16931 carries the whole invoice in the XML: an equivalent of the visible document.
    spec_object.replaceKey("/AFRelationship", name("/Alternative"));
    if (!spec_object.isIndirect()) spec_object = pdf.makeIndirectObject(spec_object);

    QPDFEmbeddedFileDocumentHelper(pdf).replaceEmbeddedFile(std::string(kFileName),
                                                            QPDFFileSpecObjectHelper(spec_object));
    pdf.getRoot().replaceKey("/AF", QPDFObjectHandle::newArray({spec_object}));
}

void add_output_intent(QPDF& pdf, std::int64_t created_at) {
    QPDFObjectHandle profile = QPDFObjectHandle::newStream(&pdf, srgb_profile(created_at));
    profile.getDict().replaceKey("/N", QPDFObjectHandle::newInteger(3));
    QPDFObjectHandle intent = QPDFObjectHandle::newDictionary();
    intent.replaceKey("/Type", name("/OutputIntent"));
    intent.replaceKey("/S", name("/GTS_PDFA1"));
    intent.replaceKey("/OutputConditionIdentifier", QPDFObjectHandle::newString("sRGB"));
    intent.replaceKey("/RegistryName", QPDFObjectHandle::newString("http://www.color.org"));
    intent.replaceKey("/Info", QPDFObjectHandle::newString("sRGB IEC61966-2.1"));
    intent.replaceKey("/DestOutputProfile", profile);
    pdf.getRoot().replaceKey("/OutputIntents",
                             QPDFObjectHandle::newArray({pdf.makeIndirectObject(intent)}));
}

// cairo leaves out the CIDToGIDMap of its TrueType CID fonts, whose subsets number their
// glyphs by CID: the default is Identity, but PDF/A wants the entry written.
void name_glyph_maps(QPDF& pdf) {
    for (QPDFObjectHandle object : pdf.getAllObjects()) {
        if (object.isDictionary() && object.getKey("/Subtype").isNameAndEquals("/CIDFontType2") &&
            !object.hasKey("/CIDToGIDMap")) {
            object.replaceKey("/CIDToGIDMap", name("/Identity"));
        }
    }
}

void add_metadata(QPDF& pdf, const DocumentInfo& info) {
    QPDFObjectHandle metadata = QPDFObjectHandle::newStream(&pdf, xmp_metadata(info));
    metadata.getDict().replaceKey("/Type", name("/Metadata"));
    metadata.getDict().replaceKey("/Subtype", name("/XML"));
    pdf.getRoot().replaceKey("/Metadata", metadata);

    // PDF/A: every /Info entry must say what its XMP counterpart says.
    const std::string date = pdf_date(info.created_at);
    QPDFObjectHandle dictionary = QPDFObjectHandle::newDictionary();
    dictionary.replaceKey("/Title", QPDFObjectHandle::newUnicodeString(info.title));
    if (!info.author.empty())
        dictionary.replaceKey("/Author", QPDFObjectHandle::newUnicodeString(info.author));
    dictionary.replaceKey("/Creator", QPDFObjectHandle::newUnicodeString("slash"));
    dictionary.replaceKey("/Producer", QPDFObjectHandle::newUnicodeString(info.producer));
    dictionary.replaceKey("/CreationDate", QPDFObjectHandle::newString(date));
    dictionary.replaceKey("/ModDate", QPDFObjectHandle::newString(date));
    pdf.getTrailer().replaceKey("/Info", pdf.makeIndirectObject(dictionary));
}

std::string written(QPDF& pdf) {
    QPDFWriter writer(pdf);
    writer.setOutputMemory();
    // A digest of the content: the same invoice gives the same file, ID included.
    writer.setDeterministicID(true);
    writer.setMinimumPDFVersion("1.7");
    writer.write();
    const std::shared_ptr<Buffer> buffer = writer.getBufferSharedPointer();
    return std::string(reinterpret_cast<const char*>(buffer->getBuffer()), buffer->getSize());
}

}  // namespace

std::string xmp_metadata(const DocumentInfo& info) {
    const std::string date = xmp_date(info.created_at);
    std::string xmp;
    xmp += "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n";
    xmp += "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n";
    xmp += " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n";
    xmp += "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n";
    xmp += "   <pdfaid:part>3</pdfaid:part>\n";
    xmp += "   <pdfaid:conformance>B</pdfaid:conformance>\n";
    xmp += "  </rdf:Description>\n";
    xmp += "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n";
    xmp += "   <dc:format>application/pdf</dc:format>\n";
    xmp += "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + render::xml_escape(info.title) +
           "</rdf:li></rdf:Alt></dc:title>\n";
    if (!info.author.empty()) {
        xmp += "   <dc:creator><rdf:Seq><rdf:li>" + render::xml_escape(info.author) +
               "</rdf:li></rdf:Seq></dc:creator>\n";
    }
    xmp += "  </rdf:Description>\n";
    xmp += "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n";
    xmp += "   <xmp:CreatorTool>slash</xmp:CreatorTool>\n";
    xmp += "   <xmp:CreateDate>" + date + "</xmp:CreateDate>\n";
    xmp += "   <xmp:ModifyDate>" + date + "</xmp:ModifyDate>\n";
    xmp += "   <xmp:MetadataDate>" + date + "</xmp:MetadataDate>\n";
    xmp += "  </rdf:Description>\n";
    xmp += "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n";
    xmp += "   <pdf:Producer>" + render::xml_escape(info.producer) + "</pdf:Producer>\n";
    xmp += "  </rdf:Description>\n";
    xmp +=
        "  <rdf:Description rdf:about=\"\" "
        "xmlns:fx=\"urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#\">\n";
    xmp += "   <fx:DocumentType>INVOICE</fx:DocumentType>\n";
    xmp += "   <fx:DocumentFileName>" + std::string(kFileName) + "</fx:DocumentFileName>\n";
    xmp += "   <fx:Version>1.0</fx:Version>\n";
    xmp += "   <fx:ConformanceLevel>EN 16931</fx:ConformanceLevel>\n";
    xmp += "  </rdf:Description>\n";
    xmp += kExtensionSchema;
    xmp += " </rdf:RDF>\n";
    xmp += "</x:xmpmeta>\n";
    xmp += "<?xpacket end=\"w\"?>";
    return xmp;
}

std::string make_factur_x(const std::string& pdf_bytes, const std::string& factur_x_xml,
                          const DocumentInfo& info) {
    try {
        QPDF pdf;
        // Warnings are collected, never printed: only the cli layer writes to a stream.
        pdf.setSuppressWarnings(true);
        pdf.setAttemptRecovery(false);
        pdf.processMemoryFile("invoice.pdf", pdf_bytes.data(), pdf_bytes.size());
        name_glyph_maps(pdf);
        embed_invoice_xml(pdf, factur_x_xml, pdf_date(info.created_at));
        add_output_intent(pdf, info.created_at);
        add_metadata(pdf, info);
        std::string bytes = written(pdf);
        if (pdf.anyWarnings()) {
            throw Error(ErrorKind::Failure, "cannot make the PDF: qpdf found a defect: " +
                                                std::string(pdf.getWarnings().front().what()));
        }
        return bytes;
    } catch (const Error&) {
        throw;
    } catch (const std::exception& error) {
        throw Error(ErrorKind::Failure, std::string("cannot make the PDF: ") + error.what());
    }
}

}  // namespace slash::pdf
