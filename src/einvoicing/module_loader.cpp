// slash::einvoicing in the binary: HTTP and the CDAR reader are the module
// libslash-einvoicing.so (libcurl, libxml2), opened on first use, as the PDF module is:
// linked in, libcurl and its TLS stack would cost every command its start-up.

#include <dlfcn.h>

#include <filesystem>
#include <string>
#include <system_error>
#include <vector>

#include "module_abi.hpp"
#include "slash/domain/error.hpp"

namespace slash::einvoicing {

namespace {

namespace fs = std::filesystem;

constexpr const char* kModule = "libslash-einvoicing.so";

struct Module {
    abi::Perform perform = nullptr;
    abi::ParseCdar parse_cdar = nullptr;
    std::string problem;  ///< why there is no e-invoicing support, when perform is null
};

#if SLASH_EINVOICING_MODULE
// Beside the binary (the build tree), one level up (the tests' binary in build/tests), and
// the installed place relative to the binary (bin/../lib/slash).
std::vector<fs::path> candidates() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
    const fs::path dir = exe.parent_path();
    return {dir / kModule, dir.parent_path() / kModule,
            (dir / SLASH_EINVOICING_INSTALL_DIR / kModule).lexically_normal()};
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
            module.problem = "cannot load the e-invoicing module " + path.string() + ": " + (why ? why : "unknown error");
            return module;
        }
        auto build_id = reinterpret_cast<abi::BuildId>(::dlsym(handle, abi::kBuildIdSymbol));
        auto perform = reinterpret_cast<abi::Perform>(::dlsym(handle, abi::kPerformSymbol));
        auto parse = reinterpret_cast<abi::ParseCdar>(::dlsym(handle, abi::kParseCdarSymbol));
        if (build_id == nullptr || perform == nullptr || parse == nullptr ||
            std::string(build_id()) != SLASH_EINVOICING_BUILD_ID) {
            ::dlclose(handle);
            module.problem = "the e-invoicing module " + path.string() + " belongs to another build of slash; reinstall slash";
            return module;
        }
        module.perform = perform;  // kept open for the life of the process
        module.parse_cdar = parse;
        return module;
    }
    module.problem = "this slash has no e-invoicing support: its module " + std::string(kModule) +
                     " is missing (looked in " + looked + ")";
    return module;
}
#else
Module open_module() {
    Module module;
    module.problem = "this slash was built without e-invoicing support (libcurl, libxml2)";
    return module;
}
#endif

const Module& module() {
    static const Module loaded = open_module();
    return loaded;
}

}  // namespace

TransportResult perform(const HttpRequest& request, const TransportOptions& options) {
    TransportResult result;
    const Module& m = module();
    if (m.perform == nullptr) {
        result.failure = TransportFailure::Unavailable;
        result.message = m.problem;
        return result;
    }
    result.failure = static_cast<TransportFailure>(m.perform(&request, &options, &result.response, &result.message));
    return result;
}

CdarMessage parse_cdar(std::string_view xml) {
    const Module& m = module();
    if (m.parse_cdar == nullptr) throw Error(ErrorKind::Failure, m.problem);
    const std::string text(xml);
    CdarMessage message;
    std::string error;
    if (m.parse_cdar(&text, &message, &error) != 0) {
        throw Error(ErrorKind::Failure, "not a life-cycle message: " + error);
    }
    return message;
}

}  // namespace slash::einvoicing
