import ImtopCore

/// The detail's state history: every state of the last 30 days the snapshot carries, newest first,
/// with when it began, how long it held and the first message its samples gave.
extension SystemDetailView {
  func history() -> [TextBlock.Line] {
    let history = system.history
    var lines: [TextBlock.Line] = [.heading("State history 30d" + (history.total > 0 ? " (\(history.total))" : ""))]
    if history.entries.isEmpty {
      let text = system.lastSample == nil ? "never sampled" : "no sample in 30 days"
      return lines + [TextBlock.Line([TextBlock.Span(text, role: .muted)])]
    }
    let now = context.snapshot.asOf
    for entry in history.entries {
      let light = StatusLight(state: entry.state, glyphs: context.glyphs)
      var spans = [
        TextBlock.Span(context.format.dateTime(entry.start) + " ", role: .muted),
        TextBlock.Span(light.symbol + " " + entry.state.rawValue, role: light.role, attributes: entry.isOutage ? .bold : []),
      ]
      if entry.state == .unknown {
        spans.append(TextBlock.Span(" no sample", role: .muted))
      } else if let message = entry.message, !message.isEmpty {
        spans.append(TextBlock.Span(" " + message))
      }
      // The state still held runs to the clock, as the systems table's "last seen" does.
      let duration = entry.end == nil ? context.elapsed(since: entry.start) + " so far" : DisplayFormat.duration(entry.duration(at: now))
      lines.append(TextBlock.Line(spans, trailing: [TextBlock.Span(duration, role: .muted)]))
    }
    if history.hidden > 0 {
      lines.append(TextBlock.Line([TextBlock.Span(MoreMarker.text(hidden: history.hidden) + " older", role: .muted)]))
    }
    return lines
  }
}
