#include "progress.hpp"

#include <csignal>
#include <ostream>

#include <fmt/format.h>

#include "slash/domain/error.hpp"

namespace slash::cli {

namespace {

volatile std::sig_atomic_t g_interrupted = 0;
struct sigaction g_previous {};
int g_depth = 0;

void on_interrupt(int) { g_interrupted = 1; }

constexpr auto kQuiet = std::chrono::seconds(1);                // work this short shows nothing
constexpr auto kRefresh = std::chrono::milliseconds(100);       // no more than 10 lines a second

// SLASH_PROGRESS_DELAY: whole seconds from 0 to 3600; anything else keeps the default.
std::chrono::steady_clock::duration quiet_time(const Environment& env) {
    const auto text = env.get("SLASH_PROGRESS_DELAY");
    if (!text || text->size() > 4 || text->find_first_not_of("0123456789") != std::string::npos) return kQuiet;
    const int seconds = std::stoi(*text);
    if (seconds > 3600) return kQuiet;
    return std::chrono::seconds(seconds);
}

}  // namespace

Progress::Progress(const Environment& env, std::ostream& err, std::string what, std::string undone,
                   std::function<std::int64_t()> position, std::int64_t total)
    : err_(err),
      terminal_(env.stderr_is_tty),
      what_(std::move(what)),
      undone_(std::move(undone)),
      position_(std::move(position)),
      total_(total),
      quiet_(quiet_time(env)),
      start_(std::chrono::steady_clock::now()),
      shown_(start_ - kRefresh) {
    if (g_depth++ == 0) {
        g_interrupted = 0;
        // No SA_RESTART: a read from a pipe that waits for input returns, and the work stops.
        struct sigaction action {};
        action.sa_handler = on_interrupt;
        sigemptyset(&action.sa_mask);
        ::sigaction(SIGINT, &action, &g_previous);
    }
}

Progress::~Progress() {
    if (line_width_ > 0) err_ << '\r' << std::string(line_width_, ' ') << '\r' << std::flush;
    if (--g_depth == 0) ::sigaction(SIGINT, &g_previous, nullptr);
}

bool Progress::interrupted() const { return g_interrupted != 0; }

void Progress::stop() const {
    // The destructor clears the line as the error unwinds: the message takes its place.
    throw Error(ErrorKind::Interrupted, "interrupted: " + undone_);
}

void Progress::update(std::int64_t done) {
    if (interrupted()) stop();
    if (!terminal_) return;
    const auto now = std::chrono::steady_clock::now();
    if (now - start_ < quiet_ || now - shown_ < kRefresh) return;
    shown_ = now;
    const auto elapsed_ms = std::chrono::duration_cast<std::chrono::milliseconds>(now - start_).count();
    std::string line = fmt::format("{}: {} entries, {}/s", what_, done, done * 1000 / std::max<std::int64_t>(elapsed_ms, 1));
    if (total_ > 0 && position_) {
        if (const std::int64_t at = position_(); at >= 0 && at <= total_) line += fmt::format(", {}%", at * 100 / total_);
    }
    const std::size_t width = line.size();
    if (width < line_width_) line.append(line_width_ - width, ' ');
    line_width_ = std::max(line_width_, width);
    err_ << '\r' << line << std::flush;
}

}  // namespace slash::cli
