#include "byte_source.hpp"

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

}  // namespace slash::interchange
