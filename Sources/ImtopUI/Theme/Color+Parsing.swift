import FoundationEssentials
import ImtopCore

extension Color {
  static let ansiNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

  /// Reads `#rrggbb`, a decimal palette index, `default`, or an ANSI name (`red`, `bright-blue`,
  /// `brightblue`, `bright_blue`); nil for anything else.
  public init?(parsing text: String) {
    let lower = text.trimmingSpaces().lowercased()
    if lower == "default" || lower == "none" {
      self = .terminalDefault
      return
    }
    if lower.hasPrefix("#") {
      let hex = Array(lower.dropFirst())
      guard hex.count == 6, let value = UInt32(String(hex), radix: 16) else { return nil }
      self = .rgb(UInt8(value >> 16 & 0xFF), UInt8(value >> 8 & 0xFF), UInt8(value & 0xFF))
      return
    }
    if let index = Int(lower) {
      guard (0...255).contains(index) else { return nil }
      self = .indexed(index)
      return
    }
    var name = lower.replacing("_", with: "-")
    var bright = false
    for prefix in ["bright-", "bright", "light-"] where name.hasPrefix(prefix) {
      bright = true
      name = String(name.dropFirst(prefix.count))
      break
    }
    if name == "grey" || name == "gray" {
      self = .ansi(bright ? 7 : 8)
      return
    }
    guard let index = Self.ansiNames.firstIndex(of: name) else { return nil }
    self = .ansi(index + (bright ? 8 : 0))
  }
}
