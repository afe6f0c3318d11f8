/// The demo's incidents and compliance obligations.
extension DemoGenerator {
  func incidentsCSV(outages troubles: [Trouble], random: inout SeededGenerator) -> String {
    var rows: [(opened: Timestamp, fields: [String])] = []
    // Each outage and each long degradation in the history raised a ticket.
    for trouble in troubles {
      let isOutage = trouble.state == .down
      let critical = trouble.system.criticality == "1"
      let priority = isOutage ? (critical ? "P1" : "P2") : (critical ? "P2" : "P3")
      let opened = trouble.start + Span.minutes(Int64(2 + random.unit() * 8))
      let acknowledged = opened + Span.minutes(Int64(3 + random.unit() * (priority == "P1" ? 10 : 40)))
      var resolved = ""
      if let end = trouble.end {
        let resolvedAt = max(end, acknowledged) + Span.minutes(Int64(5 + random.unit() * 30))
        resolved = resolvedAt <= now ? resolvedAt.iso8601 : ""
      }
      let summary = isOutage ? "\(trouble.system.name) unavailable" : "\(trouble.system.name) degraded"
      rows.append((opened, [priority, trouble.system.id, opened.iso8601, acknowledged <= now ? acknowledged.iso8601 : "", resolved, summary]))
    }
    // Service requests and minor faults raised by users.
    let minor = [
      ("print", "Floor 3 printer queue stuck"), ("laptops", "Docking stations drop external displays"),
      ("wifi", "Weak signal in meeting rooms"), ("intranet", "Search returns outdated pages"),
      ("crm", "Duplicate contact records after import"), ("expenses", "Mileage rates not updated"),
      ("edrms", "Retention labels missing on migrated folders"), ("bi", "Monthly finance report slow to load"),
      ("counter-terminals", "Card reader firmware prompts at start-up"), ("vpn", "Client disconnects after sleep"),
      ("mdm", "New phones not enrolling"), ("portal", "Password reset e-mails delayed"),
      ("env-sensors", "Room 2.14 humidity sensor offline"), ("erp", "Purchase order approval e-mails delayed"),
    ]
    for (index, item) in minor.enumerated() {
      let opened = now - Span.hours(Int64(6 + random.unit() * 24 * 40))
      let acknowledged = opened + Span.minutes(Int64(15 + random.unit() * 240))
      let stillOpen = index % 4 == 0
      let resolvedAt = acknowledged + Span.hours(Int64(2 + random.unit() * 70))
      let resolved = stillOpen || resolvedAt > now ? "" : resolvedAt.iso8601
      let priority = index % 3 == 0 ? "P3" : "P4"
      rows.append((opened, [priority, item.0, opened.iso8601, acknowledged <= now ? acknowledged.iso8601 : "", resolved, item.1]))
    }
    rows.sort { $0.opened < $1.opened }
    var text = "id,priority,system,opened,acknowledged,resolved,summary\n"
    for (index, row) in rows.enumerated() {
      let id = "INC\(String(100_000 + index * 7 + 3))"
      text += ([id] + row.fields).map(DemoGenerator.csvField).joined(separator: ",") + "\n"
    }
    return text
  }

  func complianceCSV() -> String {
    let today = CivilTime(utc: now)
    let todayNumber = CivilTime.days(fromCivil: today.year, today.month, today.day)
    func date(_ offset: Int) -> String { LocalDate(dayNumber: todayNumber + Int64(offset)).description }
    // (kind, system, owner, severity, opened days ago, due in days (negative: past), closed days ago or nil, title)
    let items: [(String, String, String, String, Int, Int, Int?, String)] = [
      ("audit-finding", "erp", "ERP Team", "high", 120, -34, nil, "Segregation of duties conflicts in purchasing roles"),
      ("audit-finding", "edrms", "Records & Information Team", "critical", 95, -12, nil, "Records system past end of support"),
      ("audit-finding", "firewall", "Security Operations", "medium", 150, -60, 70, "Firewall rule review not documented"),
      ("audit-finding", "backup", "Infrastructure Team", "high", 80, 20, nil, "Restore tests not performed quarterly"),
      ("access-review", "erp", "ERP Team", "high", 40, -5, nil, "Quarterly privileged access review"),
      ("access-review", "hr", "HR Systems Team", "high", 40, 10, nil, "Quarterly payroll access review"),
      ("access-review", "crm", "Sales Operations", "medium", 130, -100, 98, "Leavers' accounts review"),
      ("access-review", "sso", "Identity Team", "critical", 60, -30, 31, "Administrator role review"),
      ("access-review", "finance-consol", "Finance Systems Team", "medium", 25, 35, nil, "Year-end access recertification"),
      ("training", "", "Workplace Team", "medium", 200, -45, nil, "Annual security awareness: 112 staff not completed"),
      ("training", "", "Records & Information Team", "low", 180, -90, 95, "Records handling refresher"),
      ("training", "", "Service Desk", "low", 60, 30, nil, "Phishing reporting procedure"),
      ("retention", "file-shares", "Infrastructure Team", "high", 300, -200, nil, "Dispose of legacy shares past retention"),
      ("retention", "email", "Workplace Team", "medium", 90, -20, 25, "Apply 7-year retention to finance mailboxes"),
      ("retention", "edrms", "Records & Information Team", "medium", 50, 40, nil, "Retention schedule update for HR records"),
      ("policy-exception", "thin-clients", "End-User Computing", "high", 200, -28, nil, "Unsupported OS on thin clients until replacement"),
      ("policy-exception", "lan-core", "Network Team", "critical", 310, -2, nil, "Core switches past end of support"),
      ("policy-exception", "portal", "Digital Services Team", "medium", 70, 60, nil, "Temporary TLS 1.1 for legacy partner"),
      ("policy-exception", "counter-terminals", "Customer Service Team", "low", 160, -40, 45, "Shared PIN on counter terminals"),
      ("audit-finding", "data-platform", "Data & Analytics Team", "medium", 45, 15, nil, "Personal data in test environment"),
      ("access-review", "bi", "Data & Analytics Team", "low", 100, -70, 72, "Report sharing permissions review"),
      ("training", "erp", "ERP Team", "low", 30, 45, nil, "New procurement workflow training"),
    ]
    var text = "id,kind,system,owner,severity,opened,due,closed,title\n"
    for (index, item) in items.enumerated() {
      let closed = item.6.map { date(-$0) } ?? ""
      let fields = [
        "CMP-\(DemoGenerator.twoDigits(index + 1))", item.0, item.1, item.2, item.3, date(-item.4), date(item.5), closed, item.7,
      ]
      text += fields.map(DemoGenerator.csvField).joined(separator: ",") + "\n"
    }
    return text
  }
}
