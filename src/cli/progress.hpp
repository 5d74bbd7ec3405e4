#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <string>

#include "slash/cli/environment.hpp"

namespace slash::cli {

/// The progress line of long work and its Ctrl-C (docs/contract.md §6): while it lives,
/// SIGINT only raises a flag, which `update` turns into Error(Interrupted, "interrupted: " +
/// `undone`) at the next step, so the work unwinds and rolls back instead of dying
/// half-way. On a terminal stderr, once the work has taken a second, `update` rewrites one
/// line: "importing: 120000 entries, 85000/s, 42%" (the percent when `position` knows it).
/// Piped stderr never gets the line. SLASH_PROGRESS_DELAY (whole seconds, as git's
/// GIT_PROGRESS_DELAY) changes that first second.
class Progress {
  public:
    /// `position`: how far through the input, as a fraction of `total`; both may be unknown
    /// (a negative position, a total of 0).
    Progress(const Environment& env, std::ostream& err, std::string what, std::string undone,
             std::function<std::int64_t()> position = {}, std::int64_t total = 0);
    Progress(const Progress&) = delete;
    Progress& operator=(const Progress&) = delete;
    /// Clears the line and gives SIGINT back its previous handler.
    ~Progress();

    /// `done` items so far. Throws Error(Interrupted) after a Ctrl-C.
    void update(std::int64_t done);
    /// True once Ctrl-C has been pressed.
    [[nodiscard]] bool interrupted() const;
    /// Throws Error(Interrupted) with the undone message.
    [[noreturn]] void stop() const;
    /// No line, Ctrl-C still handled: for work whose own output goes to the same terminal.
    void keep_line_off() { terminal_ = false; }

  private:
    std::ostream& err_;
    bool terminal_;
    std::string what_;
    std::string undone_;
    std::function<std::int64_t()> position_;
    std::int64_t total_;
    std::chrono::steady_clock::duration quiet_;
    std::chrono::steady_clock::time_point start_;
    std::chrono::steady_clock::time_point shown_;
    std::size_t line_width_ = 0;
};

}  // namespace slash::cli
