#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace slash::services {
struct InvoiceDetails;
struct InvoiceQuery;
struct ReminderPlan;
}

namespace slash::cli {

class Context;

// One function per noun (src/cli/commands/<noun>.cpp) adds its verbs to the tree.
void add_init_command(CLI::App& app, Context& ctx);
void add_client_commands(CLI::App& app, Context& ctx);
void add_mission_commands(CLI::App& app, Context& ctx);
void add_time_commands(CLI::App& app, Context& ctx);
void add_invoice_commands(CLI::App& app, Context& ctx);
void add_quote_commands(CLI::App& app, Context& ctx);
void add_payment_commands(CLI::App& app, Context& ctx);
void add_books_commands(CLI::App& app, Context& ctx);
void add_report_command(CLI::App& app, Context& ctx);
void add_plan_command(CLI::App& app, Context& ctx);
void add_urssaf_command(CLI::App& app, Context& ctx);
void add_des_command(CLI::App& app, Context& ctx);
void add_interchange_commands(CLI::App& app, Context& ctx);
void add_config_commands(CLI::App& app, Context& ctx);
void add_db_commands(CLI::App& app, Context& ctx);
void add_completion_commands(CLI::App& app, Context& ctx);
void add_einvoicing_commands(CLI::App& app, Context& ctx);

// E-invoicing (einvoicing.cpp) hooks into other nouns: `invoice send|status`,
// `client lookup`, the 212 Encaissée after `invoice pay`, `client add|edit --lookup`, and
// the latest status that `invoice list|show` print (invoice id -> "205 Approuvée").
void add_invoice_einvoicing_verbs(CLI::App& invoice, Context& ctx);
void add_client_lookup_verb(CLI::App& client, Context& ctx);
void after_payment(Context& ctx, std::int64_t payment_id);
void record_client_address(Context& ctx, const std::string& handle);
/// The electronic address recorded for a client by --lookup, empty when none.
std::string client_einvoicing_address(Context& ctx, std::int64_t client_id);
std::map<std::int64_t, std::string> latest_einvoicing_statuses(Context& ctx);
/// The file `invoice send` gives the platform: the Factur-X PDF ("Factur-X") or the CII XML.
std::string invoice_file_bytes(Context& ctx, const services::InvoiceDetails& details, std::string_view syntax);

// Reminders and e-mail (reminder.cpp, mail.cpp) hook into `invoice`: `invoice remind`,
// `invoice mail`, and the listing of `invoice list --overdue` (days late, last reminder).
void add_invoice_reminder_verbs(CLI::App& invoice, Context& ctx);
void add_invoice_mail_verb(CLI::App& invoice, Context& ctx);
void list_overdue(Context& ctx, const services::InvoiceQuery& query);
/// The reminder letter of `plan` in `format` (text, md or html), as bytes.
std::string reminder_letter(Context& ctx, const services::ReminderPlan& plan, const std::string& format);
/// Its subject line: "Relance de paiement : facture 2026-0001".
std::string reminder_subject_of(const services::ReminderPlan& plan);

/// The completion protocol (`slash __complete WORD... CURRENT`): candidate lines
/// "value<TAB>description", then ":directive" (cobra's wire format).
void complete_words(CLI::App& root, Context& ctx, std::vector<std::string> words);

}  // namespace slash::cli
