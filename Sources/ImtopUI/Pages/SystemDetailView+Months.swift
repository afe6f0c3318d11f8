import ImtopCore

/// The detail's SLA rows: a line per calendar month of the fiscal year so far (the snapshot's
/// monthly service figures), newest first, with availability, coverage, outages, downtime and
/// whether the SLA was met.
extension SystemDetailView {
  func months() -> [TextBlock.Line] {
    let target = system.record.sla.map { " \(context.glyphs.separator) SLA " + context.format.availability($0) } ?? ""
    var lines: [TextBlock.Line] = [.heading("By month \(context.fiscalYearLabel)" + target)]
    guard !system.monthly.isEmpty else { return lines + [TextBlock.Line([TextBlock.Span("no month yet", role: .muted)])] }
    lines.append(TextBlock.Line(
      [TextBlock.Span("Month     Avail  Cov Out   Down", role: .muted)], trailing: [TextBlock.Span("SLA", role: .muted)]))
    let format = context.format
    for month in system.monthly.reversed() {
      let verdict: TextBlock.Span
      switch month.slaMet {
      case true?: verdict = TextBlock.Span(context.glyphs.up + " met", role: .ok)
      case false?: verdict = TextBlock.Span(context.glyphs.down + " miss", role: .crit, attributes: .bold)
      case nil: verdict = TextBlock.Span(dash, role: .muted)
      }
      let availabilityRole: Role = month.availability == nil ? .unknown : month.slaMet == false ? .crit : .normal
      lines.append(TextBlock.Line([
        TextBlock.Span(month.month.description + " ", role: .muted),
        TextBlock.Span(SafeText.pad(format.availability(month.availability), to: 7, alignment: .right), role: availabilityRole),
        TextBlock.Span(
          " " + SafeText.pad(format.coverage(month.coverage), to: 4, alignment: .right) + " "
            + SafeText.pad(format.count(month.outages), to: 3, alignment: .right) + " "
            + SafeText.pad(month.downtimeMinutes > 0 ? format.minutes(month.downtimeMinutes) : dash, to: 6, alignment: .right),
          role: month.outages > 0 ? .warn : .normal),
      ], trailing: [verdict]))
    }
    return lines
  }
}
