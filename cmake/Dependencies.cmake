# Each dependency comes from the system (Debian: libcli11-dev libfmt-dev
# libtomlplusplus-dev libsqlitecpp-dev doctest-dev libsqlite3-dev) and, where a
# package is missing, is fetched at a pinned release.
include(FetchContent)

find_package(SQLite3 REQUIRED)

find_package(CLI11 2.1 QUIET CONFIG)
if(NOT CLI11_FOUND)
  message(STATUS "CLI11 not found: fetching v2.1.2")
  FetchContent_Declare(cli11 URL https://github.com/CLIUtils/CLI11/archive/refs/tags/v2.1.2.tar.gz)
  set(CLI11_PRECOMPILED OFF CACHE BOOL "" FORCE)
  FetchContent_MakeAvailable(cli11)
endif()

find_package(fmt 9 QUIET CONFIG)
if(NOT fmt_FOUND)
  message(STATUS "fmt not found: fetching 9.1.0")
  FetchContent_Declare(fmt URL https://github.com/fmtlib/fmt/archive/refs/tags/9.1.0.tar.gz)
  FetchContent_MakeAvailable(fmt)
endif()

find_package(tomlplusplus 3.3 QUIET CONFIG)
if(NOT tomlplusplus_FOUND)
  message(STATUS "toml++ not found: fetching v3.3.0")
  FetchContent_Declare(tomlplusplus URL https://github.com/marzer/tomlplusplus/archive/refs/tags/v3.3.0.tar.gz)
  FetchContent_MakeAvailable(tomlplusplus)
endif()

find_package(SQLiteCpp 3.2 QUIET CONFIG)
if(NOT SQLiteCpp_FOUND)
  message(STATUS "SQLiteCpp not found: fetching 3.2.1")
  set(SQLITECPP_INTERNAL_SQLITE OFF CACHE BOOL "" FORCE)
  set(SQLITECPP_RUN_CPPLINT OFF CACHE BOOL "" FORCE)
  set(SQLITECPP_RUN_CPPCHECK OFF CACHE BOOL "" FORCE)
  FetchContent_Declare(sqlitecpp URL https://github.com/SRombauts/SQLiteCpp/archive/refs/tags/3.2.1.tar.gz)
  FetchContent_MakeAvailable(sqlitecpp)
endif()

if(SLASH_BUILD_TESTS)
  # Howard Hinnant's date/tz (the C++20 <chrono> zones, which GCC 12's library lacks), reading
  # the system's zoneinfo (Debian: libhowardhinnant-date-dev tzdata): the tests' oracle for the
  # zone rules src/services/tzif_zone.cpp reads. slash itself does not link it.
  find_package(date 3 QUIET CONFIG)
  if(NOT date_FOUND)
    message(STATUS "date not found: fetching v3.0.1")
    set(BUILD_TZ_LIB ON CACHE BOOL "" FORCE)
    set(USE_SYSTEM_TZ_DB ON CACHE BOOL "" FORCE)
    FetchContent_Declare(date URL https://github.com/HowardHinnant/date/archive/refs/tags/v3.0.1.tar.gz)
    FetchContent_MakeAvailable(date)
  endif()

  find_package(doctest 2.4 QUIET CONFIG)
  if(NOT doctest_FOUND)
    message(STATUS "doctest not found: fetching v2.4.9")
    FetchContent_Declare(doctest URL https://github.com/doctest/doctest/archive/refs/tags/v2.4.9.tar.gz)
    FetchContent_MakeAvailable(doctest)
    list(APPEND CMAKE_MODULE_PATH ${doctest_SOURCE_DIR}/scripts/cmake)
  endif()
endif()

# Start-up cost (issue 16): every shared library costs the dynamic loader symbol lookups and
# relocations on every run, and `slash` is typed in shell prompts. fmt and toml++ are used
# header-only, SQLite from its static archive where the system ships one (Debian's
# libsqlite3-dev does); the sanitizer and fuzzer builds keep the shared libraries.
find_package(Threads REQUIRED)
add_library(slash_fmt INTERFACE)
if(TARGET fmt::fmt-header-only)
  target_link_libraries(slash_fmt INTERFACE fmt::fmt-header-only)
else()
  target_link_libraries(slash_fmt INTERFACE fmt::fmt)
endif()

# Debian's package config compiles against its shared library (-DTOML_HEADER_ONLY=0): take
# only its headers.
add_library(slash_toml INTERFACE)
get_target_property(toml_includes tomlplusplus::tomlplusplus INTERFACE_INCLUDE_DIRECTORIES)
target_include_directories(slash_toml INTERFACE ${toml_includes})
target_compile_definitions(slash_toml INTERFACE TOML_HEADER_ONLY=1)
target_compile_features(slash_toml INTERFACE cxx_std_17)

if(NOT SLASH_SANITIZE AND NOT SLASH_FUZZ)
  get_target_property(sqlite_location SQLite::SQLite3 IMPORTED_LOCATION)
  if(sqlite_location)
    get_filename_component(sqlite_dir ${sqlite_location} DIRECTORY)
    if(EXISTS ${sqlite_dir}/libsqlite3.a)
      set_target_properties(SQLite::SQLite3 PROPERTIES IMPORTED_LOCATION ${sqlite_dir}/libsqlite3.a)
      set_property(TARGET SQLite::SQLite3 APPEND PROPERTY INTERFACE_LINK_LIBRARIES m ${CMAKE_DL_LIBS} Threads::Threads)
    endif()
  endif()
endif()
