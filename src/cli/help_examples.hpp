#pragma once

namespace CLI {
class App;
}

namespace slash::cli {

/// Ends the --help of every verb with a few examples and the man page that tells the rest
/// ("See slash-invoice(1)"), from one table: what a person types most, in one place.
void add_help_examples(CLI::App& app);

}  // namespace slash::cli
