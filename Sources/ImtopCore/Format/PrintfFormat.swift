#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// printf's rendering of numbers (`%.3f`, `%g`), always with the C locale's decimal point. Written
/// over `vsnprintf` because Foundation's `String(format:)` would bring the full Foundation, and ICU's
/// 34 MB of data with it, into the static binary; and because the dashboard runs in the user's
/// locale, whose decimal separator may be a comma.
enum PrintfFormat {
  /// The C locale for numbers, made once (a `locale_t` lives as long as the process).
  nonisolated(unsafe) private static let numericC = newlocale(LC_NUMERIC_MASK, "C", nil)

  static func text(_ format: String, _ arguments: CVarArg...) -> String {
    let previous = uselocale(numericC)
    defer { uselocale(previous) }
    var capacity = 64
    while true {
      var buffer = [CChar](repeating: 0, count: capacity)
      let written = Int(withVaList(arguments) { vsnprintf(&buffer, capacity, format, $0) })
      if written < 0 { return "" }
      if written < capacity {
        return String(decoding: buffer.prefix(written).map { UInt8(bitPattern: $0) }, as: UTF8.self)
      }
      capacity = written + 1
    }
  }
}
