// libFuzzer target: the reader of `slash import toggl`, Toggl Track's detailed report CSV
// (wall-clock times in a zone with DST). The input is the file; the properties are those of
// import_check.hpp.

#include <cstddef>
#include <cstdint>

#include "import_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    slash::fuzz::check_import(slash::interchange::SourceFormat::Toggl, data, size);
    return 0;
}
