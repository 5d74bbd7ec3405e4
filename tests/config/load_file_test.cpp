#include <doctest/doctest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

#include "slash/config/config.hpp"
#include "slash/domain/error.hpp"

namespace fs = std::filesystem;
using slash::config::load_config_file;

namespace {

/// A fresh directory removed with everything in it at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::random_device random;
        path = fs::temp_directory_path() / ("slash-config-test-" + std::to_string(random()));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::permissions(path / "config.toml", fs::perms::owner_all, ignored);
        fs::remove_all(path, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

std::string load_error(const fs::path& path) {
    try {
        static_cast<void>(load_config_file(path));
    } catch (const slash::Error& e) {
        CHECK(e.kind() == slash::ErrorKind::Config);
        return e.what();
    }
    FAIL("no error loading " << path);
    return {};
}

}  // namespace

TEST_SUITE_BEGIN("config/load");

TEST_CASE("config/load: a missing file gives the defaults and no warning") {
    const TempDir dir;
    const auto result = load_config_file(dir.path / "config.toml");
    CHECK(result.warnings.empty());
    CHECK(result.config.tax.regime == "franchise");
    CHECK(load_config_file(dir.path / "no" / "such" / "config.toml").warnings.empty());
}

TEST_CASE("config/load: a file is parsed and messages name its path") {
    const TempDir dir;
    const fs::path file = dir.path / "config.toml";
    std::ofstream(file) << "[seller]\nname = \"Camille\"\nnmae = \"x\"\n";
    const auto result = load_config_file(file);
    CHECK(result.config.seller.name == "Camille");
    CHECK(result.warnings ==
          std::vector<std::string>{
              file.string() + ":3:1: unknown key \"seller.nmae\" (did you mean \"seller.name\"?)"});

    std::ofstream(file) << "[invoice]\ndue_days = \"30\"\n";
    CHECK(load_error(file) ==
          file.string() + ":2:12: invoice.due_days must be an integer, got string \"30\"");
}

TEST_CASE("config/load: an unreadable path is an error naming it and the reason") {
    const TempDir dir;
    CHECK(load_error(dir.path) ==
          "cannot read config file \"" + dir.path.string() + "\": Is a directory");
    if (::geteuid() != 0) {  // root reads whatever the mode says
        const fs::path file = dir.path / "config.toml";
        std::ofstream(file) << "[tax]\n";
        fs::permissions(file, fs::perms::none);
        CHECK(load_error(file) ==
              "cannot read config file \"" + file.string() + "\": Permission denied");
    }
    std::ofstream(dir.path / "file") << "";
    CHECK(load_error(dir.path / "file" / "config.toml") ==
          "cannot read config file \"" + (dir.path / "file" / "config.toml").string() +
              "\": Not a directory");
}

TEST_SUITE_END();
