import ArgumentParser

/// The one check that a single-valued option is given once: ArgumentParser keeps the last of
/// `--on A --on B` without a word, so a command lists its single-valued options and its
/// `validate()` calls this. Reads the command line as typed (`arguments`: by default the
/// process's), up to `--`, after which everything is an argument; `--on=A` counts as `--on`.
enum RepeatedOptions {
    static func refuse(_ names: [String], in arguments: [String] = Array(CommandLine.arguments.dropFirst())) throws {
        var seen: Set<Substring> = []
        for argument in arguments {
            if argument == "--" { break }
            guard argument.hasPrefix("--"), let name = argument.split(separator: "=", maxSplits: 1).first, names.contains(String(name)) else { continue }
            guard seen.insert(name).inserted else { throw ValidationError("\(name) given twice: give it once") }
        }
    }
}
