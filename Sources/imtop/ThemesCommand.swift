import ArgumentParser
import FoundationEssentials
import Glibc
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
    // Into a file or a pipe, the previews are plain text: no escape sequence leaves a terminal.
    let terminal = isatty(STDOUT_FILENO) == 1
    let depth: ColorDepth = display.colorOff ? .none : .palette256
    if let directory = catalog.userDirectory { print("User themes: \(directory)\n") }
    for name in catalog.names() {
      let shipped = ThemeCatalog.shippedNames.contains(name) ? "built in" : "yours"
      switch catalog.load(name) {
      case .success(let theme):
        print("\(name) (\(shipped))")
        let preview = ThemesCommand.preview(ascii: display.ascii)
        print(terminal ? ANSISerializer(theme: theme, depth: depth).serialize(preview) : preview.plainText())
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
