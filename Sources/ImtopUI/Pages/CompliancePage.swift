import ImtopCore

/// Page 4: overdue obligations by kind and severity, on-time closure, and the portfolio risks
/// (end of support, below SLA, data quality).
struct CompliancePage {
  let context: PageContext

  func render(in body: Rect, buffer: inout Buffer) {
    let left = context.widthClass == .narrow ? 30 : 40
    let columns = body.columns([.length(left), .fill(1)])
    // The summary's eight lines, and no more than half the height: the overdue breakdown below is a
    // list that must keep some rows even on a small screen.
    let summaryHeight = min(10, columns[0].height / 2)
    let quality = DataQualityPanel(context: context)
    let leftRows = columns[0].rows([
      .length(summaryHeight), .fill(1), .length(quality.height(width: columns[0].width, available: columns[0].height - summaryHeight)),
    ])
    renderSummary(in: leftRows[0], buffer: &buffer)
    renderOverdueBreakdown(in: leftRows[1], buffer: &buffer)
    quality.render(in: leftRows[2], buffer: &buffer)
    let right = columns[1].rows([.fill(3), .fill(2)])
    renderItems(in: right[0], buffer: &buffer)
    renderRisks(in: right[1], buffer: &buffer)
  }

  private func renderSummary(in area: Rect, buffer: inout Buffer) {
    let compliance = context.snapshot.compliance
    let portfolio = context.snapshot.portfolio
    guard let inner = context.panel("Compliance", [.compliance], in: area, buffer: &buffer) else { return }
    let format = context.format
    // Colours are the statuses of the matching KPIs in the snapshot; on-time closure has no KPI.
    let overdue = context.light(.overdueCompliance)
    let lines: [TextBlock.Line] = [
      .pair("Overdue", "\(overdue.symbol) \(compliance.overdue)", role: overdue.role, attributes: .bold),
      .pair("Open", context.format.count(compliance.open)),
      .pair("Oldest overdue", compliance.oldestOverdueDays.map { context.format.count($0) + " days" } ?? context.glyphs.dash,
            role: compliance.oldestOverdueDays == nil ? .muted : overdue.role),
      .pair("On-time closure", format.percent(compliance.onTimeClosurePct, places: 0)),
      .blank,
      .pair("Past end of support", context.format.count(portfolio.pastEndOfSupport), role: context.light(.pastEndOfSupport).role),
      .pair("Below SLA (30d)", context.format.count(portfolio.belowSLA), role: context.light(.systemsMeetingSLA).role),
      .pair("Data quality", format.percent(portfolio.dataQualityPct, places: 0), role: context.light(.dataQuality).role),
    ]
    TextBlock(lines: lines, glyphs: context.glyphs).render(in: inner, buffer: &buffer)
  }

  private func renderOverdueBreakdown(in area: Rect, buffer: inout Buffer) {
    let compliance = context.snapshot.compliance
    guard let inner = context.panel("Overdue", [.compliance], in: area, buffer: &buffer) else { return }
    var lines: [TextBlock.Line] = [.heading("By severity")]
    for severity in Severity.allCases.reversed() {
      let count = compliance.overdueBySeverity[severity.rawValue] ?? 0
      guard count > 0 else { continue }
      lines.append(.pair("  " + severity.rawValue, String(count), role: severity >= .high ? .crit : .warn))
    }
    lines.append(.heading("By kind"))
    for kind in ComplianceKind.allCases {
      let count = compliance.overdueByKind[kind.rawValue] ?? 0
      guard count > 0 else { continue }
      lines.append(.pair("  " + kind.rawValue, String(count), role: .warn))
    }
    if compliance.overdue == 0 { lines = [TextBlock.Line([TextBlock.Span("\(context.glyphs.up) nothing overdue", role: .ok)])] }
    TextBlock(lines: lines, glyphs: context.glyphs).render(in: inner, buffer: &buffer)
  }

