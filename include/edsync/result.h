// Errors as values: every fallible library call returns Result<T>.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace edsync {

// What went wrong, in the terms the CLI needs to pick an exit code.
enum class ErrorKind {
  usage,      // the caller asked for something that cannot be done as asked
  bad_input,  // a file or value the user gave is malformed
  io,         // the file system or database failed us
};

struct Error {
  ErrorKind kind = ErrorKind::bad_input;
  std::string message;

  // Prefixes context ("editions/ar/x.md: ") as the error travels up.
  Error with_context(const std::string& context) const& {
    return {kind, context + ": " + message};
  }
};

inline Error usage_error(std::string message) { return {ErrorKind::usage, std::move(message)}; }
inline Error input_error(std::string message) { return {ErrorKind::bad_input, std::move(message)}; }
inline Error io_error(std::string message) { return {ErrorKind::io, std::move(message)}; }

template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::move(value)) {}
  Result(Error error) : state_(std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

struct Unit {};
using Status = Result<Unit>;
inline Status success() { return Unit{}; }

}  // namespace edsync
