import Dispatch
import FoundationEssentials

/// A batch read from one piece of a log: what `JSONLineReader.readPieces` needs to put pieces read
/// concurrently back in file order.
protocol LinePiece: Sendable {
  /// Bytes consumed, up to and including the last newline; relative to the piece until placed.
  var consumedBytes: Int { get set }
  /// Complete lines consumed, blank ones included.
  var consumedLines: Int { get set }
  /// Adds `shift` to every line number the batch holds (a piece after the first is numbered from 0).
  mutating func renumber(by shift: Int)
}

extension JSONLineReader {
  /// Below this many bytes a split costs more than it saves.
  static let minimumBytesPerPart = 128 << 10

  /// Four parts per core, at most 32: more parts than cores lets a core that finishes early take
  /// another part, so one preempted worker (the machine is shared) does not hold up the whole read.
  public static var defaultParts: Int { max(1, min(32, 4 * ProcessInfo.processInfo.activeProcessorCount)) }

  /// Status lines read into compact batches, split at newlines into up to `parts` pieces read
  /// concurrently; the batches come back in file order for the store to take one after the other.
  static func readCompactStatusPieces(
    _ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone, parts: Int = defaultParts,
    heldAfter: Timestamp? = nil
  ) -> [CompactStatusBatch] {
    readPieces(bytes, firstLine: firstLine, parts: parts) { piece, first in
      readCompactStatus(piece, file: file, firstLine: first, zone: zone, heldAfter: heldAfter)
    }
  }

  /// How many good samples and bad lines `bytes` holds, read as the poller reads a log: for
  /// measuring the status line reader alone (`parts` 1 is one core).
  public static func countStatusLines(_ bytes: UnsafeRawBufferPointer, zone: Zone, parts: Int = defaultParts) -> (samples: Int, issues: Int) {
    let batches = readCompactStatusPieces(bytes, file: "status.jsonl", firstLine: 1, zone: zone, parts: parts)
    return batches.reduce((0, 0)) { ($0.0 + $1.samples.count, $0.1 + $1.issues.count) }
  }

  /// Like `readMetrics`, split across `parts` concurrent readers and merged in file order.
  public static func readMetricsInParallel(
    _ bytes: UnsafeRawBufferPointer, file: String, firstLine: Int, zone: Zone, parts: Int = defaultParts
  ) -> LineBatch<MetricSample> {
    let pieces = readPieces(bytes, firstLine: firstLine, parts: parts) { piece, first in
      readMetrics(piece, file: file, firstLine: first, zone: zone)
    }
    guard pieces.count > 1 else { return pieces.first ?? LineBatch() }
    var merged = LineBatch<MetricSample>(consumedBytes: pieces.consumedBytes, consumedLines: pieces.consumedLines)
    merged.records.reserveCapacity(pieces.reduce(0) { $0 + $1.records.count })
    for batch in pieces {
      merged.records.append(contentsOf: batch.records)
      merged.issues.append(contentsOf: batch.issues)
      merged.systemLines.merge(batch.systemLines) { first, _ in first }
    }
    return merged
  }

  /// Reads `bytes` split at newlines into up to `parts` pieces concurrently and returns the pieces'
  /// batches in file order: line numbers counted from `firstLine` across pieces, and each batch's
  /// `consumedBytes` counted from the start of `bytes`, so a caller can use them one after the other.
  static func readPieces<Batch: LinePiece>(
    _ bytes: UnsafeRawBufferPointer, firstLine: Int, parts requested: Int,
    read: @escaping @Sendable (UnsafeRawBufferPointer, Int) -> Batch
  ) -> [Batch] {
    let parts = min(max(1, requested), max(1, bytes.count / minimumBytesPerPart))
    guard parts > 1 else { return [read(bytes, firstLine)] }
    let bounds = splitPoints(bytes, parts: parts)
    let results = PartResults<Batch>(count: bounds.count - 1)
    let shared = SharedBytes(bytes)
    DispatchQueue.concurrentPerform(iterations: bounds.count - 1) { part in
      let piece = UnsafeRawBufferPointer(rebasing: shared.bytes[bounds[part]..<bounds[part + 1]])
      // Only the first part can start the file (and so hold a byte-order mark).
      results.store(read(piece, part == 0 ? firstLine : 0), at: part)
    }
    var batches: [Batch] = []
    var lines = 0
    for (part, slot) in results.batches.enumerated() {
      guard var batch = slot else { continue }
      if part > 0 { batch.renumber(by: firstLine + lines) }
      lines += batch.consumedLines
      batch.consumedBytes += bounds[part]
      batches.append(batch)
    }
    return batches
  }

  /// Byte offsets `0 = b0 < b1 < ... < bn = count` where each inner bound follows a newline.
  static func splitPoints(_ bytes: UnsafeRawBufferPointer, parts: Int) -> [Int] {
    var bounds = [0]
    for part in 1..<parts {
      var cut = max(bytes.count * part / parts, bounds[bounds.count - 1])
      while cut < bytes.count, bytes[cut] != 0x0A { cut += 1 }
      if cut < bytes.count { cut += 1 }
      if cut > bounds[bounds.count - 1] && cut < bytes.count { bounds.append(cut) }
    }
    bounds.append(bytes.count)
    return bounds
  }
}

extension Array where Element: LinePiece {
  /// Bytes consumed by the whole read: up to the end of the last piece's last complete line.
  var consumedBytes: Int { last?.consumedBytes ?? 0 }
  /// Complete lines consumed by the whole read.
  var consumedLines: Int { reduce(0) { $0 + $1.consumedLines } }
}

/// The input of a parallel read, shared read-only by its workers (which finish before it is freed).
private struct SharedBytes: @unchecked Sendable {
  let bytes: UnsafeRawBufferPointer
  init(_ bytes: UnsafeRawBufferPointer) { self.bytes = bytes }
}

/// One slot per part; each worker writes only its own slot, under a lock.
private final class PartResults<Batch>: @unchecked Sendable {
  private let lock = Lock()
  private(set) var batches: [Batch?]

  init(count: Int) { batches = Array(repeating: nil, count: count) }

  func store(_ batch: Batch, at index: Int) {
    lock.withLock { batches[index] = batch }
  }
}
