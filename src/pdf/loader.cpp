// slash::pdf in the binary: the PDF code itself is the module libslash-pdf.so, opened on
// first use. Linking cairo, pango, qpdf and lcms2 into the binary would cost every command
// their start-up (6-7 ms), for the one command that writes PDF.

#include <dlfcn.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "slash/domain/error.hpp"
#include "slash/pdf/invoice_pdf.hpp"

namespace slash::pdf {
namespace {

namespace fs = std::filesystem;

using BuildId = const char* (*)();
using Render = int (*)(const render::InvoiceDocument*, const std::string*, int, std::string*, std::string*);

constexpr const char* kModule = "libslash-pdf.so";

struct Module {
    Render render = nullptr;
    std::string problem;  ///< why there is no PDF support, when render is null
};

// Beside the binary (the build tree), one level up (the tests' binary in build/tests), and
// the installed place relative to the binary (bin/../lib/slash).
std::vector<fs::path> candidates() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path dir = exe.parent_path();
    return {dir / kModule, dir.parent_path() / kModule, (dir / SLASH_PDF_INSTALL_DIR / kModule).lexically_normal()};
}

Module open_module() {
    Module module;
    std::string looked;
    for (const fs::path& path : candidates()) {
        looked += (looked.empty() ? "" : ", ") + path.string();
        std::error_code ec;
        if (!fs::is_regular_file(path, ec)) continue;
        void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
        if (handle == nullptr) {
            const char* why = ::dlerror();
            module.problem = "cannot load the PDF module " + path.string() + ": " + (why ? why : "unknown error");
            return module;
        }
        auto build_id = reinterpret_cast<BuildId>(::dlsym(handle, "slash_pdf_build_id"));
        auto render = reinterpret_cast<Render>(::dlsym(handle, "slash_pdf_invoice"));
        if (build_id == nullptr || render == nullptr || std::string(build_id()) != SLASH_PDF_BUILD_ID) {
            ::dlclose(handle);
            module.problem = "the PDF module " + path.string() + " belongs to another build of slash; reinstall slash";
            return module;
        }
        module.render = render;  // kept open for the life of the process
        return module;
    }
    module.problem = "this slash has no PDF support: its module " + std::string(kModule) + " is missing (looked in " +
                     looked + ")";
    return module;
}

const Module& module() {
    static const Module loaded = open_module();
    return loaded;
}

}  // namespace

bool available() {
    return module().render != nullptr;
}

std::string invoice_pdf(const render::InvoiceDocument& document, const std::string& factur_x_xml, bool timesheet) {
    const Module& m = module();
    if (m.render == nullptr) throw Error(ErrorKind::Failure, m.problem);
    std::string out, error;
    const int kind = m.render(&document, &factur_x_xml, timesheet ? 1 : 0, &out, &error);
    if (kind >= 0) throw Error(static_cast<ErrorKind>(kind), error);
    return out;
}

}  // namespace slash::pdf
