#pragma once

// A small HTTP/1.1 server on 127.0.0.1 for tests: one thread, one request per connection
// (Connection: close), Content-Length bodies. Enough for libcurl and nothing more.

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <thread>
#include <vector>

namespace slash::testing {

struct HttpExchange {
    std::string method, target, path, query;  ///< target = path[?query]
    std::map<std::string, std::string> headers;  ///< names lower case
    std::string body;
    // The answer.
    int status = 200;
    std::vector<std::pair<std::string, std::string>> response_headers;
    std::string response_body;
    int delay_ms = 0;  ///< wait before answering (time-out tests)
};

class HttpServer {
public:
    /// Listens on 127.0.0.1 and an ephemeral port; `handler` fills the answer.
    explicit HttpServer(std::function<void(HttpExchange&)> handler);
    HttpServer(const HttpServer&) = delete;
    HttpServer& operator=(const HttpServer&) = delete;
    ~HttpServer();

    [[nodiscard]] int port() const { return port_; }
    /// Serves until stop() (or the destructor); run() blocks, start() uses a thread.
    void run();
    void start();
    void stop();

private:
    void serve(int client);

    std::function<void(HttpExchange&)> handler_;
    int listener_ = -1;
    int port_ = 0;
    int wake_[2] = {-1, -1};
    std::atomic<bool> stopping_{false};
    std::thread thread_;
};

}  // namespace slash::testing
