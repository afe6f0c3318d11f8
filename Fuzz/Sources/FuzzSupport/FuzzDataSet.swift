import ImtopCore

/// A small data set with every kind of file, so that every figure an expression can name has
/// something to compute from (and some that cannot be computed, for unknown). Shared by the KPI
/// harness and the render harness (which draws its snapshot with figures replaced).
public enum FuzzDataSet {
  /// 2026-05-04T12:00:00Z, a few hours after the last sample.
  public static let now = Timestamp(seconds: 1_777_896_000)

  public static let engine = MetricEngine(trendPoints: 3)

  /// The store's view of the data: whole files set as the poller sets them, logs added line by line.
  public static func input(configuration: Configuration) -> EngineInput {
    var store = Store.oneShot(configuration: configuration)
    for (kind, text) in files {
      let bytes = Array(text.utf8)
      switch kind {
      case .status:
        let batch = bytes.withUnsafeBytes { JSONLineReader.readStatus($0, file: kind.fileName, firstLine: 1, zone: .utc) }
        store.add(batch.records, from: kind.fileName)
      case .metrics:
        let batch = bytes.withUnsafeBytes { JSONLineReader.readMetrics($0, file: kind.fileName, firstLine: 1, zone: .utc) }
        store.add(batch.records, from: kind.fileName, systemLines: batch.systemLines)
      default:
        store.setContents(DataFileReader.read(kind: kind, bytes: bytes, path: kind.fileName, context: ReadContext()))
      }
    }
    return store.engineInput()
  }

  static let files: [(FileKind, String)] = {
    let files: [(FileKind, String)] = [
      (.systems, """
        id,name,criticality,lifecycle,sla,end_of_support,depends_on
        erp,ERP suite,1,active,99.9%,2030-12-31,db
        db,Database,1,active,99.5,2020-01-31,
        """),
      (.budget, """
        period,system,category,type,planned,actual
        2026-04,erp,license,opex,1000,1100
        2026-05,,staff,capex,500,
        """),
      (.incidents, """
        id,system,priority,opened,acknowledged,resolved
        INC-1,erp,P1,2026-05-02T08:00:00Z,2026-05-02T08:05:00Z,2026-05-02T10:30:00Z
        INC-2,db,P3,2026-05-03T09:00:00Z,,
        """),
      (.compliance, """
        id,kind,system,severity,opened,due,closed
        AF-1,audit-finding,erp,high,2026-01-15,2026-03-30,
        """),
      (.status, """
        {"ts":"2026-05-04T08:00:00Z","system":"erp","state":"up","latency_ms":120}
        {"ts":"2026-05-04T09:00:00Z","system":"db","state":"down"}
        """),
      (.metrics, """
        {"ts":"2026-05-04T08:00:00Z","metric":"tickets_open","value":37,"system":"erp"}
        {"ts":"2026-05-04T09:00:00Z","metric":"tickets_open","value":12}
        """),
    ]
    return files
  }()
}
