import ImtopCore

extension AppState {
  /// The whole screen for this state at `size`: a pure function of the state, so it can be tested,
  /// printed by `imtop snapshot`, and diffed by the terminal backend.
  public func view() -> Buffer {
    var buffer = Buffer(size: size)
    view(into: &buffer)
    return buffer
  }

  /// The screen, as `view()`, reusing `cache` when it holds a frame of this state (`revision`) at
  /// its size and no part of the page drawn there has changed with the clock since
  /// (`ClockDependence`): then only the chrome (the header's clock and data age) is drawn again, and
  /// the panels' top edges when their ages have moved on, so an idle dashboard's tick costs a header
  /// and a few labels, not a screen. Otherwise the whole screen is drawn, and kept in `cache` for the
  /// next call.
  public func view(reusing cache: inout FrameCache?) -> Buffer {
    let layout = ScreenLayout(size: size)
    // Kept from the instant it was drawn until it reads differently: a clock stepped back (NTP, a
    // hand-set clock) before the top edges were drawn draws afresh, as ages and staleness may then
    // read earlier.
    if var kept = cache, kept.revision == revision, kept.frame.size == size, kept.titlesDrawnAt <= now,
       kept.until.map({ now < $0 }) ?? true {
      guard !layout.isTooSmall else { return kept.frame }
      if let titlesUntil = kept.titlesUntil, now >= titlesUntil, let snapshot {
        // Let go of the cache's copy first, so the edges are drawn into the kept frame in place
        // rather than into a copy of the whole screen.
        cache = nil
        let dependence = ClockDependence()
        let context = PageContext(state: self, snapshot: snapshot, widthClass: layout.widthClass, clockDependence: dependence)
        for top in kept.titles { context.redrawTopEdge(top, buffer: &kept.frame) }
        kept.titlesDrawnAt = now
        kept.titlesUntil = dependence.titlesUntil
        cache = kept
      }
      var frame = kept.frame
      ScreenChrome(state: self, layout: layout).render(buffer: &frame)
      return frame
    }
    let dependence = ClockDependence()
    var frame = Buffer(size: size)
    view(into: &frame, clockDependence: dependence)
    cache = FrameCache(revision: revision, frame: frame, drawnAt: now, until: dependence.until,
                       titlesDrawnAt: now, titlesUntil: dependence.titlesUntil, titles: dependence.titles)
    return frame
  }

  /// Draws the screen into an existing buffer of any size. When it differs from `size`, the state is
  /// first told of the resize (on a copy), so the table scrolls as it would at that size.
  /// `clockDependence`, when given, learns how long the page's body stays as drawn.
  public func view(into buffer: inout Buffer, clockDependence: ClockDependence? = nil) {
    var state = self
    if state.size != buffer.size { _ = state.update(.input(.resize(buffer.size))) }
    let layout = ScreenLayout(size: buffer.size)
    buffer.clear(buffer.area)
    if layout.isTooSmall {
      Self.renderTooSmall(size: buffer.size, glyphs: glyphs, buffer: &buffer)
      return
    }
    ScreenChrome(state: state, layout: layout).render(buffer: &buffer)
    guard let snapshot = state.snapshot else {
      let middle = layout.body.y + layout.body.height / 2
      buffer.put("Waiting for data\(glyphs.ellipsis)", x: layout.body.x, y: middle,
                 width: layout.body.width, alignment: .center, foreground: .muted)
      if let progress = state.loadProgress, middle + 2 < layout.body.y + layout.body.height {
        buffer.put(progress.line(ellipsis: glyphs.ellipsis), x: layout.body.x, y: middle + 2,
                   width: layout.body.width, alignment: .center, foreground: .muted)
      }
      return
    }
    let context = PageContext(state: state, snapshot: snapshot, widthClass: layout.widthClass, clockDependence: clockDependence)
    switch state.page {
    case .overview: OverviewPage(context: context).render(in: layout.body, buffer: &buffer)
    case .systems: SystemsPage(context: context).render(in: layout.body, buffer: &buffer)
    case .budget: BudgetPage(context: context).render(in: layout.body, buffer: &buffer)
    case .compliance: GovernancePage(context: context).render(in: layout.body, buffer: &buffer)
    case .kpis: KPIsPage(context: context).render(in: layout.body, buffer: &buffer)
    case .incidents: IncidentsPage(context: context).render(in: layout.body, buffer: &buffer)
    }
    // An overlay covers panels' top edges, which drawn again alone would show through it.
    if state.showHelp || (state.columnChooser != nil && state.page == .systems) { clockDependence?.coverTitles() }
    if let cursor = state.columnChooser, state.page == .systems {
      let entries = SystemTableColumn.choosable.map { ColumnChooser.Entry($0.title, shown: !state.hiddenColumns.contains($0)) }
      ColumnChooser(entries: entries, cursor: cursor, glyphs: glyphs).render(in: layout.body, buffer: &buffer)
    }
    if state.showHelp {
      HelpOverlay(
        bindings: KeyBindings.all, compactBindings: KeyBindings.compact, legend: KeyBindings.legend(glyphs),
        compactLegend: KeyBindings.legend(glyphs, compact: true), glyphs: glyphs, title: "Keys and symbols"
      ).render(in: layout.body, buffer: &buffer)
    }
  }

  /// "Enlarge the terminal (need at least 60×16, have 40×10)", centred and wrapped to fit.
  static func renderTooSmall(size: Size, glyphs: Glyphs, buffer: inout Buffer) {
    let minimum = ScreenLayout.minimum
    let times = glyphs.isASCII ? "x" : "×"
    let words = ["Enlarge", "the", "terminal", "(need", "at", "least", "\(minimum.width)\(times)\(minimum.height),",
                 "have", "\(size.width)\(times)\(size.height))"]
    var lines: [String] = []
    var current = ""
    for word in words {
      let candidate = current.isEmpty ? word : current + " " + word
      if SafeText.width(candidate) <= size.width || current.isEmpty {
        current = candidate
      } else {
        lines.append(current)
        current = word
      }
    }
    if !current.isEmpty { lines.append(current) }
    let top = max(0, (size.height - lines.count) / 2)
    for (index, line) in lines.enumerated() where top + index < size.height {
      buffer.put(line, x: 0, y: top + index, width: size.width, alignment: .center, ellipsis: "", foreground: .warn, attributes: .bold)
    }
  }
}

/// A whole frame kept by `AppState.view(reusing:)` for the next ticks.
public struct FrameCache: Sendable {
  /// The state's revision it was drawn for.
  let revision: Int
  var frame: Buffer
  /// The clock it was drawn at.
  let drawnAt: Timestamp
  /// When the page drawn in it, but its panels' top edges, first reads differently with the clock
  /// moved on; nil: never.
  let until: Timestamp?
  /// The clock its panels' top edges were drawn at: `drawnAt`, or a later tick that drew them again.
  var titlesDrawnAt: Timestamp
  /// When a panel's top edge (its age) first reads differently; nil: never.
  var titlesUntil: Timestamp?
  /// The panels' top edges, to draw again alone.
  let titles: [PanelTitle]
}
