#include "support/process.hpp"

// The build's own paths are compiled into this file alone: every other test file then has
// the same command line in every checkout, so ccache shares its object between worktrees.

namespace slash::testing {

std::string slash_binary() { return SLASH_BINARY; }

std::string source_dir() { return SLASH_SOURCE_DIR; }

}  // namespace slash::testing
