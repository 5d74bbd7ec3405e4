#pragma once

#include <filesystem>
#include <string_view>

namespace slash::services {

/// Replaces `path` with `content` atomically (a temp file in the same directory, fsync,
/// rename), so a reader never sees half a file and a crash leaves the old one. New files
/// get `mode`; an existing file keeps its mode.
void write_file_atomically(const std::filesystem::path& path, std::string_view content, unsigned mode = 0600);

/// Writes a document the user asked for with `-o FILE`: atomically, as above, a new file
/// with the mode the umask leaves of 0666. Refuses,
/// writing nothing, a path whose directory does not exist (Usage, naming it) and an
/// existing file unless `replace` (Conflict, suggesting --force).
void write_output_file(const std::filesystem::path& path, std::string_view content, bool replace);

/// mkdir -p with mode 0700 for each directory it creates.
void create_private_directories(const std::filesystem::path& dir);

/// Writes `data` into the write end `fd` of a pipe to a child process, then closes it, with
/// SIGPIPE ignored meanwhile: a reader that stops early (a pager quit, an MTA that failed)
/// ends the writing, not slash; the caller judges the reader by its exit status. Returns
/// the bytes it could not write: 0 when the reader took everything.
std::size_t feed_pipe(int fd, std::string_view data);

}  // namespace slash::services
