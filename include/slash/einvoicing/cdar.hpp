#pragma once

#include <string>
#include <string_view>
#include <vector>

/// Life-cycle messages as slash reads them: UN/CEFACT Cross Domain Acknowledgement and
/// Response D22B in the French profile of XP Z12-012 (docs/einvoicing.md §CDAR). The parse is
/// libxml2's, inside the e-invoicing module: the messages come from other programs, and a
/// conforming parser (encodings, namespaces under any prefix, CDATA, character references)
/// is worth more than a reader of our own. Plain standard types: they cross the module
/// boundary.
namespace slash::einvoicing {

/// One status of one referenced document (MDG-32, ReferenceReferencedDocument).
struct CdarReference {
    std::string invoice_number;  ///< MDT-87 IssuerAssignedID (BT-1)
    std::string type_code;       ///< MDT-91 (380 invoice, 381 credit note...)
    std::string invoice_date;    ///< MDT-100, YYYYMMDD as written
    std::string seller_id;       ///< MDT-129, the seller's SIREN
    std::string status_code;     ///< MDT-105, "200".."220"
    std::string status_label;    ///< MDT-106
    std::string status_at;       ///< MDG-38 when given, else MDT-78 (format 204: YYYYMMDDHHMMSS)
    std::string reason;          ///< MDT-113 code, MDT-114 text and notes, joined
    std::string amount;          ///< MDT-215 of the first MEN/MPA characteristic, as written
    std::string currency;        ///< its currencyID
};

struct CdarMessage {
    std::string document_id;  ///< MDT-4
    std::string issued_at;    ///< MDT-8 (format 204)
    std::string status_at;    ///< MDT-78 (format 204)
    std::vector<CdarReference> references;
};

/// Reads a CDAR message. No network, no DTD, no entity expansion. Throws Error(Failure)
/// `not a life-cycle message: <reason>` for anything that is not a well-formed
/// CrossDomainAcknowledgementAndResponse with at least one referenced document.
[[nodiscard]] CdarMessage parse_cdar(std::string_view xml);

/// The labels of XP Z12-012's status codes ("212" -> "Encaissée"); empty for a code it does
/// not list.
[[nodiscard]] std::string_view status_label(std::string_view code);

}  // namespace slash::einvoicing

namespace slash::einvoicing {

/// One amount of a 212 Encaissée (MDG-43): the amount collected, VAT included, at one VAT
/// rate (XP Z12-014: MEN, MDT-215, MDT-224).
struct CollectedAmount {
    std::string amount;  ///< decimal, "720.00"
    std::string rate;    ///< percent, "20.00"
};

/// What the 212 "Encaissée" a seller sends on payment says (XP Z12-012 MDT-n, as in the
/// XP Z12-014 examples). Dates and times are CDAR format 204 (YYYYMMDDHHMMSS) or 102
/// (YYYYMMDD).
struct EncaisseeMessage {
    std::string document_id;    ///< MDT-4, unique per message
    std::string document_name;  ///< MDT-5
    std::string created_at;     ///< MDT-8, 204
    std::string status_at;      ///< MDT-78, 204: when the money was received
    std::string seller_siren, seller_name;
    std::string buyer_siren, buyer_name;
    std::string buyer_address;  ///< MDT-73, the buyer's electronic address (scheme 0225); empty: its SIREN
    std::string invoice_number;
    std::string invoice_type_code;  ///< 380 invoice, 386 deposit
    std::string invoice_date;       ///< 102
    std::string received_at;        ///< MDT-95, 204: when the platform took the invoice (Déposée)
    std::string currency;
    std::vector<CollectedAmount> amounts;
};

/// The message as CDAR D22B XML; it validates against the CDAR schema.
[[nodiscard]] std::string write_encaissee(const EncaisseeMessage& message);

}  // namespace slash::einvoicing
