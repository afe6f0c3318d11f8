/// One row of `training.csv`: how many people of an audience must complete a course, and have.
public struct TrainingRow: Hashable, Sendable {
  /// Trimmed; courses group by this exact name.
  public var course: String
  public var audience: String
  public var required: Int
  public var completed: Int
  public var due: Deadline
  public var system: String?
  public var extra: [ExtraField]
  public var location: SourceLocation

  public init(
    course: String, audience: String = "", required: Int, completed: Int, due: Deadline, system: String? = nil,
    extra: [ExtraField] = [], location: SourceLocation = SourceLocation(file: "", line: 0)
  ) {
    self.course = course
    self.audience = audience
    self.required = required
    self.completed = completed
    self.due = due
    self.system = system
    self.extra = extra
    self.location = location
  }

  /// People who still have to complete it.
  public var outstanding: Int { max(0, required - completed) }

  /// Overdue at `now`: its due date has passed and not everyone has completed (never with
  /// `required` 0).
  public func isOverdue(at now: Timestamp, zone: Zone) -> Bool {
    completed < required && now >= due.overdueFrom(in: zone)
  }
}
