// libFuzzer target: the reader of `slash import watson`, Watson's frames file and `watson log
// --json`. The input is the file; the properties are those of import_check.hpp.

#include <cstddef>
#include <cstdint>

#include "import_check.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    slash::fuzz::check_import(slash::interchange::SourceFormat::Watson, data, size);
    return 0;
}
