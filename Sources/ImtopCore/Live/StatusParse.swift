import Foundation

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
  private var count = 0
  private var batches: [CompactStatusBatch] = []

  /// Starts reading up to `target.count` bytes at `offset` of `descriptor` into `target`, then
  /// parsing them as status lines (the first numbered `firstLine`).
  init(reading descriptor: Int32, at offset: Int64, into target: UnsafeMutableRawBufferPointer, file: String, firstLine: Int, zone: Zone) {
    self.descriptor = descriptor
    self.offset = offset
    self.target = target
    self.file = file
    self.firstLine = firstLine
    self.zone = zone
    done.enter()
    DispatchQueue.global().async { [self] in
      run()
      done.leave()
    }
  }

  private func run() {
    count = pread(descriptor, target.baseAddress, target.count, off_t(offset))
    guard count > 0 else { return }
    let bytes = UnsafeRawBufferPointer(rebasing: target[0..<count])
    batches = JSONLineReader.readCompactStatusPieces(bytes, file: file, firstLine: firstLine, zone: zone)
  }

  /// The bytes read (as `pread` returns it: -1 on an error) and their batches in file order, once
  /// the work has finished (waiting on the group also orders the memory).
  func result() -> (count: Int, batches: [CompactStatusBatch]) {
    done.wait()
    return (count, batches)
  }
}
