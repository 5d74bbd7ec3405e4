#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

/// A small writer of indented XML for the structured documents (the CII invoice), so that
/// no caller ever pastes user text into markup by hand.
namespace slash::render {

/// `text` as XML 1.0 character data or attribute value, UTF-8 kept: & < > " ' become
/// entities; tab and line feed are kept, CR LF and a lone CR become a line feed; the other
/// control characters (C0, DEL, C1), which XML 1.0 forbids or discourages, become spaces;
/// U+FFFE, U+FFFF and bytes that are not well-formed UTF-8 (overlong forms, surrogates,
/// truncated sequences) become U+FFFD.
[[nodiscard]] std::string xml_escape(std::string_view text);

struct XmlAttribute {
    std::string_view name;
    std::string_view value;  ///< escaped by the writer
};

/// Element names are the caller's constants and written as they are; text and attribute
/// values are escaped. Two spaces of indentation per level; an element holding text is
/// written on one line.
class XmlWriter {
  public:
    /// Starts the document with `<?xml version="1.0" encoding="UTF-8"?>`.
    XmlWriter();

    void open(std::string_view name, std::initializer_list<XmlAttribute> attributes = {});
    /// Closes the innermost open element.
    void close();
    /// `<name attributes>text</name>`.
    void element(std::string_view name, std::string_view text,
                 std::initializer_list<XmlAttribute> attributes = {});
    /// `<name><inner>text</inner></name>`: the CII wrappers of dates and indicators.
    void wrapped(std::string_view name, std::string_view inner, std::string_view text,
                 std::initializer_list<XmlAttribute> attributes = {});

    /// The document, every element closed.
    [[nodiscard]] std::string finish();

  private:
    void start_tag(std::string_view name, std::initializer_list<XmlAttribute> attributes);
    void indent();

    std::string out_;
    std::vector<std::string> open_;
};

}  // namespace slash::render
