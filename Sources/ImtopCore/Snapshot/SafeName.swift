/// Text from the configuration made safe on one terminal line: control characters as visible pictures.
enum SafeName {
  static func visible(_ text: String) -> String {
    var output = ""
    for scalar in text.unicodeScalars {
      if scalar.value < 0x20 {
        output.unicodeScalars.append(Unicode.Scalar(0x2400 + scalar.value) ?? "?")
      } else if scalar.value == 0x7F || (0x80..<0xA0).contains(scalar.value) {
        output += "\u{FFFD}"
      } else {
        output.unicodeScalars.append(scalar)
      }
    }
    return output
  }
}
