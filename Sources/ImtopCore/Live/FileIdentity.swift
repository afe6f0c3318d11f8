import FoundationEssentials
import Glibc

/// What tells one version of a file from another without reading it: device and inode (a rotated
/// log is a new inode at the same path), size and modification time.
public struct FileIdentity: Hashable, Sendable {
  public var device: UInt64
  public var inode: UInt64
  public var size: Int64
  /// Modification time in nanoseconds since the epoch.
  public var modifiedNanoseconds: Int64
  /// Status-change time in nanoseconds: moves on a permission change, so a file made readable
  /// again is retried even though its contents and modification time did not change.
  public var changedNanoseconds: Int64
  public var isRegularFile: Bool

  public var modified: Timestamp { Timestamp(milliseconds: modifiedNanoseconds / 1_000_000) }

  /// Whether `other` is the same file (possibly grown or truncated), not a replacement.
  public func isSameFile(as other: FileIdentity) -> Bool {
    device == other.device && inode == other.inode
  }

  /// Looks at `path` (following symbolic links); nil when nothing is there.
  public static func of(path: String) -> FileIdentity? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return FileIdentity(info)
  }

  /// The identity of an open descriptor (what was actually opened, even if the path moved since).
  static func of(descriptor: Int32) -> FileIdentity? {
    var info = stat()
    guard fstat(descriptor, &info) == 0 else { return nil }
    return FileIdentity(info)
  }

  private init(_ info: stat) {
    device = UInt64(info.st_dev)
    inode = UInt64(info.st_ino)
    size = Int64(info.st_size)
    modifiedNanoseconds = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
    changedNanoseconds = Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec)
    isRegularFile = (info.st_mode & S_IFMT) == S_IFREG
  }

  public init(device: UInt64, inode: UInt64, size: Int64, modifiedNanoseconds: Int64, changedNanoseconds: Int64 = 0, isRegularFile: Bool = true) {
    self.changedNanoseconds = changedNanoseconds
    self.device = device
    self.inode = inode
    self.size = size
    self.modifiedNanoseconds = modifiedNanoseconds
    self.isRegularFile = isRegularFile
  }
}
