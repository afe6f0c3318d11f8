import ImtopCore

/// A status shown as a symbol and, where there is room, a word: never by colour alone.
///
/// ● ok/up, ▲ warn/degraded, ✖ crit/down, ? unknown, ◆ maintenance; in ASCII mode `o ^ x ? =`.
public struct StatusLight: Sendable, Hashable {
  public enum Level: Sendable, Hashable { case ok, warn, crit, unknown, maintenance }

  public var level: Level
  public var word: String
  public var glyphs: Glyphs

  public init(level: Level, word: String, glyphs: Glyphs = .unicode) {
    self.level = level
    self.word = word
    self.glyphs = glyphs
  }

  public init(state: ServiceState, glyphs: Glyphs = .unicode) {
    let level: Level
    switch state {
    case .up: level = .ok
    case .degraded: level = .warn
    case .down: level = .crit
    case .maintenance: level = .maintenance
    case .unknown: level = .unknown
    }
    self.init(level: level, word: state == .maintenance ? "maint" : state.rawValue, glyphs: glyphs)
  }

  public init(kpi status: KPIStatus, glyphs: Glyphs = .unicode) {
    let level: Level
    switch status {
    case .ok: level = .ok
    case .warn: level = .warn
    case .crit: level = .crit
    case .unknown: level = .unknown
    }
    self.init(level: level, word: status.rawValue, glyphs: glyphs)
  }

  public var symbol: String {
    switch level {
    case .ok: return glyphs.up
    case .warn: return glyphs.degraded
    case .crit: return glyphs.down
    case .unknown: return glyphs.unknown
    case .maintenance: return glyphs.maintenance
    }
  }

  public var role: Role {
    switch level {
    case .ok: return .ok
    case .warn: return .warn
    case .crit: return .crit
    case .unknown: return .unknown
    case .maintenance: return .maintenance
    }
  }

  /// The word cut to at most four letters (`degr`, `unkn`), for narrow columns.
  public var shortWord: String {
    word.count <= 5 ? word : String(word.prefix(4))
  }

  /// Every form from the longest to the symbol alone: `▲ degraded`, `▲ degr`, `▲`.
  public var forms: [String] {
    let full = symbol + " " + word
    let short = symbol + " " + shortWord
    return full == short ? [full, symbol] : [full, short, symbol]
  }

  /// `● up` when the width allows, else the symbol alone.
  public func text(width: Int) -> String {
    forms.first { SafeText.width($0) <= width } ?? symbol
  }

  public func render(in area: Rect, buffer: inout Buffer) {
    guard !area.isEmpty else { return }
    buffer.put(text(width: area.width), x: area.x, y: area.y, width: area.width, alignment: .left, ellipsis: glyphs.ellipsis,
               foreground: role, attributes: level == .crit ? .bold : [])
  }
}
