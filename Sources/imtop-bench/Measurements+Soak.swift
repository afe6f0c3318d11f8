import Foundation
import ImtopTestSupport

/// The reliability soak: the release `imtop` on the demo simulator at a fast rate for a long time,
/// its resident memory sampled from /proc, to show it stays flat (the 24 h idle run of the README's
/// "Performance" section, compressed: at speed 20 and a 250 ms poll, ten minutes see as many
/// changes as hours of the demo).
extension Measurements {
  mutating func soak(seconds: Double, speed: Double, sampleEvery step: Double = 5) throws {
    let directory = try makeDirectory("soak")
    guard let pane = TmuxPane(name: "soak", program: Self.imtopBinary,
                              arguments: ["demo", "--dir", directory, "--speed", String(format: "%g", speed), "--interval", "250ms"], folder: folder),
      let pid = pane.pid
    else { return table.add("soak", measured: "tmux failed", target: "") }
    pane.start()
    var samples: [(time: Double, resident: Int)] = []
    let startCPU = ChildProcess.cpuSeconds(pid) ?? 0
    while ChildProcess.now - pane.startedAt < seconds, pane.isRunning {
      ChildProcess.pause(step)
      if let resident = ChildProcess.resident(pid) { samples.append((ChildProcess.now - pane.startedAt, resident)) }
    }
    let alive = pane.isRunning
    let cpu = ((ChildProcess.cpuSeconds(pid) ?? startCPU) - startCPU) / max(1, ChildProcess.now - pane.startedAt) * 100
    let bytes = pane.bytesSent
    pane.stop()
    guard let first = samples.first, let last = samples.last else {
      return table.add("soak", measured: "no samples", target: "")
    }
    // Flat: after the first quarter (warm-up), the end is within 1 MB of where memory stood then.
    let settled = samples[samples.count / 4]
    let peak = samples.map { $0.resident }.max() ?? 0
    let growth = last.resident - settled.resident
    let perHour = Double(growth) / max(1, last.time - settled.time) * 3600
    table.add(
      String(format: "soak %.0f s, demo --speed %g --interval 250ms", last.time, speed),
      measured: "\(ProcessMemory.format(first.resident)) → \(ProcessMemory.format(last.resident))",
      target: "flat (≤ 1 MB growth after warm-up)",
      reference: String(format: "peak %@; at %.0f s %@; %+.1f MB/h; %@",
                        ProcessMemory.format(peak), settled.time, ProcessMemory.format(settled.resident), perHour / 1_048_576,
                        alive ? "still running" : "EXITED"),
      met: alive && growth <= 1 << 20)
    table.add(
      "soak: CPU and bytes", measured: String(format: "%.2f %% of a core", cpu), target: "",
      reference: String(format: "%.0f B/s to the terminal; %d samples", Double(bytes) / max(1, last.time), samples.count))
    print(samples.map { String(format: "%.0f s %.1f MB", $0.time, Double($0.resident) / 1_048_576) }.joined(separator: ", "))
  }
}
