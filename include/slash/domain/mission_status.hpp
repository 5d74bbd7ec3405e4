#pragma once

#include <optional>
#include <string_view>

/// Where a mission stands (docs/contract.md §1). Parsed once where text enters (`--status`,
/// the storage codec) and handled with `switch` elsewhere.
namespace slash::domain {

enum class MissionStatus { Planned, Active, Paused, Done };

/// "planned", "active", "paused" or "done": the stored text and every output.
[[nodiscard]] std::string_view to_text(MissionStatus status);

/// The status a text names exactly, nullopt for any other text.
[[nodiscard]] std::optional<MissionStatus> mission_status_from_text(std::string_view text);

}  // namespace slash::domain
