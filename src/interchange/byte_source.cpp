#include "byte_source.hpp"

#include <algorithm>

namespace slash::interchange {

ByteSource::ByteSource(std::istream& in, long first_line) : buffer_(in.rdbuf()), line_(first_line) {
    if (buffer_ == nullptr) return;
    static constexpr std::string_view kBom = "\xEF\xBB\xBF";
    for (const char expected : kBom) {
        const int byte = buffer_->sgetc();
        if (byte != static_cast<unsigned char>(expected)) break;
        pending_ += static_cast<char>(buffer_->sbumpc());
    }
    if (pending_ == kBom) pending_.clear();
}

int ByteSource::peek() {
    if (!pending_.empty()) return static_cast<unsigned char>(pending_.front());
    if (buffer_ == nullptr) return kEnd;
    return buffer_->sgetc();
}

int ByteSource::get() {
    int byte;
    if (!pending_.empty()) {
        byte = static_cast<unsigned char>(pending_.front());
        pending_.erase(0, 1);
    } else if (buffer_ == nullptr) {
        return kEnd;
    } else {
        byte = buffer_->sbumpc();
    }
    if (byte == '\n' || (byte == '\r' && peek() != '\n')) ++line_;
    return byte;
}

ByteSource::LineRead ByteSource::read_line(std::string& line, std::size_t max) {
    // The bytes kept while looking for a BOM hold no LF: they start the line.
    line = std::move(pending_);
    pending_.clear();
    if (buffer_ == nullptr) return line.empty() ? LineRead::End : LineRead::Line;
    if (!lines_) {
        lines_ = std::make_unique<std::istream>(buffer_);
        line_buffer_.resize(max + 1);
    }
    std::istream& in = *lines_;
    in.clear();
    const std::size_t room = std::min(max - std::min(max, line.size()), line_buffer_.size() - 1);
    in.getline(line_buffer_.data(), static_cast<std::streamsize>(room + 1));
    const auto taken = static_cast<std::size_t>(in.gcount());
    // gcount() counts the LF when getline took one, that is when it did not reach the end.
    if (in.fail() && !in.eof()) {
        line.append(line_buffer_.data(), taken);
        return LineRead::TooLong;
    }
    const bool ended_by_lf = !in.eof();
    line.append(line_buffer_.data(), ended_by_lf ? taken - 1 : taken);
    if (!ended_by_lf && line.empty()) return LineRead::End;
    // A lone CR ends a line for get() (old Mac files): the numbers stay those it gives.
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\r' && (i + 1 < line.size() ? line[i + 1] != '\n' : !ended_by_lf)) ++line_;
    }
    if (ended_by_lf) ++line_;
    return LineRead::Line;
}

}  // namespace slash::interchange
