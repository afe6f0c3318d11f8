import ImtopCore
import ImtopUI

/// The live dashboard as a `TerminalProgram`: `AppState` with its `update` and `view`, plus what the
/// outside world contributes (live updates from the poller thread, themes from the catalog, the
/// configuration's display settings) and carries out (re-read, quit).
public struct DashboardProgram: TerminalProgram {
  public typealias Message = DashboardMessage

  /// Settings the command line fixes; each overrides the same setting of `imtop.toml`.
  public struct Overrides: Sendable, Hashable {
    public var theme: String?
    public var drawingMode: DrawingMode?
    public var kiosk: Bool
    public var redactCosts: Bool

    public init(theme: String? = nil, drawingMode: DrawingMode? = nil, kiosk: Bool = false, redactCosts: Bool = false) {
      self.theme = theme
      self.drawingMode = drawingMode
      self.kiosk = kiosk
      self.redactCosts = redactCosts
    }
  }

  public private(set) var state: AppState
  public private(set) var theme: Theme
  public let overrides: Overrides
  private let catalog: ThemeCatalog
  private let clock: any TimeSource
  /// Called for `r`: wake the poller now.
  private let requestReread: @Sendable () -> Void
  /// The configuration last applied, to apply only what changed.
  private var appliedConfiguration: Configuration?
  /// The terminal's name and whether the locale is UTF-8, once `start` has them: what the drawing
  /// mode is chosen from, beside the command line and the configuration.
  private var terminal: (name: String, unicodeLocale: Bool)?
  /// Notes waiting for the next update to reach the feed (a theme that failed to load...).
  private var notes: [FeedEvent] = []
  /// Notes from `note(_:)`, waiting for the next update.
  private var setupNotes: [String] = []
  /// The version of the user theme file in use when it was loaded, to reload it when edited.
  private var themeFileVersion: String?
  /// Keeps the column choice (`c`) for the next start; returns why it could not, nil when kept.
  private let saveColumns: @Sendable (Set<SystemTableColumn>) -> String?
  /// Whether the footer has said once that the column choice could not be kept.
  private var columnsNotSavedShown = false
  /// The last frame, for ticks that move only the clock (`AppState.view(reusing:)`).
  private let keptFrame = KeptFrame()

  public init(
    configuration: Configuration, overrides: Overrides, catalog: ThemeCatalog, clock: any TimeSource,
    requestReread: @escaping @Sendable () -> Void, hiddenColumns: Set<SystemTableColumn> = [],
    saveColumns: @escaping @Sendable (Set<SystemTableColumn>) -> String? = { _ in nil }
  ) {
    self.overrides = overrides
    self.catalog = catalog
    self.clock = clock
    self.requestReread = requestReread
    self.saveColumns = saveColumns
    let themeName = overrides.theme ?? configuration.theme
    var state = AppState(
      pages: configuration.pages, themeNames: catalog.names(), themeName: themeName,
      drawingMode: overrides.drawingMode ?? .unicode, redactCosts: overrides.redactCosts, kiosk: overrides.kiosk)
    _ = state.update(.display(DashboardProgram.display(configuration, kiosk: overrides.kiosk)))
    _ = state.update(.tick(clock.now))
    _ = state.update(.hiddenColumns(hiddenColumns))
    self.state = state
    self.theme = ThemeCatalog.fallback
    self.appliedConfiguration = configuration
    loadTheme(themeName)
  }

  /// A note for the feed from the program's setup (the log turned off...): shown with the next
  /// update, stamped then and first among the events of the same time, so a first read's many
  /// "new file" lines do not push it out of sight.
  public mutating func note(_ text: String) {
    setupNotes.append(text)
  }

  public mutating func start(_ capabilities: TerminalCapabilities) -> TerminalAction {
    terminal = (capabilities.terminalName, capabilities.isUTF8)
    chooseDrawingMode()
    var notes: [String] = []
    if !capabilities.isUTF8 { notes.append(DashboardProgram.asciiNote(codeset: capabilities.codeset)) }
    if let fallback = appliedConfiguration?.zoneFallback { notes.append(DashboardProgram.zoneNote(fallback)) }
    if !notes.isEmpty { _ = state.update(.footerNote(notes.joined(separator: "; "))) }
    return .redraw
  }

  public func render(size: Size) -> Buffer {
    if size == state.size { return keptFrame.view(of: state) }
    var frame = Buffer(size: size)
    state.view(into: &frame)
    return frame
  }

  public mutating func handle(_ event: InputEvent) -> TerminalAction {
    // Ctrl-L repaints the screen, in kiosk mode too: it changes nothing but what is shown.
    if event == .key(.control("l")) { return .repaint }
    // Ctrl-Z suspends, as in any program run from a shell; kiosk mode ignores it like other keys.
    if event == .key(.control("z")) { return state.kiosk ? .unchanged : .suspend }
    return perform(state.update(.input(event)))
  }

  /// A message from the poller's thread: the configuration first, then the figures, then progress.
  public mutating func receive(_ message: DashboardMessage) -> TerminalAction {
    var action = TerminalAction.unchanged
    if let configuration = message.configuration {
      apply(configuration)
      action = .redraw
    }
    if let update = message.update { action = receive(update) }
    if let progress = message.progress {
      _ = state.update(.loadProgress(progress))
      action = .redraw
    }
    return action
  }

