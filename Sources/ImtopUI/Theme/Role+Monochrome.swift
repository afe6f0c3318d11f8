extension Role {
  /// The attributes a role adds to text drawn in it when the terminal shows no colour (`NO_COLOR`,
  /// `--no-color`, a monochrome terminal): emphasis for what needs attention, dim for what matters
  /// less. Status words and symbols still say what the state is; this only keeps the hierarchy.
  public var monochromeForegroundEmphasis: Attributes {
    switch self {
    case .title, .header, .accent, .tabActive, .warn: return .bold
    case .crit, .error: return [.bold, .underline]
    case .maintenance: return .underline
    case .muted, .stale, .unknown, .tabInactive, .gaugeEmpty: return .dim
    case .normal, .border, .selection, .ok, .barPlanned, .barActual, .barOver, .gaugeFill, .sparkline,
      .background, .statusBar:
      return []
    }
  }

  /// The attributes a role adds when it is a cell's background: the roles that mark a highlighted
  /// area (selection, active tab, status bar, header bar, gauge fill) reverse the cell, since a
  /// background colour is what they would otherwise rely on.
  public var monochromeBackgroundEmphasis: Attributes {
    switch self {
    case .selection, .tabActive, .statusBar, .header, .gaugeFill, .barActual, .barOver: return .reverse
    default: return []
    }
  }
}
