// The e-invoicing layer without the network: SHA-256, tracking ids, the JSON bodies
// against the kit's OpenAPI schemas, the CDAR reader on the standard's examples and the
// 212 writer against the CDAR schema.

#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "openapi_check.hpp"
#include "slash/domain/error.hpp"
#include "slash/einvoicing/cdar.hpp"
#include "slash/einvoicing/platform.hpp"
#include "slash/einvoicing/sha256.hpp"
#include "support/process.hpp"
#include "support/test_env.hpp"

namespace {

namespace fs = std::filesystem;
using namespace slash::einvoicing;

const fs::path kKit = fs::path(slash::testing::source_dir()) / "tests/einvoicing/kit";
const std::string kFlowApi = (kKit / "openapi/flow-service-1.1.0.openapi.json").string();

std::string joined(const std::vector<std::string>& problems) {
    std::string text;
    for (const auto& p : problems) text += p + "\n";
    return text;
}

}  // namespace

TEST_CASE("einvoicing/sha256: FIPS 180-4 test vectors and block boundaries") {
    CHECK(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    CHECK(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    CHECK(sha256_hex("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq") ==
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    CHECK(sha256_hex(std::string(1000000, 'a')) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0");
    // 55, 56 and 64 bytes: the padding takes one block, two blocks, a block of its own.
    CHECK(sha256_hex(std::string(55, 'x')) != sha256_hex(std::string(56, 'x')));
    CHECK(sha256_hex(std::string(64, 'a')) == "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb");
}

TEST_CASE("einvoicing/tracking id: 36 characters in the UUID form, stable, distinct") {
    const std::string id = stable_tracking_id("slash invoice 123456782 2026-0001");
    CHECK(id.size() == 36);
    CHECK(std::regex_match(id, std::regex("[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}")));
    CHECK(id == stable_tracking_id("slash invoice 123456782 2026-0001"));
    CHECK(id != stable_tracking_id("slash invoice 123456782 2026-0002"));
}

TEST_CASE("einvoicing/flowInfo and search bodies conform to the Flow Service OpenAPI schemas") {
    FlowInfo info{stable_tracking_id("x"), "2026-0001.pdf", "B2B", "Factur-X", sha256_hex("pdf")};
    CHECK(flow_info_json(info) ==
          R"({"trackingId":")" + info.tracking_id + R"(","name":"2026-0001.pdf","processingRule":"B2B",)"
          R"("flowSyntax":"Factur-X","sha256":")" + info.sha256 + R"("})");
    CHECK(joined(slash::testing::openapi_problems(kFlowApi, "FlowInfo", flow_info_json(info))) == "");
    info.flow_syntax = "CDAR";
    info.processing_rule = "NotApplicable";
    CHECK(joined(slash::testing::openapi_problems(kFlowApi, "FlowInfo", flow_info_json(info))) == "");
    // The checker itself refuses what the schema refuses.
    info.flow_syntax = "PDF";
    info.sha256 = "ABC";
    CHECK(joined(slash::testing::openapi_problems(kFlowApi, "FlowInfo", flow_info_json(info))) ==
          "FlowInfo.flowSyntax: \"PDF\" is not in the enum\nFlowInfo.sha256: does not match ^[a-f0-9]{64}$\n");

    FlowSearch search;
    search.updated_after = "2026-12-01T09:00:00Z";
    search.flow_types = {"CustomerInvoiceLC"};
    search.directions = {"In"};
    CHECK(flow_search_json(search) == R"({"limit":100,"where":{"updatedAfter":"2026-12-01T09:00:00Z",)"
                                      R"("flowType":["CustomerInvoiceLC"],"flowDirection":["In"]}})");
    CHECK(joined(slash::testing::openapi_problems(kFlowApi, "SearchFlowParams", flow_search_json(search))) == "");
    FlowSearch by_id;
    by_id.tracking_id = stable_tracking_id("x");
    CHECK(joined(slash::testing::openapi_problems(kFlowApi, "SearchFlowParams", flow_search_json(by_id))) == "");
}

TEST_CASE("einvoicing/cdar: every kit example reads, with its invoice, status, date and reason") {
    struct Expected {
        const char* file;
        const char* number;
        const char* code;
        const char* label;
        const char* reason;
        const char* amount;
    };
    const Expected cases[] = {
        {"UC1_F202500003_01-CDV-200_Deposee.xml", "F202500003", "200", "Déposée", "", ""},
        {"UC1_F202500003_05-CDV-205_Approuvee.xml", "F202500003", "205", "Approuvée", "", ""},
        {"UC1_F202500003_07-CDV-212_Encaissee.xml", "F202500003", "212", "Encaissée", "", "12000"},
        {"UC2_F202500004_02-CDV-213_Rejetee.xml", "F202500004", "213", "Rejetée",
         "DOUBLON - Facture en doublon (déjà émise / réçue) - Facture identique reçue sur une autre adresse", ""},
    };
    for (const auto& c : cases) {
        INFO(c.file);
        auto message = parse_cdar(slash::testing::read_file(kKit / "lifecycle" / c.file));
        REQUIRE(message.references.size() == 1);
        const auto& ref = message.references[0];
        CHECK(ref.invoice_number == c.number);
        CHECK(ref.status_code == c.code);
        CHECK(ref.status_label == c.label);
        CHECK(ref.seller_id == "100000009");
        CHECK(ref.type_code == "380");
        CHECK(ref.reason == c.reason);
        CHECK(ref.amount == c.amount);
        CHECK(ref.status_at.size() == 14);
    }
    for (const auto& entry : fs::directory_iterator(kKit / "lifecycle")) {
        INFO(entry.path().filename().string());
        auto message = parse_cdar(slash::testing::read_file(entry.path()));
        // slash knows every code, whatever words the message uses ("Mise_à_disposition").
        CHECK(!status_label(message.references.at(0).status_code).empty());
    }
}

TEST_CASE("einvoicing/cdar: the reader finds fields under any prefix and refuses what is not a CDAR") {
    const std::string renamed = R"(<?xml version="1.0" encoding="ISO-8859-1"?>
<a:CrossDomainAcknowledgementAndResponse xmlns:a="urn:un:unece:uncefact:data:standard:CrossDomainAcknowledgementAndResponse:100"
  xmlns:b="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
 <a:ExchangedDocument><b:ID>X</b:ID></a:ExchangedDocument>
 <a:AcknowledgementDocument><b:ReferenceReferencedDocument>
  <b:IssuerAssignedID><![CDATA[A&B-1]]></b:IssuerAssignedID>
  <b:ProcessConditionCode>210</b:ProcessConditionCode><b:ProcessCondition>Refus&#233;e</b:ProcessCondition>
 </b:ReferenceReferencedDocument></a:AcknowledgementDocument>
</a:CrossDomainAcknowledgementAndResponse>)";
    auto message = parse_cdar(renamed);
    CHECK(message.references.at(0).invoice_number == "A&B-1");
    CHECK(message.references.at(0).status_label == "Refusée");

    auto refusal = [](const std::string& xml) {
        try {
            (void)parse_cdar(xml);
        } catch (const slash::Error& e) {
            return std::string(e.what());
        }
        return std::string("accepted");
    };
    CHECK(refusal("<Invoice/>") ==
          "not a life-cycle message: its root is not a CrossDomainAcknowledgementAndResponse (CDAR D22B)");
    CHECK(refusal("<a><b></a>").starts_with("not a life-cycle message: line 1: "));
    // An external entity is never fetched nor expanded.
    CHECK(refusal("<?xml version=\"1.0\"?><!DOCTYPE r [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><r>&x;</r>")
              .starts_with("not a life-cycle message: "));
}

TEST_CASE("einvoicing/cdar: the 212 Encaissée slash writes validates against the CDAR D22B schema") {
    EncaisseeMessage m;
    m.document_id = "2026-0001_212_20261201100000#380_20261031";
    m.document_name = "2026-0001-212-1";
    m.created_at = "20261201100000";
    m.status_at = "20261130000000";
    m.seller_siren = "123456782";
    m.seller_name = "Camille Martin <EI> & co";
    m.buyer_siren = "552100554";
    m.buyer_name = "ACME SAS";
    m.invoice_number = "2026-0001";
    m.invoice_type_code = "380";
    m.invoice_date = "20261031";
    m.received_at = "20261201090001";
    m.currency = "EUR";
    m.amounts = {{"720.00", "20.00"}, {"440.00", "10.00"}};
    const std::string xml = write_encaissee(m);
    auto back = parse_cdar(xml);
    REQUIRE(back.references.size() == 1);
    CHECK(back.references[0].invoice_number == "2026-0001");
    CHECK(back.references[0].status_code == "212");
    CHECK(back.references[0].status_label == "Encaissée");
    CHECK(back.references[0].seller_id == "123456782");
    CHECK(back.references[0].amount == "720.00");
    CHECK(xml.find("<ram:URIID schemeID=\"0225\">552100554</ram:URIID>") != std::string::npos);
    if (!slash::testing::have_program("xmllint")) {
        MESSAGE("skipped the schema check: xmllint is not installed (apt-get install libxml2-utils)");
        return;
    }
    auto dir = slash::testing::make_temp_dir("slash-cdar");
    const auto file = dir / "212.xml";
    std::ofstream(file, std::ios::binary) << xml;
    auto result = slash::testing::run_process(
        {"xmllint", "--noout", "--schema",
         (kKit / "cdar-xsd/CrossDomainAcknowledgementAndResponse_100pD22B.xsd").string(), file.string()});
    CHECK_MESSAGE(result.code == 0, result.err);
    fs::remove_all(dir);
}
