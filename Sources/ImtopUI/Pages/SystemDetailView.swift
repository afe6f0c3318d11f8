import ImtopCore

/// One system in full: identity, health per window, state history, incidents, budget and cost per
/// user, compliance items, dependencies and dependants, and the columns the contract does not define.
/// Sections flow into one to three columns by width and scroll with the arrows.
struct SystemDetailView {
  let context: PageContext
  let system: SystemHealth

  func render(in body: Rect, buffer: inout Buffer) {
    let record = system.record
    let light = context.light(system)
    let title = "\(record.displayName) (\(record.id)) \(context.glyphs.separator) \(light.symbol) \(system.state.rawValue)"
      + (system.impactedVia.map { " \(context.glyphs.separator) impacted via \($0)" } ?? "")
    guard let inner = context.panel(title, [.systems, .status], in: body, buffer: &buffer, focused: true) else { return }
    let sections = self.sections()
    let columnCount = max(1, min(3, (inner.width + 2) / 40))
    let columns = inner.columns(Array(repeating: .fill(1), count: columnCount), spacing: 2)
    // Distribute sections to columns in order, balancing by line count.
    let total = sections.reduce(0) { $0 + $1.count + 1 }
    let target = (total + columnCount - 1) / columnCount
    var flows: [[TextBlock.Line]] = Array(repeating: [], count: columnCount)
    var current = 0
    for section in sections {
      if current < columnCount - 1, !flows[current].isEmpty, flows[current].count + section.count > target { current += 1 }
      flows[current] += section + [.blank]
    }
    // Scroll no further than the longest column needs.
    let longest = flows.map(\.count).max() ?? 0
    let offset = min(context.state.detailScroll, max(0, longest - inner.height))
    for (column, area) in zip(flows, columns) {
      TextBlock(lines: column, offset: offset, glyphs: context.glyphs).render(in: area, buffer: &buffer)
    }
  }

  func sections() -> [[TextBlock.Line]] {
    [health(), months(), dependencies(), incidents(), compliance(), governance(), budget(), identity(), history(), extra()].filter { !$0.isEmpty }
  }

  var dash: String { context.glyphs.dash }

  private func identity() -> [TextBlock.Line] {
    let record = system.record
    var lines: [TextBlock.Line] = [
      .heading("System"),
      .field("Category", record.category.isEmpty ? dash : record.category),
      .field("Kind", record.kind.rawValue),
      .field("Sourcing", record.sourcing?.rawValue ?? dash),
      .field("Vendor", record.vendor.isEmpty ? dash : record.vendor),
      .field("Owner", record.owner.isEmpty ? "missing" : record.owner, role: record.owner.isEmpty ? .warn : .normal),
      .field("Criticality", record.criticality.map(String.init) ?? dash),
      .field("Lifecycle", record.lifecycle?.rawValue ?? dash),
      .field("Users", record.users.map { context.format.count($0) } ?? dash),
      .field("SLA", context.format.availability(record.sla)),
    ]
    let missing = record.missingQualityFields
    if !missing.isEmpty {
      lines.insert(.field("Data quality", "missing: " + missing.map(\.rawValue).joined(separator: ", "), role: .warn, attributes: .bold), at: 1)
    }
    let eos = record.endOfSupport?.description ?? dash
    lines.append(.field("End of support", system.pastEndOfSupport ? "\(context.glyphs.down) \(eos) passed" : eos,
                       role: system.pastEndOfSupport ? .crit : .normal))
    lines.append(.field("Source", record.location.description, role: .muted))
    return lines
  }

  private func health() -> [TextBlock.Line] {
    var lines: [TextBlock.Line] = [.heading("Health")]
    let light = context.light(system)
    lines.append(.field("State", light.text(width: 99), role: light.role, attributes: .bold))
    if let via = system.impactedVia { lines.append(.field("Impacted", "via \(via) (down)", role: .warn, attributes: .bold)) }
    lines.append(.field("Last sample", system.lastSample.map { context.format.dateTime($0) } ?? "never", role: .muted))
    if let last = system.lastSample {
      let age = context.elapsed(since: last) + " ago"
      lines.append(system.silent ? .field("Last seen", age + " \(context.glyphs.separator) silent", role: .stale, attributes: .bold)
                                 : .field("Last seen", age, role: .muted))
    }
    // The message of the state that holds now, none once it has ended (not the latest sample's).
    if let message = system.currentMessage, !message.isEmpty { lines.append(.field("Message", message)) }
    for window in Window.allCases {
      let availability = system.availability[window]
      let role: Role = availability == nil ? .unknown : (system.record.sla.map { (availability ?? 0) < $0 } ?? false ? .crit : .ok)
      let value = SafeText.pad(context.format.availability(availability), to: 8) + " cov " + context.format.coverage(system.coverage[window])
      lines.append(.field("Availability \(window.rawValue)", value, role: role))
    }
    lines.append(.field("Outages 30d", context.format.count(system.outages30d), role: system.outages30d > 0 ? .warn : .normal))
    lines.append(.field("MTBF 30d", context.format.hours(system.mtbfHours30d)))
    lines.append(.field("Latency", context.format.milliseconds(system.latencyMs)))
    let spark = Sparkline.text(system.latencySeries, width: 20, variant: context.sparkVariant(.braille))
    lines.append(TextBlock.Line([TextBlock.Span(SafeText.pad("Latency trend", to: 17) + " ", role: .muted), TextBlock.Span(spark, role: .sparkline)]))
    return lines
  }

