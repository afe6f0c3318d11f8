import CNCursesW

/// The process's heap, as a dashboard that runs for weeks wants it.
public enum ProcessHeap {
  /// Has every thread allocate from one arena (`imtop_use_one_heap_arena`), so memory the poller's
  /// and the parse's threads free is used again by any thread rather than kept for its own. To be
  /// called first, before any thread starts.
  public static func useOneArena() { imtop_use_one_heap_arena() }

  /// Gives the heap's free memory back to the system (`imtop_release_free_memory`): after a large
  /// read or new figures, what they freed would otherwise stay resident.
  public static func releaseFreeMemory() { imtop_release_free_memory() }
}
