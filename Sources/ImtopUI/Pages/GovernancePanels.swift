import ImtopCore

/// The listing panels of the Governance & risk page: a summary line, then the panel's rows of
/// `GovernanceRows` (the cursor's row highlighted), then `+N more` when they do not all fit.
struct GovernancePanels {
  let context: PageContext
  let rows: GovernanceRows
  let selection: Int

  func obligations(in area: Rect, buffer: inout Buffer) {
    let compliance = context.snapshot.compliance
    let overdue = context.light(.overdueCompliance)
    let format = context.format
    let summary = summary(
      overdue, "Overdue \(format.count(compliance.overdue))",
      "\(format.count(compliance.open)) open", "on time \(format.percent(compliance.onTimeClosurePct))")
    list(.obligations, title: "Obligations", kinds: [.compliance], summary: summary, columns: [
      Table.Column("When", width: 12), Table.Column("Severity", width: 8, minWidth: 4, priority: 3),
      Table.Column("Item", width: 24, minWidth: 8, priority: 0, flexible: true),
      Table.Column("System", width: 14, minWidth: 6, priority: 1, flexible: true),
    ], empty: "nothing open", in: area, buffer: &buffer)
  }

  func training(in area: Rect, buffer: inout Buffer) {
    guard let training = context.snapshot.governance.training else {
      return missing("Training", [.training], "No data: add training.csv", "to the data directory.", in: area, buffer: &buffer)
    }
    let light = context.light(.trainingCompletion)
    let format = context.format
    let summary = summary(
      light, "\(format.percent(training.completionPct)) done", "\(format.count(training.overdue)) overdue",
      "\(format.count(training.peopleOutstanding)) people")
    list(.training, title: "Training", kinds: [.training], summary: summary, columns: [
      Table.Column("Course", width: 24, minWidth: 8, flexible: true), Table.Column("Done", width: 6, alignment: .right),
      Table.Column("Overdue", width: 12, minWidth: 6, priority: 1),
    ], empty: "every course on track", in: area, buffer: &buffer)
  }

  func access(in area: Rect, buffer: inout Buffer) {
    guard let access = context.snapshot.governance.access else {
      return missing("Access reviews", [.access], "No data: add access.csv", "to the data directory.", in: area, buffer: &buffer)
    }
    let light = context.light(.reviewCoverage)
    let label = "\(context.format.percent(access.coveragePct)) reviewed"
    let gauge = Gauge(ratio: access.coveragePct.map { $0 / 100 }, label: label, fillRole: light.role, glyphs: context.glyphs)
    let summary = summary(
      light, "\(context.format.count(access.overdueRoles)) roles overdue",
      "\(context.format.count(access.privilegedInOverdueRoles)) privileged in them")
    list(.access, title: "Access reviews", kinds: [.access], summary: summary, gauge: gauge, columns: [
      Table.Column("System", width: 14, minWidth: 6, flexible: true), Table.Column("Role", width: 14, minWidth: 6, flexible: true),
      Table.Column("Review", width: 12), Table.Column("Accounts", width: 8, alignment: .right, priority: 2),
    ], empty: "every review current", in: area, buffer: &buffer)
  }

  func retention(in area: Rect, buffer: inout Buffer) {
    guard let retention = context.snapshot.governance.retention else {
      return missing("Records retention", [.retention], "No data: add retention.csv", "to the data directory.", in: area, buffer: &buffer)
    }
    let light = context.light(.pastRetention)
    let format = context.format
    let summary = summary(
      light, "\(format.count(retention.pastRetention)) past", "\(format.count(retention.recordsPastRetention)) records",
      "\(format.count(retention.legalHolds)) on hold")
    list(.retention, title: "Records retention", kinds: [.retention], summary: summary, columns: [
      Table.Column("Series", width: 20, minWidth: 8, flexible: true), Table.Column("Past", width: 10, alignment: .right),
      Table.Column("Records", width: 10, alignment: .right, priority: 2), Table.Column("Hold", width: 10, priority: 1),
    ], empty: "nothing held past retention", in: area, buffer: &buffer)
  }

