import Dispatch
import Foundation
import PacerCore

/// The executable owns the terminal: progress on stderr, results on stdout.
enum Terminal {
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text + "\n").utf8))
    }

    /// Rewrites one status line on stderr.
    static func status(_ text: String) {
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + text).utf8))
    }

    static func endStatus() { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
}

/// An error found once the arguments are read (a missing database, a plan of another school):
/// printed as `Error: …` with exit status 1, without a usage line, since the arguments were fine.
/// `ValidationError` stays for `validate()`, where the subcommand's usage helps.
struct CommandFailure: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Turns Ctrl-C and SIGTERM into a stop request, so the best plan so far is still written.
/// A second signal ends the process at once.
final class InterruptHandler: @unchecked Sendable {
    let token = StopToken()
    private var sources: [DispatchSourceSignal] = []
    private static let queue = DispatchQueue(label: "pacer.interrupt")

    init() {
        for signalNumber in [SIGINT, SIGTERM] {
            signal(signalNumber, SIG_IGN)
            // A queue of its own: compare's plans hold the global queue's threads (one per core)
            // for their whole search, and a handler queued there ran only after one plan finished.
            let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: Self.queue)
            source.setEventHandler { [token] in
                if token.isStopped { exit(130) }
                token.stop()
                Terminal.error("\nstopping: writing the best plan found so far (press Ctrl-C again to quit at once)")
            }
            source.resume()
            sources.append(source)
        }
    }
}

extension Terminal {
    /// The planner's progress as one line on a terminal (objective, bound and gap as they move),
    /// or nil when stderr is not a terminal.
    static func planProgress() -> (@Sendable (PlanProgress) -> Void)? {
        guard stderrIsTerminal else { return nil }
        return { p in
            var line = "\(p.phase)  " + String(format: "%.1fs", p.elapsed)
            if let i = p.incumbent { line += "  objective " + String(format: "%.1f", i) }
            if let b = p.bound { line += "  bound " + String(format: "%.1f", b) }
            if let g = p.gap { line += "  gap " + String(format: "%.2f%%", g * 100) }
            status(line)
        }
    }
}
