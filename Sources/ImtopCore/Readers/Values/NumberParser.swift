/// Reads numbers as real exports write them: `1234.5`, `1,234.50`, `1 234,50`, `1.234,50`, `€12`,
/// `12 €`, `EUR 12`, `99.9%`.
///
/// Which of `,` and `.` is the decimal separator is decided per value: when both appear, the last
/// one; when only `,` appears, once, and not followed by exactly three digits (`12,5`), it is the
/// decimal separator, otherwise it groups thousands (`1,234`); a lone `.` is always decimal. Spaces
/// (also no-break and narrow no-break spaces) and apostrophes only group. Groups after the first
/// must have exactly three digits, so `1,23,4` is rejected rather than guessed.
public enum NumberParser {
  /// At most this many digits, so that the significand fits in an `Int64` exactly.
  static let maximumDigits = 18

  /// The number `text` writes, or nil when it is not one.
  public static func parse(_ text: String) -> ParsedNumber? {
    plainDecimal(text) ?? parseGeneral(text)
  }

  /// Any of the forms above, scalar by scalar.
  static func parseGeneral(_ text: String) -> ParsedNumber? {
    var scalars = Array(text.trimmingSpaces().unicodeScalars)
    var negative = false
    var currency: String?
    var isPercent = false

    if let last = scalars.last, last == "%" {
      isPercent = true
      scalars.removeLast()
      trimSpaces(&scalars)
    }
    // Sign and currency at the front, in either order (`-€12`, `€-12`, `EUR 12`).
    var sawSign = false
    for _ in 0..<2 {
      if !sawSign, let first = scalars.first, first == "-" || first == "+" || first == "\u{2212}" {
        sawSign = true
        negative = first != "+"
        scalars.removeFirst()
        trimSpaces(&scalars)
      } else if currency == nil, let code = leadingCurrency(&scalars) {
        currency = code
        trimSpaces(&scalars)
      }
    }
    if currency == nil, let code = trailingCurrency(&scalars) {
      currency = code
      trimSpaces(&scalars)
    }
    if isPercent && currency != nil { return nil }
    guard let (significand, scale) = digits(scalars) else { return nil }
    return ParsedNumber(significand: negative ? -significand : significand, scale: scale, currency: currency, isPercent: isPercent)
  }

  /// A number written `[+-]digits[.digits]` and nothing else, read from its bytes: the form nearly
  /// every export writes, read to the same value as below without the scalar arrays that cost
  /// thousands of instructions a value (a third of the read of a 50,000-row inventory). Nil for
  /// anything else, which the general reading decides.
  static func plainDecimal(_ text: String) -> ParsedNumber? {
    text.utf8.withContiguousStorageIfAvailable { bytes -> ParsedNumber? in
      var position = 0
      var negative = false
      if let first = bytes.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
        negative = first == UInt8(ascii: "-")
        position = 1
      }
      var significand: Int64 = 0
      var digits = 0
      var integerDigits = 0
      var scale = 0
      var sawPoint = false
      while position < bytes.count {
        let byte = bytes[position]
        position += 1
        if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
          digits += 1
          guard digits <= maximumDigits else { return nil }
          significand = significand * 10 + Int64(byte - UInt8(ascii: "0"))
          if sawPoint { scale += 1 } else { integerDigits += 1 }
        } else if byte == UInt8(ascii: "."), !sawPoint, integerDigits > 0 {
          sawPoint = true
        } else {
          return nil
        }
      }
      guard integerDigits > 0, !sawPoint || scale > 0 else { return nil }
      return ParsedNumber(significand: negative ? -significand : significand, scale: scale)
    } ?? nil
  }

  private static func trimSpaces(_ scalars: inout [Unicode.Scalar]) {
    while let first = scalars.first, isSpace(first) { scalars.removeFirst() }
    while let last = scalars.last, isSpace(last) { scalars.removeLast() }
  }

  static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
    scalar == " " || scalar == "\u{00A0}" || scalar == "\u{202F}" || scalar == "\u{2009}" || scalar == "\t"
  }

  private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
    (scalar >= "A" && scalar <= "Z") || (scalar >= "a" && scalar <= "z")
  }

  /// Removes and returns a leading currency symbol or three-letter code.
  private static func leadingCurrency(_ scalars: inout [Unicode.Scalar]) -> String? {
    guard let first = scalars.first else { return nil }
    if let code = CurrencyInfo.code(forSymbol: Character(first)) {
      scalars.removeFirst()
      return code
    }
    if scalars.count > 3, scalars[0...2].allSatisfy(isLetter), !isLetter(scalars[3]) {
      let code = String(String.UnicodeScalarView(scalars[0...2])).uppercased()
      scalars.removeFirst(3)
      return code
    }
    return nil
  }

  /// Removes and returns a trailing currency symbol or three-letter code (`12 €`, `12 EUR`).
  private static func trailingCurrency(_ scalars: inout [Unicode.Scalar]) -> String? {
    guard let last = scalars.last else { return nil }
    if let code = CurrencyInfo.code(forSymbol: Character(last)) {
      scalars.removeLast()
      return code
    }
    let count = scalars.count
    if count > 3, scalars[(count - 3)...].allSatisfy(isLetter), !isLetter(scalars[count - 4]) {
      let code = String(String.UnicodeScalarView(scalars[(count - 3)...])).uppercased()
      scalars.removeLast(3)
      return code
    }
    return nil
  }
}
