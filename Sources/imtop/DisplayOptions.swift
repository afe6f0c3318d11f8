import ArgumentParser
import FoundationEssentials
import Glibc
import ImtopCore
import ImtopTerminal
import ImtopUI

/// Flags that change how the dashboard looks, shared by the dashboard, `demo` and `snapshot`.
struct DisplayOptions: ParsableArguments {
  @Option(help: "Theme name (see `imtop themes`); overrides display.theme in imtop.toml.")
  var theme: String?

  @Flag(help: "No colours: states still show through symbols and attributes (also when NO_COLOR is set).")
  var noColor = false

  @Flag(help: "ASCII drawing: no box drawing, braille or symbols (automatic under a non-UTF-8 locale); the same as --glyphs ascii.")
  var ascii = false

  @Option(help: ArgumentHelp(
    "Characters to draw with: braille (every symbol), blocks (what the Linux console's fonts have: box drawing, full, half and shaded blocks, ASCII symbols) or ascii; overrides display.glyphs. Default: blocks under TERM=linux, else braille.",
    valueName: "SET"))
  var glyphs: String?

  @Flag(help: "Replace every money figure with a placeholder, for screens in public areas.")
  var redactCosts = false

  @OptionGroup var user: UserConfigurationOption

  var environment: [String: String] { ProcessInfo.processInfo.environment }

  func validate() throws {
    if let glyphs, GlyphSet(parsing: glyphs) == nil {
      throw ValidationError("--glyphs \"\(glyphs)\": expected \(GlyphSet.expectedDescription)")
    }
  }

  /// The drawing mode the command line asks for (`--ascii`, `--glyphs`); nil leaves it to the
  /// configuration and the terminal.
  var requestedDrawingMode: DrawingMode? {
    if ascii { return .ascii }
    return glyphs.flatMap { GlyphSet(parsing: $0) }.map(DrawingMode.init)
  }

  var catalog: ThemeCatalog { ThemeCatalog(userDirectory: ThemeCatalog.userDirectory(environment: environment)) }

  /// Whether colour is off, by flag or by `NO_COLOR` set and not empty (as no-color.org says).
  var colorOff: Bool { noColor || ColorDepth.noColorRequested(by: environment) }
}

/// Flags of the live dashboard only.
struct LiveOptions: ParsableArguments {
  @Option(help: "How often the data files are polled (2s, 500ms, 1m); overrides refresh.interval.")
  var interval: String?

  @Flag(help: "Wall-console mode: no key hints, pages rotate every display.rotate, only q and Ctrl-C work.")
  var kiosk = false

  @Flag(help: "Not in wall-console mode, whatever display.kiosk in your configuration says (to use a wall console's file at a desk).")
  var noKiosk = false

  @Option(help: ArgumentHelp(
    "Append the log to FILE (default $XDG_STATE_HOME/imtop/imtop.log, or ~/.local/state/imtop/imtop.log when unset).",
    valueName: "FILE"))
  var log: String?

  @Flag(help: "Write no log file.")
  var noLog = false

  @Flag(help: "Leave the mouse to the terminal (selecting text over SSH); clicks then do nothing in imtop.")
  var noMouse = false

  func validate() throws {
    if noLog, log != nil { throw ValidationError("--log and --no-log: give one of them") }
    if kiosk, noKiosk { throw ValidationError("--kiosk and --no-kiosk: give one of them") }
    if log?.isEmpty == true { throw ValidationError("--log \"\": expected a file name") }
  }

  /// Kiosk mode from the flags over the user's `display.kiosk` (nil when it does not say).
  func kiosk(configured: Bool?) -> Bool {
    if noKiosk { return false }
    return kiosk || configured == true
  }

  /// `--interval` as a span, validated.
  func intervalSpan() throws -> Span? {
    try LiveOptions.intervalSpan(interval)
  }

  /// An `--interval` given to the dashboard or to `serve`, as a span, validated.
  static func intervalSpan(_ interval: String?) throws -> Span? {
    guard let interval else { return nil }
    switch DurationSetting.refreshInterval.parse(interval, as: "--interval") {
    case .success(let span): return span
    case .failure(let error): throw ValidationError(error.message)
    }
  }
}

/// `--page` and `--size` for one-off renderings.
struct RenderingOptions: ParsableArguments {
  @Option(help: "Page to render: overview, systems, budget, compliance, kpis or incidents.")
  var page: String = "overview"

  @Option(help: "Size to render at, as WIDTHxHEIGHT (at least \(ScreenLayout.minimum.width)x\(ScreenLayout.minimum.height)).")
  var size: String = "120x40"

  @OptionGroup var display: DisplayOptions

  var redactCosts: Bool { display.redactCosts }

  /// The page as text, or with ANSI colours at the best depth the environment allows.
  func renderPage(_ snapshot: Snapshot, configuration: Configuration, ansi: Bool) throws -> String {
    guard let pageName = PageName(parsing: page) else {
      throw ValidationError("--page \"\(page)\": expected one of \(PageName.expectedDescription)")
    }
    let dimensions = try renderableSize()
    let options = ScreenRenderer.Options(
      drawingMode: DrawingMode.choose(
        requested: display.requestedDrawingMode, configured: configuration.glyphs, terminal: nil, unicodeLocale: true),
      redactCosts: display.redactCosts, kiosk: true,
      zone: configuration.zone, staleAfter: configuration.staleAfter,
      // The feed as the dashboard opens on it: the latest changes the data holds.
      events: FeedEvent.history(of: snapshot), themeName: display.theme ?? configuration.theme)
    var text: String
    if ansi {
      let theme = try loadTheme(display.theme ?? configuration.theme)
      let depth: ColorDepth = display.colorOff ? .none : ansiDepth
      text = ScreenRenderer.ansi(snapshot, page: pageName, size: dimensions, theme: theme, depth: depth, options: options)
    } else {
      text = ScreenRenderer.text(snapshot, page: pageName, size: dimensions, options: options)
    }
    if !text.hasSuffix("\n") { text += "\n" }
    return text
  }

  /// `--size` parsed. Below the dashboard's minimum a page would only ask for a larger terminal:
  /// exit status 2 with a message naming the minimum (the README's `snapshot`).
  func renderableSize() throws -> Size {
    guard let dimensions = ScreenRenderer.parseSize(size) else {
      throw ValidationError("--size \"\(size)\": expected WIDTHxHEIGHT, such as 120x40")
    }
    let minimum = ScreenLayout.minimum
    if dimensions.width < minimum.width || dimensions.height < minimum.height {
      let message = "imtop snapshot: --size \(dimensions.width)x\(dimensions.height) is below the minimum of "
        + "\(minimum.width)x\(minimum.height): the dashboard needs at least \(minimum.width) columns and "
        + "\(minimum.height) rows to draw a page\n"
      FileWrite.toStandardError(message)
      throw ExitCode(2)
    }
    return dimensions
  }

  private func loadTheme(_ name: String) throws -> Theme {
    switch display.catalog.load(name) {
    case .success(let theme): return theme
    case .failure(let errors): throw ValidationError("theme \"\(name)\": \(errors)")
    }
  }

  /// Truecolor when `COLORTERM` says so, else 256 colours.
  private var ansiDepth: ColorDepth {
    let colorTerm = display.environment["COLORTERM"]?.lowercased() ?? ""
    return colorTerm == "truecolor" || colorTerm == "24bit" ? .truecolor : .palette256
  }
}
