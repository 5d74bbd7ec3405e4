#include "slash/domain/error.hpp"

namespace slash {

int exit_code(ErrorKind kind) noexcept {
    switch (kind) {
        case ErrorKind::Failure: return 1;
        case ErrorKind::Usage: return 2;
        case ErrorKind::NotFound: return 3;
        case ErrorKind::Conflict: return 4;
        case ErrorKind::Config: return 5;
        case ErrorKind::Storage: return 6;
        case ErrorKind::Interrupted: return 130;
    }
    return 1;
}

}  // namespace slash
