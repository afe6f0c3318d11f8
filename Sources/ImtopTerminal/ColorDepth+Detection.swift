import ImtopUI

extension ColorDepth {
  /// The colour depth a terminal offers, from the number of colours its terminfo entry declares and
  /// the environment.
  ///
  /// `NO_COLOR` (set and not empty, as the README's "Themes" section says) or the `--no-color` flag
  /// give `.none`. `COLORTERM=truecolor` or `24bit` upgrades a 256-colour terminal to truecolor,
  /// because terminfo entries rarely say so. `can_change_color` is deliberately not consulted:
  /// redefining palette entries would change the user's terminal colours beyond this process.
  /// Whether `NO_COLOR` asks for no colour: set and not empty (no-color.org).
  public static func noColorRequested(by environment: [String: String]) -> Bool {
    !(environment["NO_COLOR"] ?? "").isEmpty
  }

  public static func detect(colors: Int, environment: [String: String], noColorFlag: Bool = false) -> ColorDepth {
    if noColorFlag { return .none }
    if noColorRequested(by: environment) { return .none }
    if colors >= ColorDepth.truecolor.rawValue { return .truecolor }
    if colors >= 256 {
      let colorTerm = environment["COLORTERM"]?.lowercased() ?? ""
      return colorTerm == "truecolor" || colorTerm == "24bit" ? .truecolor : .palette256
    }
    if colors >= 16 { return .sixteen }
    if colors >= 8 { return .eight }
    return .none
  }

  /// The depth ncurses can actually draw with `colors` colours: 24-bit values only reach the
  /// terminal through a direct-colour entry, whatever `COLORTERM` says.
  public static func drawable(colors: Int) -> ColorDepth {
    detect(colors: colors, environment: [:])
  }
}
