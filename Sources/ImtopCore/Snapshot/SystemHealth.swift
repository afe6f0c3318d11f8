/// One system's figures: its inventory record plus health, incidents and cost at `asOf`.
public struct SystemHealth: Sendable, Hashable {
  public var record: SystemRecord {
    @inlinable _read { yield reference.record }
    set { reference = RecordReference(newValue) }
  }
  /// `record` as kept: its place in the inventory the snapshot was computed from (`RecordReference`).
  @usableFromInline private(set) var reference: RecordReference
  public var state: ServiceState
  /// When the latest sample at or before `asOf` was taken (nil: never reported).
  public var lastSample: Timestamp?
  /// Sampled before, but the latest sample is older than `stale_after` (the README's metric
  /// definitions): its monitor stopped reporting. A system never sampled is not silent.
  public var silent = false
  public var lastMessage: String?
  public var availability: Windowed<Double?>
  public var coverage: Windowed<Double>
  public var outages30d: Int
  public var mtbfHours30d: Double?
  public var latencyMs: Double?
  /// Recent latency for sparklines, oldest first, one value per bucket (nil: no sample in it).
  public var latencySeries: [Double?] {
    get { latencyBits.map { $0 == Self.noLatency ? nil : Double(Float(bitPattern: $0)) } }
    set {
      latencyBits = newValue.map { value in
        guard let value else { return Self.noLatency }
        let limit = Double(Float.greatestFiniteMagnitude)
        return Float(value.isNaN ? 0 : Swift.min(Swift.max(value, -limit), limit)).bitPattern
      }
    }
  }
  /// `latencySeries` as kept: single precision (plenty for a sparkline) as bit patterns, so that
  /// equality stays exact, a quarter of the memory of optional doubles: 29 MB fewer at 50,000 systems.
  private var latencyBits: [UInt32] = []
  /// The bit pattern of a bucket without samples (a NaN no conversion above produces).
  private static let noLatency = UInt32.max
  /// States and outages over the last 30 days, newest first (from the store's state runs).
  public var history = StateHistory()
  /// Service figures per calendar month of the fiscal year up to `asOf`, in month order (empty
  /// months included).
  public var monthly: [ServiceMonth] {
    get { packedMonths.months }
    set { packedMonths = PackedMonths(newValue) }
  }
  /// `monthly` as kept: the month once, not per entry (`PackedMonths`).
  private var packedMonths = PackedMonths()

  /// Takes `earlier`'s storage for each of the latency series, state history and monthly figures
  /// equal to this system's own (comparing stops at the first difference), so that snapshots in a
  /// row share it (`PortfolioMemo`).
  mutating func share(sameSeriesAs earlier: SystemHealth) {
    if latencyBits == earlier.latencyBits { latencyBits = earlier.latencyBits }
    if history == earlier.history { history = earlier.history }
    if packedMonths == earlier.packedMonths { packedMonths = earlier.packedMonths }
  }

  /// Whether the latency series and the state history hold the very storage of `other`'s (what
  /// `share(sameSeriesAs:)` does), for the tests.
  func sharesSeriesStorage(with other: SystemHealth) -> (latency: Bool, history: Bool) {
    func same<Element>(_ one: [Element], _ two: [Element]) -> Bool {
      one.withUnsafeBufferPointer { first in two.withUnsafeBufferPointer { first.baseAddress == $0.baseAddress } }
    }
    return (same(latencyBits, other.latencyBits), same(history.entries, other.history.entries))
  }
  public var openIncidents: Int
  public var tcoYTD: Money
  public var costPerUserYTD: Money?
  public var belowSLA: Bool
  public var pastEndOfSupport: Bool
  /// Up (or degraded) but depending, directly or through others, on a system that is down:
  /// the id of the nearest down dependency.
  public var impactedVia: String?
  /// Ids of systems this one's dependencies reach in a cycle, if any (reported, not followed).
  public var dependencyCycle: [String]?
  /// Ids of the systems that depend directly on this one.
  public var dependants: [String]

  public init(
    record: SystemRecord, state: ServiceState = .unknown, lastSample: Timestamp? = nil, lastMessage: String? = nil,
    availability: Windowed<Double?> = Windowed(day: nil, week: nil, month: nil),
    coverage: Windowed<Double> = Windowed(day: 0, week: 0, month: 0), outages30d: Int = 0,
    mtbfHours30d: Double? = nil, latencyMs: Double? = nil, latencySeries: [Double?] = [], openIncidents: Int = 0,
    tcoYTD: Money = .zero, costPerUserYTD: Money? = nil, belowSLA: Bool = false, pastEndOfSupport: Bool = false,
    impactedVia: String? = nil, dependencyCycle: [String]? = nil, dependants: [String] = []
  ) {
    self.init(reference: RecordReference(record))
    self.state = state
    self.lastSample = lastSample
    self.lastMessage = lastMessage
    self.availability = availability
    self.coverage = coverage
    self.outages30d = outages30d
    self.mtbfHours30d = mtbfHours30d
    self.latencyMs = latencyMs
    self.openIncidents = openIncidents
    self.tcoYTD = tcoYTD
    self.costPerUserYTD = costPerUserYTD
    self.belowSLA = belowSLA
    self.pastEndOfSupport = pastEndOfSupport
    self.impactedVia = impactedVia
    self.dependencyCycle = dependencyCycle
    self.dependants = dependants
    self.latencySeries = latencySeries
  }

  /// A system with no figures yet (the public `init`'s defaults), its record where `reference` says.
  init(reference: RecordReference) {
    self.reference = reference
    state = .unknown
    availability = Windowed(day: nil, week: nil, month: nil)
    coverage = Windowed(day: 0, week: 0, month: 0)
    outages30d = 0
    openIncidents = 0
    tcoYTD = .zero
    belowSLA = false
    pastEndOfSupport = false
    dependants = []
  }

  @inlinable public var id: String { record.id }

  /// The message of the state that holds now: the newest history entry while it has not ended
  /// carries the first message its samples gave. None once that state has ended (the system went
  /// silent, or a later state came without a message), so a message never outlives its state.
  public var currentMessage: String? {
    guard let current = history.entries.first, current.end == nil else { return nil }
    return current.message
  }
}
