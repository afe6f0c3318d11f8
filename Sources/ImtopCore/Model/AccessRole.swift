/// One row of `access.csv`: a role of a system, how many accounts hold it, and its last review.
public struct AccessRole: Hashable, Sendable {
  public var system: String
  public var role: String
  public var accounts: Int
  public var privileged: Bool
  /// Nil when never reviewed.
  public var lastReview: LocalDate?
  /// Days between reviews (90 by default for a privileged role, 365 otherwise).
  public var reviewEvery: Int
  public var extra: [ExtraField]
  public var location: SourceLocation

  public static func defaultReviewEvery(privileged: Bool) -> Int { privileged ? 90 : 365 }

  public init(
    system: String, role: String, accounts: Int = 0, privileged: Bool = false, lastReview: LocalDate? = nil,
    reviewEvery: Int? = nil, extra: [ExtraField] = [], location: SourceLocation = SourceLocation(file: "", line: 0)
  ) {
    self.system = system
    self.role = role
    self.accounts = accounts
    self.privileged = privileged
    self.lastReview = lastReview
    self.reviewEvery = reviewEvery ?? AccessRole.defaultReviewEvery(privileged: privileged)
    self.extra = extra
    self.location = location
  }

  /// The date the next review is due; nil when never reviewed (overdue already).
  public var reviewDue: LocalDate? {
    lastReview.map { LocalDate(dayNumber: $0.dayNumber + Int64(reviewEvery)) }
  }

  /// Overdue on `today`: never reviewed, or its review date is before today (due today is not).
  public func isOverdue(today: LocalDate) -> Bool {
    guard let due = reviewDue else { return true }
    return due < today
  }
}
