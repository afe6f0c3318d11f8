/// The demo's governance files: mandatory training, roles and their reviews, the records retention
/// schedule, and each system's data class. Some courses are behind, an administrator role was never
/// reviewed, a finance series is past its 10-year retention under legal hold and another is not.
extension DemoGenerator {
  /// Each system's `data_class` and whether it holds personal data (ids not listed: unknown, no).
  static let dataClasses: [String: (dataClass: String, personal: Bool)] = [
    "erp": ("confidential", false), "hr": ("restricted", true), "payroll-bridge": ("restricted", true),
    "crm": ("confidential", true), "crm-analytics": ("confidential", true), "edrms": ("restricted", true),
    "file-shares": ("internal", true), "finance-consol": ("confidential", false), "expenses": ("confidential", true),
    "esb": ("internal", false), "data-platform": ("confidential", true), "bi": ("confidential", false),
    "db-cluster": ("restricted", true), "storage": ("internal", false), "backup": ("restricted", true),
    "wan": ("internal", false), "lan-core": ("internal", false), "wifi": ("internal", false), "vpn": ("internal", false),
    "firewall": ("confidential", false), "sso": ("restricted", true), "siem": ("confidential", false),
    "email": ("confidential", true), "intranet": ("internal", false), "service-desk": ("internal", true),
    "portal": ("confidential", true), "laptops": ("internal", false), "thin-clients": ("internal", false),
    "counter-terminals": ("confidential", true), "mdm": ("internal", true), "print": ("internal", false),
    "iot-gateway": ("public", false), "env-sensors": ("public", false),
  ]

  /// Today's date (UTC) moved by `days`.
  private func day(_ days: Int) -> LocalDate {
    let today = CivilTime(utc: now)
    return LocalDate(dayNumber: CivilTime.days(fromCivil: today.year, today.month, today.day) + Int64(days))
  }

  /// The date `years` before today, moved by `days` more.
  private func yearsAgo(_ years: Int, plus days: Int) -> LocalDate {
    let back = RetentionPeriod(amount: -years, unit: .years).added(to: day(0))
    return LocalDate(dayNumber: back.dayNumber + Int64(days))
  }

  private static func csv(_ header: String, _ rows: [[String]]) -> String {
    rows.reduce(header + "\n") { text, row in text + row.map(DemoGenerator.csvField).joined(separator: ",") + "\n" }
  }

  func trainingCSV() -> String {
    // (course, audience, required, completed, due in days (negative: past), system)
    let rows: [(String, String, Int, Int, Int, String)] = [
      ("Security awareness", "All staff", 1210, 1098, -45, ""),
      ("Security awareness", "IT staff", 64, 64, -45, ""),
      ("Data protection (GDPR)", "HR & Payroll users", 140, 121, -10, "hr"),
      ("Data protection (GDPR)", "Customer Service Team", 85, 85, -10, "crm"),
      ("Payment card handling", "Counter staff", 60, 48, -3, "counter-terminals"),
      ("Records handling refresher", "Records officers", 40, 40, -90, "edrms"),
      ("Privileged access hygiene", "System administrators", 38, 29, 14, ""),
      ("Phishing reporting procedure", "Service Desk", 24, 11, 30, "service-desk"),
      ("New procurement workflow", "ERP users", 180, 62, 45, "erp"),
    ]
    return Self.csv(
      "course,audience,required,completed,due,system",
      rows.map { [$0.0, $0.1, String($0.2), String($0.3), day($0.4).description, $0.5] })
  }

  func accessCSV() -> String {
    // (system, role, accounts, privileged, last review days ago (nil: never), review_every)
    let rows: [(String, String, Int, Bool, Int?, String)] = [
      ("erp", "SAP_ALL administrator", 4, true, nil, ""),
      ("erp", "Purchasing approver", 62, false, 200, ""),
      ("erp", "Finance user", 310, false, 400, ""),
      ("hr", "Payroll administrator", 6, true, 70, ""),
      ("hr", "HR self-service", 1210, false, 120, ""),
      ("crm", "System administrator", 3, true, 95, ""),
      ("crm", "Sales user", 420, false, 150, ""),
      ("edrms", "Records administrator", 5, true, 30, ""),
      ("edrms", "Records user", 640, false, 380, ""),
      ("sso", "Global administrator", 7, true, 31, ""),
      ("sso", "Helpdesk operator", 18, true, 60, "60d"),
      ("db-cluster", "DBA superuser", 5, true, 85, ""),
      ("firewall", "Firewall administrator", 4, true, 40, ""),
      ("finance-consol", "Consolidation administrator", 2, true, 20, ""),
      ("portal", "Content editor", 15, false, 100, ""),
      ("service-desk", "Agent", 64, false, 300, ""),
      ("backup", "Backup operator", 6, true, 110, ""),
      ("data-platform", "Data engineer", 12, true, nil, ""),
    ]
    return Self.csv(
      "system,role,accounts,privileged,last_review,review_every",
      rows.map { [$0.0, $0.1, String($0.2), $0.3 ? "yes" : "no", $0.4.map { day(-$0).description } ?? "", $0.5] })
  }

  func retentionCSV() -> String {
    // (series, system, retention, oldest record, records, legal hold, owner)
    let rows: [(String, String, String, LocalDate, String, Bool, String)] = [
      ("Accounts payable ledgers", "erp", "10y", yearsAgo(10, plus: -120), "48200", true, "Finance Systems Team"),
      ("General ledger journals", "finance-consol", "10y", yearsAgo(10, plus: -45), "12850", false, "Finance Systems Team"),
      ("Payroll records", "hr", "7y", yearsAgo(6, plus: 0), "96000", false, "HR Systems Team"),
      ("Personnel files of leavers", "hr", "6y", yearsAgo(6, plus: -20), "310", false, "HR Systems Team"),
      ("Customer correspondence", "crm", "3y", yearsAgo(2, plus: -100), "220000", false, "Sales Operations"),
      ("Mailboxes of leavers", "email", "2y", yearsAgo(2, plus: -200), "5400", false, "Workplace Team"),
      ("Legacy departmental shares", "file-shares", "7y", yearsAgo(7, plus: -400), "91000", false, "Infrastructure Team"),
      ("Planning applications", "edrms", "15y", yearsAgo(12, plus: 0), "", false, "Records & Information Team"),
      ("Building access logs", "", "90d", day(-85), "", false, "Facilities Team"),
    ]
    return Self.csv(
      "series,system,retention,oldest,records,legal_hold,owner",
      rows.map { [$0.0, $0.1, $0.2, $0.3.description, $0.4, $0.5 ? "yes" : "no", $0.6] })
  }
}
