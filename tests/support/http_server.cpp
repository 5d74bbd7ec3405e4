#include "support/http_server.hpp"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <chrono>
#include <stdexcept>

namespace slash::testing {

namespace {

const char* reason_of(int status) {
    switch (status) {
        case 200: return "OK";
        case 202: return "Accepted";
        case 400: return "Bad Request";
        case 401: return "Unauthorized";
        case 403: return "Forbidden";
        case 404: return "Not Found";
        case 413: return "Payload Too Large";
        case 422: return "Unprocessable Entity";
        case 429: return "Too Many Requests";
        case 503: return "Service Unavailable";
        default: return "Status";
    }
}

bool read_request(int client, HttpExchange& ex) {
    std::string data;
    char buffer[65536];
    std::size_t head_end = std::string::npos;
    std::size_t length = 0;
    for (;;) {
        if (head_end == std::string::npos) {
            head_end = data.find("\r\n\r\n");
            if (head_end != std::string::npos) {
                std::size_t line_end = data.find("\r\n");
                std::string first = data.substr(0, line_end);
                auto sp1 = first.find(' '), sp2 = first.rfind(' ');
                if (sp1 == std::string::npos || sp2 == sp1) return false;
                ex.method = first.substr(0, sp1);
                ex.target = first.substr(sp1 + 1, sp2 - sp1 - 1);
                for (std::size_t at = line_end + 2; at < head_end;) {
                    std::size_t end = data.find("\r\n", at);
                    std::string line = data.substr(at, end - at);
                    auto colon = line.find(':');
                    if (colon != std::string::npos) {
                        std::string name = line.substr(0, colon);
                        for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
                        std::string value = line.substr(colon + 1);
                        while (!value.empty() && value.front() == ' ') value.erase(0, 1);
                        ex.headers[name] = value;
                    }
                    at = end + 2;
                }
                if (auto cl = ex.headers.find("content-length"); cl != ex.headers.end()) length = std::stoul(cl->second);
            }
        }
        if (head_end != std::string::npos && data.size() >= head_end + 4 + length) break;
        ssize_t n = ::recv(client, buffer, sizeof buffer, 0);
        if (n <= 0) return false;
        data.append(buffer, static_cast<std::size_t>(n));
    }
    ex.body = data.substr(head_end + 4, length);
    auto question = ex.target.find('?');
    ex.path = ex.target.substr(0, question);
    ex.query = question == std::string::npos ? "" : ex.target.substr(question + 1);
    return true;
}

void send_all(int client, const std::string& bytes) {
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        ssize_t n = ::send(client, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
}

}  // namespace

HttpServer::HttpServer(std::function<void(HttpExchange&)> handler) : handler_(std::move(handler)) {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    if (listener_ < 0) throw std::runtime_error("socket failed");
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    if (::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(listener_, 16) != 0)
        throw std::runtime_error("bind/listen on 127.0.0.1 failed");
    socklen_t size = sizeof address;
    ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &size);
    port_ = ntohs(address.sin_port);
    if (::pipe2(wake_, O_CLOEXEC) != 0) throw std::runtime_error("pipe failed");
}

HttpServer::~HttpServer() {
    stop();
    ::close(listener_);
    ::close(wake_[0]);
    ::close(wake_[1]);
}

void HttpServer::start() {
    thread_ = std::thread([this] { run(); });
}

void HttpServer::stop() {
    if (!stopping_.exchange(true)) {
        char byte = 1;
        (void)!::write(wake_[1], &byte, 1);
    }
    if (thread_.joinable()) thread_.join();
}

void HttpServer::run() {
    while (!stopping_) {
        pollfd fds[2] = {{listener_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        if (::poll(fds, 2, -1) < 0) continue;
        if ((fds[1].revents & POLLIN) != 0) break;
        if ((fds[0].revents & POLLIN) == 0) continue;
        int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        serve(client);
        ::close(client);
    }
}

void HttpServer::serve(int client) {
    HttpExchange ex;
    if (!read_request(client, ex)) return;
    handler_(ex);
    if (ex.delay_ms > 0) {
        // Waits, but wakes for stop(): a test that timed out must not hang the destructor.
        pollfd wake{wake_[0], POLLIN, 0};
        if (::poll(&wake, 1, ex.delay_ms) > 0) return;
    }
    std::string head = "HTTP/1.1 " + std::to_string(ex.status) + " " + reason_of(ex.status) + "\r\n";
    for (const auto& [name, value] : ex.response_headers) head += name + ": " + value + "\r\n";
    head += "Content-Length: " + std::to_string(ex.response_body.size()) + "\r\nConnection: close\r\n\r\n";
    send_all(client, head + ex.response_body);
}

}  // namespace slash::testing
