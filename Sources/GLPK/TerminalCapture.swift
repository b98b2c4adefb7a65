import CGLPK

/// Routes GLPK's terminal output for the duration of one call: to a log handler, or nowhere.
///
/// GLPK prints to stdout by default; a library must not. GLPK's terminal hook is per thread, which is
/// also the rule for problem objects, so installing it around a call on the calling thread is safe.
final class TerminalCapture {
    private let log: (@Sendable (String) -> Void)?
    private var pending = ""

    private init(log: (@Sendable (String) -> Void)?) { self.log = log }

    static func run<T>(log: (@Sendable (String) -> Void)?, _ body: () throws -> T) rethrows -> T {
        let capture = TerminalCapture(log: log)
        let info = Unmanaged.passUnretained(capture).toOpaque()
        glp_term_hook(terminalHook, info)
        defer {
            glp_term_hook(nil, nil)
            capture.flush()
        }
        return try withExtendedLifetime(capture) { try body() }
    }

    fileprivate func receive(_ text: String) {
        guard log != nil else { return }
        pending += text
        while let newline = pending.firstIndex(of: "\n") {
            log?(String(pending[..<newline]))
            pending = String(pending[pending.index(after: newline)...])
        }
    }

    private func flush() {
        if !pending.isEmpty { log?(pending) }
        pending = ""
    }
}

/// GLPK's terminal hook: hands the text to the capture and returns non-zero so GLPK prints nothing itself.
private func terminalHook(_ info: UnsafeMutableRawPointer?, _ text: UnsafePointer<CChar>?) -> Int32 {
    guard let info, let text else { return 1 }
    Unmanaged<TerminalCapture>.fromOpaque(info).takeUnretainedValue().receive(String(cString: text))
    return 1
}

extension MessageLevel {
    var glpk: Int32 {
        switch self {
        case .off: return GLP_MSG_OFF
        case .errors: return GLP_MSG_ERR
        case .normal: return GLP_MSG_ON
        case .all: return GLP_MSG_ALL
        }
    }
}
