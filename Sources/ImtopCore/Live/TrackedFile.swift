/// What the poller remembers about one file between polls.
struct TrackedFile: Sendable {
  static let fingerprintLength = 64

  var kind: FileKind
  /// The identity when last read (or when its read failed); nil before the first look.
  var identity: FileIdentity?
  /// Why the last read failed; nil when it succeeded.
  var failure: String?
  /// The line the failure is about, if any.
  var failureLine: Int?
  /// A whole file changed in place: how it looked when the change was first seen, and when. It is
  /// read once it has looked the same for the poller's settle time (see `Poller.pollWholeFile`).
  var settling: (identity: FileIdentity, since: Timestamp)?
  /// Records and bad records read (for an append-only log, since it was last read from the start).
  var records = 0
  var errors = 0

  // Append-only logs only.
  /// The descriptor of the file being followed, kept open between polls (-1 when none), so that a
  /// log renamed or replaced is still read to its end before the new file is started.
  var descriptor: Int32 = -1
  /// Bytes consumed: up to and including the last complete line.
  var offset: Int64 = 0
  /// Physical line number of the line starting at `offset`.
  var nextLine = 1
  /// The last bytes consumed (up to `fingerprintLength`), to notice a log rewritten in place to
  /// the same size or longer, which size and inode alone cannot tell from an append.
  var fingerprint: [UInt8] = []
  /// Set while skipping a line longer than the maximum: where it started and its length so far.
  var overlongLine: (line: Int, bytes: Int)?
  /// The newest sample timestamp read from this file.
  var newestSample: Timestamp?
  /// After a truncation or rotation: samples at or before this were already counted.
  var aggregatesAfter: Timestamp?

  init(kind: FileKind) {
    self.kind = kind
  }

  /// Forgets the read position, to read the file again from its first byte.
  mutating func restartFromBeginning() {
    offset = 0
    nextLine = 1
    overlongLine = nil
    fingerprint = []
    records = 0
    errors = 0
    aggregatesAfter = newestSample
  }
}
