import Dispatch
import FoundationEssentials
import Glibc

/// A read and parse of one chunk of a status log into compact batches, running on other threads so
/// the calling thread can meanwhile feed the store the chunk before (see `Poller.readAppended`).
///
/// The buffer must stay alive and untouched by others until `result()` has returned, and while the
/// batches are used; only the thread that started the parse calls `result()`, which waits for it.
final class StatusParse: @unchecked Sendable {
  private let done = DispatchGroup()
  private let descriptor: Int32
  private let offset: Int64
  private let target: UnsafeMutableRawBufferPointer
  private let file: String
  private let firstLine: Int
  private let zone: Zone
  private let heldAfter: Timestamp?
  private let parts: Int
  private var count = 0
  private var batches: [CompactStatusBatch] = []
  /// What each piece's `pread` returned; each worker writes only its own entry.
  private let readCounts: UnsafeMutableBufferPointer<Int>

  /// Starts reading up to `target.count` bytes at `offset` of `descriptor` into `target`, then
  /// parsing them as status lines (the first numbered `firstLine`).
  init(
    reading descriptor: Int32, at offset: Int64, into target: UnsafeMutableRawBufferPointer, file: String, firstLine: Int,
    zone: Zone, parts: Int = JSONLineReader.defaultParts, heldAfter: Timestamp? = nil
  ) {
    self.heldAfter = heldAfter
    self.parts = parts
    self.descriptor = descriptor
    self.offset = offset
    self.target = target
    self.file = file
    self.firstLine = firstLine
    self.zone = zone
    readCounts = .allocate(capacity: max(1, ProcessInfo.processInfo.activeProcessorCount))
    readCounts.initialize(repeating: 0)
    done.enter()
    DispatchQueue.global().async { [self] in
      run()
      done.leave()
    }
  }

  /// Reads the chunk in one piece per core, each copied by the kernel on its own thread, then
  /// parses it in `parts` parts.
  private func run() {
    let pieces = max(1, min(readCounts.count, target.count / JSONLineReader.minimumBytesPerPart))
    let pieceSize = (target.count + pieces - 1) / pieces
    DispatchQueue.concurrentPerform(iterations: pieces) { piece in
      let start = piece * pieceSize
      let wanted = max(0, min(target.count, start + pieceSize) - start)
      readCounts[piece] = wanted == 0 ? 0 : pread(descriptor, target.baseAddress.map { $0 + start }, wanted, off_t(offset) + off_t(start))
    }
    count = 0
    for piece in 0..<pieces {
      let read = readCounts[piece]
      if read < 0 {
        if piece == 0 { count = -1 }
        break
      }
      count += read
      // A short read (the end of the file) ends what was read in one piece.
      if read < pieceSize { break }
    }
    guard count > 0 else { return }
    let bytes = UnsafeRawBufferPointer(rebasing: target[0..<count])
    batches = JSONLineReader.readCompactStatusPieces(
      bytes, file: file, firstLine: firstLine, zone: zone, parts: parts, heldAfter: heldAfter)
  }

  /// The parts to parse the next chunk of a log in, after `batches` of the one before: more parts
  /// than cores (`JSONLineReader.defaultParts`) keep every core busy to the end, but each part's
  /// batch names every system it saw, and the store maps each batch's systems to its own. For a
  /// chunk that names many systems (`namesManySystems`), one part per core: at 50,000 systems eight
  /// parts held 16 MB more at the load's peak and were slower.
  static func parts(after batches: [CompactStatusBatch]) -> Int {
    namesManySystems(batches) ? max(1, ProcessInfo.processInfo.activeProcessorCount) : JSONLineReader.defaultParts
  }

  /// Whether `batches` name more than one system per ten samples: a log of a large portfolio, whose
  /// store is large too, so that the memory a read holds counts for more than its speed.
  static func namesManySystems(_ batches: [CompactStatusBatch]) -> Bool {
    let names = batches.reduce(0) { $0 + $1.systems.count }
    let samples = batches.reduce(0) { $0 + $1.samples.count }
    return names * 10 > samples
  }

  deinit {
    readCounts.deallocate()
  }

  /// The bytes read (as `pread` returns it: -1 on an error) and their batches in file order, once
  /// the work has finished (waiting on the group also orders the memory).
  func result() -> (count: Int, batches: [CompactStatusBatch]) {
    done.wait()
    return (count, batches)
  }
}
