// libFuzzer target: the reader of `slash import clockify`, Clockify's detailed report CSV (both
// date orders, 12-hour times, DST). The input is the file; the properties are those of
// import_check.hpp.

#include <cstddef>
#include <cstdint>

#include "import_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    slash::fuzz::check_import(slash::interchange::SourceFormat::Clockify, data, size);
    return 0;
}
