/// The scheduler's exports page: every file of every format made from the plan in force today.
public struct ExportsView: Sendable, Equatable {
    public struct Format: Sendable, Equatable {
        /// The format's name in the files' addresses (`html`, `csv`, …).
        public let format: String
        /// `Spreadsheets (CSV)`.
        public let label: String
        /// The first files by path.
        public let files: [String]
        /// `… and 12 more` when the page leaves some out.
        public let more: String?
    }

    public let title = "Exports"
    /// `From the plan in force on 2026-11-24 (plan 1, week of 2026-11-23).`
    public let source: String
    public let formats: [Format]

    /// The files listed per format at most.
    public static let filesShown = 400

    /// `formats`: each format's name, label and files, in the order the page lists them.
    public init(today: SchoolDate, inForce: PlanInForce, formats: [(format: String, label: String, files: [String])]) {
        source = "From the plan in force on \(today) (plan \(inForce.id), \(inForce.plan.header.kind.rawValue) of \(inForce.weekOf))."
        self.formats = formats.map { format, label, files in
            let sorted = files.sorted()
            return Format(format: format, label: label, files: Array(sorted.prefix(Self.filesShown)), more: sorted.count > Self.filesShown ? "… and \(sorted.count - Self.filesShown) more" : nil)
        }
    }
}