  func sensitive(in area: Rect, buffer: inout Buffer) {
    guard let data = context.snapshot.governance.data else {
      return missing(
        "Sensitive systems", [.systems], "No data: add a data_class or", "personal_data column to systems.csv.", in: area,
        buffer: &buffer)
    }
    let light = context.light(.exposed)
    let format = context.format
    let summary = summary(
      light, "\(format.count(data.exposed.count)) exposed", "\(format.count(data.sensitive)) sensitive",
      "\(format.count(data.personalData)) personal data")
    list(.sensitive, title: "Sensitive systems", kinds: [.systems], summary: summary, columns: [
      Table.Column("System", width: 18, minWidth: 8), Table.Column("Class", width: 12, minWidth: 6, priority: 2),
      Table.Column("Personal", width: 8, priority: 3), Table.Column("Why exposed", width: 40, minWidth: 10, priority: 1, flexible: true),
    ], empty: "no sensitive systems", in: area, buffer: &buffer)
  }

  /// A panel's first line: the headline figure in its KPI's status, then the details, muted.
  private func summary(_ light: StatusLight, _ headline: String, _ details: String...) -> TextBlock.Line {
    TextBlock.Line([
      TextBlock.Span("\(light.symbol) \(headline)", role: light.role, attributes: .bold),
      TextBlock.Span(details.map { " \(context.glyphs.separator) \($0)" }.joined(), role: .muted),
    ])
  }

  /// A panel whose figures are absent (their file, or for sensitive systems the columns), saying what it wants.
  private func missing(_ title: String, _ kinds: [FileKind], _ lines: String..., in area: Rect, buffer: inout Buffer) {
    guard let inner = context.panel(title, kinds, in: area, buffer: &buffer) else { return }
    TextBlock(lines: lines.map { TextBlock.Line([TextBlock.Span($0, role: .muted)]) }, glyphs: context.glyphs)
      .render(in: inner, buffer: &buffer)
  }

  /// A panel of `panel`'s rows under `summary` (and `gauge`), the cursor's row kept in view.
  private func list(
    _ panel: GovernanceRows.Panel, title: String, kinds: [FileKind], summary: TextBlock.Line, gauge: Gauge? = nil,
    columns: [Table.Column], empty: String, in area: Rect, buffer: inout Buffer
  ) {
    let items = rows.rows[panel] ?? []
    let start = rows.start(of: panel)
    let local = (start..<start + items.count).contains(selection) ? selection - start : nil
    guard let inner = context.panel(title, kinds, in: area, buffer: &buffer, focused: local != nil) else { return }
    guard inner.height > 0 else { return }
    TextBlock.draw(summary, x: inner.x, y: inner.y, width: inner.width, glyphs: context.glyphs, buffer: &buffer)
    var top = inner.y + 1
    if let gauge, inner.height >= 4 {
      gauge.render(in: Rect(x: inner.x, y: top, width: inner.width, height: 1), buffer: &buffer)
      top += 1
    }
    let height = inner.maxY - top
    guard height > 0 else { return }
    if items.isEmpty {
      buffer.put("\(context.glyphs.up) \(empty)", x: inner.x, y: top, width: inner.width, alignment: .left, foreground: .ok)
      return
    }
    let visible = MoreMarker.shown(items.count, rows: height)
    let offset = local.map { Swift.max(0, $0 - visible + 1) } ?? 0
    let table = Table(
      columns: columns, rows: items.map(\.cells), selection: local, offset: offset, glyphs: context.glyphs, showHeader: false)
    table.render(in: Rect(x: inner.x, y: top, width: inner.width, height: visible), buffer: &buffer)
    let hidden = items.count - visible
    if hidden > 0 {
      buffer.put(MoreMarker.text(hidden: hidden), x: inner.x, y: top + visible, width: inner.width, alignment: .left,
                 foreground: .muted)
    }
  }
}