  private func renderItems(in area: Rect, buffer: inout Buffer) {
    let items = context.snapshot.compliance.openItems
    guard let inner = context.panel("Open items \(items.count)", [.compliance], in: area, buffer: &buffer, focused: true) else { return }
    let columns = [
      Table.Column("Due", width: 10, priority: 0), Table.Column("Late", width: 5, alignment: .right, priority: 0),
      Table.Column("Severity", width: 8, priority: 1), Table.Column("Kind", width: 16, minWidth: 8, priority: 1),
      Table.Column("Item", width: 10, minWidth: 6, priority: 3), Table.Column("System", width: 14, minWidth: 8, priority: 2, flexible: true),
      Table.Column("Owner", width: 16, minWidth: 8, priority: 4, flexible: true),
      Table.Column("Opened", width: 10, priority: 5),
    ]
    let names = Dictionary(context.snapshot.systems.map { ($0.id, $0.record.displayName) }, uniquingKeysWith: { first, _ in first })
    let zone = context.format.zone
    let today = zone.date(of: context.snapshot.asOf)
    let rows = items.map { item -> [Table.Cell] in
      let due = item.due.localDate(in: zone)
      let overdue = context.snapshot.asOf >= item.due.overdueFrom(in: zone)
      let late = overdue ? Int(today.dayNumber.saturatingSubtracting(due.dayNumber)) : 0
      let severityRole: Role = item.severity >= .high ? .crit : (item.severity == .medium ? .warn : .muted)
      return [
        Table.Cell(due.description, role: overdue ? .crit : .normal),
        Table.Cell(overdue ? context.format.count(late) + "d" : "", role: .crit, attributes: .bold),
        Table.Cell(item.severity.rawValue, role: severityRole), Table.Cell(item.kind.rawValue),
        Table.Cell(item.id, role: .muted), Table.Cell(item.system.map { names[$0] ?? $0 } ?? context.glyphs.dash),
        Table.Cell(item.owner.isEmpty ? context.glyphs.dash : item.owner, role: .muted),
        Table.Cell(zone.date(of: item.opened).description, role: .muted),
      ]
    }
    let table = Table(columns: columns, rows: rows, offset: context.state.scroll[.compliance] ?? 0, glyphs: context.glyphs)
    table.render(in: inner, buffer: &buffer)
    context.footnote(table.position(height: inner.height), in: area, buffer: &buffer)
    if rows.isEmpty {
      buffer.put("\(context.glyphs.up) Nothing open", x: inner.x, y: inner.y + 1, width: inner.width, alignment: .left, foreground: .ok)
    }
  }

  private func renderRisks(in area: Rect, buffer: inout Buffer) {
    let systems = context.snapshot.systems
    let eos = systems.filter(\.pastEndOfSupport)
    let below = systems.filter(\.belowSLA)
    guard let inner = context.panel("Risks \(context.glyphs.separator) end of support, below SLA", [.systems, .status], in: area, buffer: &buffer)
    else { return }
    // Two lists side by side, each no wider than reads well (a value far from its name is hard to follow).
    let half = min(52, max(0, (inner.width - 3) / 2))
    let halves = inner.columns([.length(half), .length(half)], spacing: 3)
    var eosLines: [TextBlock.Line] = [.heading("Past end of support (\(eos.count))")]
    for system in eos.sorted(by: { ($0.record.endOfSupport ?? LocalDate(year: 1, month: 1, day: 1)) < ($1.record.endOfSupport ?? LocalDate(year: 1, month: 1, day: 1)) }) {
      eosLines.append(.pair(system.record.displayName, system.record.endOfSupport?.description ?? context.glyphs.dash, role: .crit))
    }
    var slaLines: [TextBlock.Line] = [.heading("Below SLA, 30 days (\(below.count))")]
    for system in below.sorted(by: { ($0.availability.month ?? 0) < ($1.availability.month ?? 0) }) {
      let value = context.format.percent(system.availability.month, places: 2) + " / " + context.format.number(system.record.sla, places: 2)
      slaLines.append(.pair(system.record.displayName, value, role: .crit))
    }
    if eos.isEmpty { eosLines.append(TextBlock.Line([TextBlock.Span("\(context.glyphs.up) none", role: .ok)])) }
    // Ids that records name and the inventory lacks: the one place they are listed, to be fixed.
    let unregistered = context.snapshot.data.unregistered
    if !unregistered.isEmpty {
      eosLines.append(.heading("Not in systems.csv (\(unregistered.count))"))
      for system in unregistered { eosLines.append(.pair(system.id, system.namedBy, role: .warn)) }
    }
    if below.isEmpty { slaLines.append(TextBlock.Line([TextBlock.Span("\(context.glyphs.up) none", role: .ok)])) }
    TextBlock(lines: eosLines, glyphs: context.glyphs).render(in: halves[0], buffer: &buffer)
    if halves.count > 1 { TextBlock(lines: slaLines, glyphs: context.glyphs).render(in: halves[1], buffer: &buffer) }
  }
}
