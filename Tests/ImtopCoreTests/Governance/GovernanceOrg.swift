import Foundation
import ImtopTestSupport

@testable import ImtopCore

/// A small organisation whose governance figures are worked out by hand in `GovernanceFigureTests`,
/// evaluated on 2026-12-01 at noon UTC (`today` is 1 December; "yesterday" 30 November).
enum GovernanceOrg {
  static let now = utc(2026, 12, 1, 12, 0)

  static let systemsCSV = """
    id,name,category,owner,criticality,lifecycle,sla,end_of_support,data_class,personal_data
    erp,ERP,ERP,Finance,1,active,99.9,2027-06-30,Confidential,no
    hr,HR & Payroll,HR,People,1,active,99.5,2026-11-30,internal,yes
    web,Website,CRM,Digital,2,active,99,,public,
    rec,Records,Records,Archive,2,active,99,2028-01-01,RESTRICTED,0
    lan,Campus LAN,Network,Infrastructure,1,active,99.9,2026-12-01,,TRUE
    dms,Documents,Records,Archive,3,active,99,2030-01-01,confidential,no

    """

  static let complianceCSV = """
    id,kind,system,owner,severity,opened,due,closed,title
    C1,audit-finding,rec,Archive,high,2026-10-01,2026-11-30,,Disposal log missing
    C2,audit-finding,erp,Finance,critical,2026-10-01,2026-12-01,,Segregation of duties
    C3,policy-exception,web,Digital,critical,2026-10-01,2026-11-01,,Old TLS
    C4,audit-finding,lan,Infrastructure,medium,2026-10-01,2026-11-30,,Firmware

    """

  static let trainingCSV = """
    course,audience,required,completed,due,system
    Security awareness,Finance,20,18,2026-11-30,erp
    Security awareness,People,10,10,2026-11-01,hr
    Security awareness ,Digital,5,1,2026-12-01,
    GDPR basics,People,8,3,2026-10-15,hr
    GDPR basics,Contractors,0,0,2026-01-01,
    Records handling,Archive,0,0,2026-06-01,rec
    Incident drill,Ops,4,2,2026-11-30T18:00:00Z,ghost

    """

  static let accessCSV = """
    system,role,accounts,privileged,last_review,review_every
    erp,admin,3,yes,,
    erp,user,100,no,2026-01-01,
    rec,admin,2,true,2026-09-02,
    rec,clerk,0,no,2025-12-01,
    lan,netops,5,1,2026-08-02,90d
    web,viewer,0,No,,
    ghost,ops,4,,2026-11-01,30
    hr,payroll,10,FALSE,2025-11-30,

    """

  static let retentionCSV = """
    series,system,retention,oldest,records,legal_hold,owner
    Finance ledgers,erp,10y,2016-02-29,1200,yes,Finance
    Payroll records,hr,7Y,2019-02-28,500,no,People
    Leap day series,rec,1y,2024-02-29,,no,Archive
    Contracts,erp,18m,2025-06-01,40,,Legal
    Visitor logs,web,90D,2026-09-01,300,no,Facilities

    """

  /// The organisation as files in `directory` (`without` leaves those out).
  static func write(to directory: TemporaryDirectory, without: Set<String> = [], systems: String = systemsCSV) throws {
    var files = [
      "systems.csv": systems, "compliance.csv": complianceCSV, "training.csv": trainingCSV,
      "access.csv": accessCSV, "retention.csv": retentionCSV,
    ]
    for name in without { files[name] = nil }
    try directory.write(files)
  }

  static func snapshot(without: Set<String> = [], systems: String = systemsCSV, config: String? = nil) throws -> Snapshot {
    let directory = try TemporaryDirectory(prefix: "imtop-governance")
    defer { directory.remove() }
    try write(to: directory, without: without, systems: systems)
    if let config { try directory.write(["imtop.toml": config]) }
    let reading = DirectoryReading(directory: directory.path, at: now)
    return MetricEngine(trendPoints: 0).snapshot(of: reading.input, at: reading.now)
  }
}
