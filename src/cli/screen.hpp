#pragma once

#include <functional>
#include <iosfwd>
#include <sstream>
#include <string>

#include "slash/cli/environment.hpp"

namespace slash::cli {

/// Standard output as the person at a terminal sees it (docs/contract.md §6). On a terminal
/// whose height is known, a command's output is held and, when it has more lines than the
/// screen, sent through a pager once the command is done, as git does; anywhere else (a
/// pipe, a file, the in-process tests) it goes straight through, unchanged.
class Screen {
  public:
    Screen(const Environment& env, std::ostream& out);
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;
    /// Writes what is still held, unpaged: the output of a command that failed half-way.
    ~Screen();

    /// Where the command writes its results.
    [[nodiscard]] std::ostream& stream() { return holding_ ? held_ : out_; }

    /// Shows what was held: through the command `pager()` returns (run by sh; empty for
    /// none) when it is longer than the screen, else directly. `pager` is asked only then.
    void show(const std::function<std::string()>& pager);

  private:
    std::ostream& out_;
    bool holding_ = false;
    int rows_ = 0;
    std::ostringstream held_;
};

/// The pager command slash uses: empty with --no-pager, else `configured` ([display]
/// pager), else $PAGER (set to "" for none), else "less -FRX"; "cat" is none.
[[nodiscard]] std::string pager_command(const Environment& env, bool no_pager, const std::string& configured);

}  // namespace slash::cli
