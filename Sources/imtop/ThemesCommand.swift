import ArgumentParser
import Foundation
import ImtopUI

/// `imtop themes`: lists the themes (shipped and the user's) with a small preview of each.
struct ThemesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "themes",
    abstract: "List the themes and show a small preview of each.",
    discussion: """
      Shipped themes are built in; your own go in $XDG_CONFIG_HOME/imtop/themes/NAME.toml \
      (default ~/.config/imtop/themes/). Copy a shipped one from the project's themes/ folder to start.
      """
  )

  @OptionGroup var display: DisplayOptions

  func run() throws {
    let catalog = display.catalog
    let colour = !display.colorOff && isatty(STDOUT_FILENO) == 1
    let depth: ColorDepth = colour ? .palette256 : .none
    if let directory = catalog.userDirectory { print("User themes: \(directory)\n") }
    for name in catalog.names() {
      let shipped = ThemeCatalog.shippedNames.contains(name) ? "built in" : "yours"
      switch catalog.load(name) {
      case .success(let theme):
        print("\(name) (\(shipped))")
        print(ANSISerializer(theme: theme, depth: depth).serialize(ThemesCommand.preview(ascii: display.ascii)))
      case .failure(let errors):
        print("\(name) (\(shipped)): cannot be used: \(errors)")
      }
      print("")
    }
  }

  /// Two lines showing the roles a dashboard uses most.
  static func preview(ascii: Bool) -> Buffer {
    var buffer = Buffer(size: Size(width: 72, height: 2))
    let glyphs = ascii ? ["o", "^", "x", "?"] : ["●", "▲", "✖", "?"]
    var x = 2
    for (text, role) in [
      ("\(glyphs[0]) up", Role.ok), ("\(glyphs[1]) degraded", .warn), ("\(glyphs[2]) down", .crit),
      ("\(glyphs[3]) unknown", .unknown), ("stale", .stale), ("maintenance", .maintenance),
    ] {
      x += buffer.put(text, x: x, y: 0, foreground: role) + 2
    }
    x = 2
    for (text, role) in [("Title", Role.title), ("accent", .accent), ("muted", .muted), (" selected row ", .selection), ("border", .border)] {
      let background: Role = role == .selection ? .selection : .background
      x += buffer.put(text, x: x, y: 1, foreground: role, background: background) + 2
    }
    return buffer
  }
}
