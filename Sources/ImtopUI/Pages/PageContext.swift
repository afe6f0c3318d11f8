import ImtopCore

/// What every page needs to draw: the state, its snapshot, glyphs, formatting and data ages.
struct PageContext {
  let state: AppState
  let snapshot: Snapshot
  let glyphs: Glyphs
  let format: DisplayFormat
  /// The clock: read only through a panel's age and `elapsed(since:)`, which note when what they return
  /// changes (`ClockDependence`).
  private let now: Timestamp
  private let clockDependence: ClockDependence?
  let widthClass: ScreenLayout.Width

  init(state: AppState, snapshot: Snapshot, widthClass: ScreenLayout.Width, clockDependence: ClockDependence? = nil) {
    self.state = state
    self.snapshot = snapshot
    self.glyphs = state.glyphs
    self.format = state.format
    self.now = state.now
    self.clockDependence = clockDependence
    self.widthClass = widthClass
  }

  /// How old the data from these kinds of file is, as a panel's top edge shows it: noted apart from
  /// the rest of the page (`ClockDependence.noteTitle`), as only that edge is drawn again for it.
  private func topEdgeAge(_ kinds: [FileKind]) -> DataAge {
    let reading = DataAge.reading(kinds, in: snapshot.data.files, now: now, staleAfter: state.staleAfter)
    clockDependence?.noteTitle(reading.nextChange)
    return reading.age
  }

  private func frame(_ top: PanelTitle, age: DataAge) -> Panel {
    Panel(title: top.title, shorterTitles: top.shorterTitles, age: age, glyphs: glyphs, focused: top.focused)
  }

  /// Draws a panel's top edge again, as `panel` drew it, with the age at this context's clock.
  func redrawTopEdge(_ top: PanelTitle, buffer: inout Buffer) {
    frame(top, age: topEdgeAge(top.kinds)).renderTopEdge(in: top.area, buffer: &buffer)
  }

  /// `12 s`, `3 min`, `2h 05m`: the time from `time` to the clock, as `DisplayFormat.duration`.
  func elapsed(since time: Timestamp) -> String {
    clockDependence?.note(now + QuantityFormat.durationChange(after: now - time))
    return DisplayFormat.duration(now - time)
  }

  /// `42 s`, `5 min`, `3h`, `2d`: the time from `time` to the clock in its leading unit, as
  /// `DisplayFormat.age` (an incident's age in a list). Read against the clock, not the figures'
  /// instant, so that it moves on with the header's clock between recomputations.
  func age(since time: Timestamp) -> String {
    clockDependence?.note(now + QuantityFormat.ageChange(after: now - time))
    return DisplayFormat.age(now - time)
  }

  /// Draws a panel for data from `kinds`; when every one of those files is missing, says which file
  /// it wants and returns nil so the caller draws nothing else. `shorterTitles`, fullest first, stand
  /// in for `title` when it does not fit beside the age (`Panel`).
  func panel(
    _ title: String, shorterTitles: [String] = [], _ kinds: [FileKind], in area: Rect, buffer: inout Buffer, focused: Bool = false
  ) -> Rect? {
    let top = PanelTitle(area: area, title: title, shorterTitles: shorterTitles, kinds: kinds, focused: focused)
    clockDependence?.record(top)
    let age = topEdgeAge(kinds)
    let inner = frame(top, age: age).render(in: area, buffer: &buffer)
    let missing = !kinds.isEmpty && kinds.allSatisfy { snapshot.data.missingKinds.contains($0) }
    if missing {
      let names = kinds.map(\.fileName).joined(separator: " or ")
      TextBlock(lines: [
        TextBlock.Line([TextBlock.Span("No data: add \(names)", role: .muted)]),
        TextBlock.Line([TextBlock.Span("to the data directory.", role: .muted)]),
      ], glyphs: glyphs).render(in: inner, buffer: &buffer)
      return nil
    }
    if let failure = age.failure, inner.height >= 3 {
      buffer.put("\(glyphs.down) \(failure)", x: inner.x, y: inner.maxY - 1, width: inner.width, alignment: .left,
                 ellipsis: glyphs.ellipsis, foreground: .error)
      return Rect(x: inner.x, y: inner.y, width: inner.width, height: inner.height - 1)
    }
    return inner
  }

  /// Writes a scrolled table's position (`21–40 of 62`) on the bottom edge of its panel in `area`.
  func footnote(_ position: String?, in area: Rect, buffer: inout Buffer) {
    guard let position else { return }
    Panel.footnote(position, in: area, glyphs: glyphs, buffer: &buffer)
  }

  /// `FY2026`, or `FY2026/27` when the fiscal year does not start in January.
  var fiscalYearLabel: String {
    let organization = snapshot.organization
    let start = organization.fiscalYearStart
    if start.month == 1 { return "FY\(start.year)" }
    let end = organization.fiscalYearEnd.year % 100
    return "FY\(start.year)/\(end < 10 ? "0" : "")\(end)"
  }

  func light(_ system: SystemHealth) -> StatusLight { StatusLight(state: system.state, glyphs: glyphs) }

  /// The sparkline variant for this drawing mode.
  func sparkVariant(_ preferred: Sparkline.Variant) -> Sparkline.Variant { .preferred(preferred, for: glyphs) }
}