  private func incidents() -> [TextBlock.Line] {
    let open = context.snapshot.incidents.openList.filter { $0.system == system.id }
    var lines: [TextBlock.Line] = [.heading("Open incidents (\(open.count))")]
    if open.isEmpty { lines.append(TextBlock.Line([TextBlock.Span("\(context.glyphs.up) none", role: .ok)])) }
    for incident in open.prefix(10) {
      let role: Role = incident.priority <= .p2 ? .crit : .warn
      lines.append(TextBlock.Line([
        TextBlock.Span(incident.priority.rawValue + " ", role: role, attributes: .bold),
        TextBlock.Span(incident.id + " ", role: .muted), TextBlock.Span(incident.summary),
      ], trailing: [TextBlock.Span(context.age(since: incident.opened), role: .muted)]))
    }
    return lines + Self.more(open.count - 10)
  }

  /// `+N more` after a list capped at ten entries, nothing when none was left out.
  static func more(_ hidden: Int) -> [TextBlock.Line] {
    hidden > 0 ? [TextBlock.Line([TextBlock.Span(MoreMarker.text(hidden: hidden), role: .muted)])] : []
  }

  private func budget() -> [TextBlock.Line] {
    let format = context.format
    let figures = context.snapshot.budget.bySystem[system.id] ?? BudgetFigures()
    return [
      .heading("Budget \(context.fiscalYearLabel)"),
      .field("Annual plan", format.money(figures.annualPlanned)),
      .field("Plan YTD", format.money(figures.plannedYTD)),
      .field("Actual YTD", format.money(figures.actualYTD), attributes: .bold),
      .field("TCO YTD", format.money(system.tcoYTD), attributes: .bold),
      .field("Cost per user", system.costPerUserYTD.map(format.exactMoney) ?? dash),
    ]
  }

  private func compliance() -> [TextBlock.Line] {
    let items = context.snapshot.compliance.openItems.filter { $0.system == system.id }
    var lines: [TextBlock.Line] = [.heading("Compliance items (\(items.count))")]
    if items.isEmpty { lines.append(TextBlock.Line([TextBlock.Span("\(context.glyphs.up) none open", role: .ok)])) }
    let zone = context.format.zone
    for item in items.prefix(10) {
      let overdue = context.snapshot.asOf >= item.due.overdueFrom(in: zone)
      lines.append(TextBlock.Line([
        TextBlock.Span(item.severity.rawValue + " ", role: item.severity >= .high ? .crit : .warn),
        TextBlock.Span(item.kind.rawValue + " ", role: .normal), TextBlock.Span(item.id, role: .muted),
      ], trailing: [TextBlock.Span((overdue ? "overdue " : "due ") + item.due.localDate(in: zone).description, role: overdue ? .crit : .muted)]))
    }
    return lines + Self.more(items.count - 10)
  }

  private func dependencies() -> [TextBlock.Line] {
    let byID = Dictionary(context.snapshot.systems.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    var lines: [TextBlock.Line] = [.heading("Depends on (\(system.record.dependsOn.count))")]
    func line(_ id: String) -> TextBlock.Line {
      guard let other = byID[id] else {
        return TextBlock.Line([TextBlock.Span("\(context.glyphs.unknown) \(id)", role: .unknown)], trailing: [TextBlock.Span("not in systems.csv", role: .muted)])
      }
      let light = context.light(other)
      return TextBlock.Line([TextBlock.Span(light.symbol + " ", role: light.role), TextBlock.Span(other.record.displayName)],
                            trailing: [TextBlock.Span(other.state.rawValue, role: light.role)])
    }
    lines += system.record.dependsOn.map(line)
    if system.record.dependsOn.isEmpty { lines.append(TextBlock.Line([TextBlock.Span("nothing", role: .muted)])) }
    if let cycle = system.dependencyCycle, !cycle.isEmpty {
      lines.append(.field("Cycle", cycle.joined(separator: " \(context.glyphs.arrowRight) "), role: .error))
    }
    lines.append(.heading("Dependants (\(system.dependants.count))"))
    lines += system.dependants.map(line)
    if system.dependants.isEmpty { lines.append(TextBlock.Line([TextBlock.Span("none", role: .muted)])) }
    if !context.state.kiosk { lines.append(TextBlock.Line([TextBlock.Span("d: the whole tree, both ways", role: .muted)])) }
    return lines
  }

  private func extra() -> [TextBlock.Line] {
    guard !system.record.extra.isEmpty else { return [] }
    return [.heading("Other columns")] + system.record.extra.map { .field($0.name, $0.value) }
  }
}
