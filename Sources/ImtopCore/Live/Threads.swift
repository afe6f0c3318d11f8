#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// Locks, a condition and a thread over pthreads, written by hand because the full Foundation's
// NSLock, NSCondition and Thread pull ICU's 37 MB of data into a static binary, and Synchronization's
// Mutex has no condition to wait on.

/// A mutual-exclusion lock: NSLock's interface without Foundation.
public final class Lock: @unchecked Sendable {
  fileprivate let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)

  public init() { pthread_mutex_init(mutex, nil) }

  deinit {
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  public func lock() { pthread_mutex_lock(mutex) }
  public func unlock() { pthread_mutex_unlock(mutex) }

  public func withLock<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }
}

/// A lock with a condition to wait on, timed against the monotonic clock (a wall-clock step
/// neither shortens nor stretches a wait).
public final class Condition: @unchecked Sendable {
  private let guarding = Lock()
  private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  public init() {
    var attributes = pthread_condattr_t()
    pthread_condattr_init(&attributes)
    pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
    pthread_cond_init(condition, &attributes)
    pthread_condattr_destroy(&attributes)
  }

  deinit {
    pthread_cond_destroy(condition)
    condition.deallocate()
  }

  public func lock() { guarding.lock() }
  public func unlock() { guarding.unlock() }
  public func signal() { pthread_cond_signal(condition) }
  public func broadcast() { pthread_cond_broadcast(condition) }

  /// A deadline `seconds` from now on the monotonic clock, for `wait(until:)`.
  public static func deadline(after seconds: Double) -> timespec {
    var now = timespec()
    clock_gettime(CLOCK_MONOTONIC, &now)
    let whole = Int(seconds.rounded(.down))
    let nanoseconds = Int(now.tv_nsec) + Int((seconds - Double(whole)) * 1e9)
    return timespec(tv_sec: now.tv_sec + whole + nanoseconds / 1_000_000_000, tv_nsec: nanoseconds % 1_000_000_000)
  }

  /// Waits, with the lock held, until signalled or `deadline` passes: false when it passed.
  /// Like any condition wait it may return early; callers check their predicate in a loop.
  public func wait(until deadline: timespec) -> Bool {
    var deadline = deadline
    return pthread_cond_timedwait(condition, guarding.mutex, &deadline) == 0
  }
}

/// Starts `body` on a thread of its own, detached, named `name` (for `top -H` and crash reports;
/// at most 15 bytes are kept) with a stack of `stackSize` bytes. False if the system refused.
@discardableResult
public func startThread(name: String, stackSize: Int = 1 << 20, _ body: @escaping @Sendable () -> Void) -> Bool {
  final class Work {
    let name: String
    let body: @Sendable () -> Void
    init(name: String, body: @escaping @Sendable () -> Void) {
      self.name = name
      self.body = body
    }
  }
  var attributes = pthread_attr_t()
  pthread_attr_init(&attributes)
  defer { pthread_attr_destroy(&attributes) }
  pthread_attr_setstacksize(&attributes, stackSize)
  pthread_attr_setdetachstate(&attributes, Int32(PTHREAD_CREATE_DETACHED))
  let context = Unmanaged.passRetained(Work(name: name, body: body)).toOpaque()
  var thread = pthread_t()
  let status = pthread_create(
    &thread, &attributes,
    { context in
      let work = Unmanaged<Work>.fromOpaque(context!).takeRetainedValue()
      nameThisThread(String(decoding: work.name.utf8.prefix(15), as: UTF8.self))
      work.body()
      return nil
    }, context)
  if status != 0 { Unmanaged<Work>.fromOpaque(context).release() }
  return status == 0
}

/// Names the calling thread. Glibc's module map leaves `pthread_setname_np` (a GNU extension) out,
/// so it is looked up by name; where it is missing the thread stays unnamed.
private func nameThisThread(_ name: String) {
  typealias SetName = @convention(c) (pthread_t, UnsafePointer<CChar>) -> Int32
  guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "pthread_setname_np") else { return }
  _ = unsafeBitCast(symbol, to: SetName.self)(pthread_self(), name)
}

/// Processor time spent, as opposed to time passed: what a piece of work cost.
public enum ProcessorTime {
  /// The processor time the calling thread has used since it started (zero if the system cannot tell).
  public static func ofThisThread() -> Span {
    var used = timespec()
    guard clock_gettime(CLOCK_THREAD_CPUTIME_ID, &used) == 0 else { return .zero }
    return Span(milliseconds: Int64(used.tv_sec) * 1000 + Int64(used.tv_nsec) / 1_000_000)
  }
}
