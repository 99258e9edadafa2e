#pragma once

#include <QString>

#include <type_traits>
#include <utility>
#include <variant>

namespace jifen {

// One error style for core: every fallible call returns Result<T>. The numeric values are the
// CLI exit codes of the contract in DESIGN.md section 6, so the app layer maps them one to one.
enum class ErrorCode { BadInput = 2, Refused = 3, NotFound = 4, Storage = 5, Network = 6 };

QString errorCodeName(ErrorCode code);

struct Error {
    ErrorCode code;
    QString message;

    static Error badInput(QString message) { return {ErrorCode::BadInput, std::move(message)}; }
    static Error refused(QString message) { return {ErrorCode::Refused, std::move(message)}; }
    static Error notFound(QString message) { return {ErrorCode::NotFound, std::move(message)}; }
    static Error storage(QString message) { return {ErrorCode::Storage, std::move(message)}; }
};

struct Ok {};

template <typename T> class [[nodiscard]] Result {
public:
    Result(T value)
        : m_value(std::move(value))
    {} // NOLINT(google-explicit-constructor)
    Result(Error error)
        : m_value(std::move(error))
    {} // NOLINT(google-explicit-constructor)

    bool ok() const { return std::holds_alternative<T>(m_value); }
    explicit operator bool() const { return ok(); }

    const T& value() const& { return std::get<T>(m_value); }
    T& value() & { return std::get<T>(m_value); }
    // By value: `for (x : f().value())` must not iterate a member of a destroyed temporary.
    T value() && { return std::get<T>(std::move(m_value)); }
    // A Result holding a pointer forwards ->, so Result<Foo*> reads like Result<Foo>.
    auto operator->() const
    {
        if constexpr (std::is_pointer_v<T>)
            return std::get<T>(m_value);
        else
            return &std::get<T>(m_value);
    }
    auto operator->()
    {
        if constexpr (std::is_pointer_v<T>)
            return std::get<T>(m_value);
        else
            return &std::get<T>(m_value);
    }
    const T& operator*() const { return value(); }

    const Error& error() const { return std::get<Error>(m_value); }

private:
    std::variant<T, Error> m_value;
};

using Status = Result<Ok>;

} // namespace jifen

// Propagates an error from a Result-returning expression; keeps call sites flat.
#define JIFEN_TRY(expr)                                                                                                \
    do {                                                                                                               \
        auto jifenTryResult_ = (expr);                                                                                 \
        if (!jifenTryResult_.ok())                                                                                     \
            return jifenTryResult_.error();                                                                            \
    } while (false)