  public mutating func receive(_ update: LiveUpdate) -> TerminalAction {
    apply(update.configuration)
    let previous = state.pendingSnapshot ?? state.snapshot
    var events = FeedEvent.changes(from: previous, to: update.snapshot)
    if previous == nil {
      // The first figures are a starting point, not a change: the feed opens on the latest changes
      // the data holds instead, with the data problems.
      events.removeAll { $0.system != nil }
      events += FeedEvent.history(of: update.snapshot)
    }
    events += update.events.compactMap { DashboardProgram.feedEvent($0, polledAt: update.snapshot.asOf) }
    events += notes
    notes = []
    let noted = max(clock.now, update.snapshot.asOf)
    events = setupNotes.map { FeedEvent(time: noted, kind: .note($0)) } + events
    setupNotes = []
    _ = state.update(.snapshot(update.snapshot, events))
    return .redraw
  }

  public mutating func tick() -> TerminalAction {
    _ = state.update(.tick(clock.now))
    // A user theme file edited while running is read again (a broken edit keeps the last good one).
    let version = catalog.fileVersion(of: state.themeName)
    if version != themeFileVersion {
      loadTheme(state.themeName)
    }
    return .redraw
  }

  /// Carries out what `update` asked for.
  private mutating func perform(_ commands: [Command]) -> TerminalAction {
    for command in commands {
      switch command {
      case .quit: return .quit
      case .reread: requestReread()
      case .themeChanged(let name): loadTheme(name)
      case .pauseChanged: break
      case .hiddenColumnsChanged(let hidden):
        // An unwritable state folder costs the choice at the next start, nothing now: said once.
        if let failure = saveColumns(hidden), !columnsNotSavedShown {
          columnsNotSavedShown = true
          _ = state.update(.footerNote(failure))
        }
      }
    }
    return .redraw
  }

  /// Applies the display settings of a new configuration that the command line does not override.
  private mutating func apply(_ configuration: Configuration) {
    guard configuration != appliedConfiguration else { return }
    let previous = appliedConfiguration
    appliedConfiguration = configuration
    _ = state.update(.display(DashboardProgram.display(configuration, kiosk: overrides.kiosk)))
    if overrides.theme == nil, configuration.theme != previous?.theme {
      loadTheme(configuration.theme)
    }
    if configuration.glyphs != previous?.glyphs { chooseDrawingMode() }
    if terminal != nil, let fallback = configuration.zoneFallback, fallback != previous?.zoneFallback {
      _ = state.update(.footerNote(DashboardProgram.zoneNote(fallback)))
    }
  }

  /// What the footer says once when the locale's character set is not UTF-8.
  static func asciiNote(codeset: String) -> String {
    "ASCII: the locale's character set is \(codeset); set LANG=C.UTF-8 for symbols"
  }

  /// What the footer says once when the configured time zone is not available and UTC is used.
  static func zoneNote(_ fallback: ZoneError) -> String {
    "time zone \(fallback.identifier) is not available here: times in UTC (imtop check says why)"
  }

  /// Sets the drawing mode from the command line, the configuration and the terminal.
  private mutating func chooseDrawingMode() {
    guard let terminal else { return }
    let mode = DrawingMode.choose(
      requested: overrides.drawingMode, configured: appliedConfiguration?.glyphs, terminal: terminal.name,
      unicodeLocale: terminal.unicodeLocale)
    _ = state.update(.drawingMode(mode))
  }

  /// The display settings of a configuration; page rotation only in kiosk mode.
  static func display(_ configuration: Configuration, kiosk: Bool) -> DisplaySettings {
    DisplaySettings(pages: configuration.pages, staleAfter: configuration.staleAfter, zone: configuration.zone,
                    rotateEvery: kiosk ? configuration.rotate : nil)
  }

  /// Loads a theme from the catalog; on failure the current one stays and the feed says why.
  private mutating func loadTheme(_ name: String) {
    themeFileVersion = catalog.fileVersion(of: name)
    switch catalog.load(name) {
    case .success(let loaded):
      theme = loaded
      _ = state.update(.themes(catalog.names(), current: name))
    case .failure(let errors):
      notes.append(FeedEvent(time: clock.now, kind: .note("theme \"\(name)\" not loaded: \(errors)")))
      _ = state.update(.themes(catalog.names(), current: theme.name))
    }
  }

  /// The feed line for a poller event the snapshot diff does not already show.
  static func feedEvent(_ event: LiveEvent, polledAt now: Timestamp) -> FeedEvent? {
    switch event {
    case .stateChanged, .badRecords, .fileFailed, .sourceFailed:
      return nil  // The snapshot diff reports state changes and new data issues (a failed read is one).
    case .incidentOpened(let incident):
      return FeedEvent(time: incident.opened, kind: .note(event.logMessage))
    case .fileRecovered, .fileAppeared, .fileRemoved, .sourceAdded, .sourceRecovered:
      // In the log's words: one home for what these events say.
      return FeedEvent(time: now, kind: .note(event.logMessage))
    case .wentSilent(let system, let lastSample, let at):
      return FeedEvent(time: at, kind: .silence(system: system, lastSample: lastSample, returned: false))
    case .reportingAgain(let system, let lastSample, let at):
      return FeedEvent(time: at, kind: .silence(system: system, lastSample: lastSample, returned: true))
    }
  }
}

/// The frame `render` keeps between calls; `render` does not mutate the program, as the run loop and
/// tests call it on the program as it is. A copy of the program shares it, which is safe: the frame
/// is reused only for the state revision it was drawn for, and revisions are unique per change.
private final class KeptFrame {
  private var cache: FrameCache?

  func view(of state: AppState) -> Buffer { state.view(reusing: &cache) }
}
