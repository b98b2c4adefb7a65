/// Where each student has been in each subject, derived from the one stored truth of their
/// progress: where they started the subject (`StateStore.Start`: the current objective
/// students.csv gave when the state first met them) and the standing mastery checks, applied in
/// date order, then in the order they were recorded. Nothing of it is stored, so a check recorded,
/// withdrawn or corrected changes it at once.
///
/// A mastered check on the student's current objective moves them to the next objective of the
/// progression whose prerequisites are all mastered, passing over objectives a standing check up
/// to that one showed mastered ahead of time; any other check is evidence and moves nobody.
struct ProgressHistory {
    /// One objective a student has been on: started, and mastered unless it is the current one.
    struct Entry: Equatable {
        let objective: ObjectiveID
        let startedOn: SchoolDate
        var masteredOn: SchoolDate?
    }

    /// A move along a progression, made by a mastered check.
    struct Advance: Equatable {
        let check: Int64
        let date: SchoolDate
        let from: ObjectiveID
        /// nil when the progression is complete.
        let to: ObjectiveID?
        let explanation: String
    }

    /// One student in one subject.
    struct Track: Equatable {
        /// In the order they began: the objectives mastered before the start first.
        var entries: [Entry] = []
        var advances: [Advance] = []

        /// The objective without a mastery date, if any.
        var current: ObjectiveID? { entries.first { $0.masteredOn == nil }?.objective }

        /// The student's place: the current objective, or the end of the progression (dated by the
        /// last mastery); nil without a start.
        var standing: (objective: ObjectiveID?, startedOn: SchoolDate)? {
            var result: (objective: ObjectiveID?, startedOn: SchoolDate)?
            for entry in entries.enumerated().sorted(by: { ($0.element.startedOn, $0.offset) < ($1.element.startedOn, $1.offset) }).map(\.element) {
                if entry.masteredOn == nil {
                    result = (entry.objective, entry.startedOn)
                } else if result?.objective == nil {
                    // Finished so far; a later entry without a mastery date replaces this.
                    result = (nil, entry.masteredOn ?? entry.startedOn)
                }
            }
            return result
        }
    }

    /// What applying one check did: whether the student moved on, and the line that tells it (made
    /// only when read: a history applies every standing check each time it is derived).
    struct Applied: Equatable {
        enum Outcome: Equatable {
            /// A not-yet on the current objective.
            case stays
            /// A not-yet on another objective.
            case notYetEvidence(current: ObjectiveID?)
            case alreadyMastered
            case shownAhead(current: ObjectiveID)
            case noCurrent(SubjectID)
            /// Moved on (to nil: the progression is complete), with what the check did.
            case advanced(to: ObjectiveID?, explanation: String, subject: SubjectID)
        }

        let check: StateStore.StandingCheck
        let outcome: Outcome

        var advanced: Bool { if case .advanced = outcome { true } else { false } }

        var line: String {
            let who = "\(check.student) \(check.date) [check \(check.id)]"
            switch outcome {
            case .stays: return "\(who): \(check.objective) not yet mastered; stays on it"
            case let .notYetEvidence(current): return "\(who): not-yet on \(check.objective) recorded as evidence (current: \(current?.rawValue ?? "none"))"
            case .alreadyMastered: return "\(who): \(check.objective) was already mastered; recorded as evidence"
            case let .shownAhead(current):
                return "\(who): mastery of \(check.objective) shown ahead of the progression (current: \(current)); kept as evidence, skipped when the student gets there"
            case let .noCurrent(subject): return "\(who): \(check.objective) recorded; the student has no current objective in \(subject)"
            case let .advanced(to, explanation, subject):
                return to.map { "\(who): \(explanation); now on \($0)" } ?? "\(who): \(explanation); \(subject) progression complete"
            }
        }
    }

    private(set) var tracks: [StudentSubject: Track] = [:]
    /// Per student, the objectives whose mastery the checks applied so far show.
    private var shown: [StudentID: Set<ObjectiveID>] = [:]
    private let subjectOf: [ObjectiveID: Subject]

    /// The history of `starts` before any check: each student on their starting objective, the
    /// objectives before it in the progression mastered on the start's date.
    init(scenario: Scenario, starts: [StateStore.Start]) {
        var subjectOf: [ObjectiveID: Subject] = [:]
        for subject in scenario.subjects { for objective in subject.objectives { subjectOf[objective.id] = subject } }
        self.subjectOf = subjectOf
        let subjects = Dictionary(scenario.subjects.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for start in starts {
            let earlier = subjects[start.subject]?.objectives.prefix { $0.id != start.objective } ?? []
            tracks[StudentSubject(start.student, start.subject)] = Track(
                entries: earlier.map { Entry(objective: $0.id, startedOn: start.on, masteredOn: start.on) }
                    + [Entry(objective: start.objective, startedOn: start.on, masteredOn: nil)])
        }
    }

    /// The history of `starts` with `checks` (standing ones, in date then id order) applied.
    init(scenario: Scenario, starts: [StateStore.Start], checks: [StateStore.StandingCheck]) {
        self.init(scenario: scenario, starts: starts)
        for check in checks { apply(check) }
    }

    func subject(of objective: ObjectiveID) -> Subject? { subjectOf[objective] }

    func track(_ student: StudentID, _ subject: SubjectID) -> Track? { tracks[StudentSubject(student, subject)] }

    /// Every student's place in each subject they have a start in, by student then subject.
    var standings: [StateStore.Standing] {
        tracks.keys.sorted().compactMap { key in
            tracks[key]?.standing.map { StateStore.Standing(student: key.student, subject: key.subject, objective: $0.objective, startedOn: $0.startedOn) }
        }
    }

    /// When `student` started `objective`, if they have been on it.
    func startedOn(_ objective: ObjectiveID, by student: StudentID) -> SchoolDate? {
        subjectOf[objective].flatMap { track(student, $0.id)?.entries.first { $0.objective == objective }?.startedOn }
    }

    /// The first date of any entry: when the records begin.
    var firstDate: SchoolDate? { tracks.values.flatMap { $0.entries.map(\.startedOn) }.min() }

    /// Applies the next standing check (none of the student's subject may come after it in date
    /// then id order); nil when its objective is in no subject of the scenario.
    @discardableResult
    mutating func apply(_ check: StateStore.StandingCheck) -> Applied? {
        guard let subject = subjectOf[check.objective] else { return nil }
        let key = StudentSubject(check.student, subject.id)
        var track = tracks[key] ?? Track()
        defer { tracks[key] = track }
        if check.result == .mastered { shown[check.student, default: []].insert(check.objective) }
        let current = track.current
        guard check.result == .mastered else {
            return Applied(check: check, outcome: current == check.objective ? .stays : .notYetEvidence(current: current))
        }
        var mastered = Set(track.entries.filter { $0.masteredOn != nil }.map(\.objective))
        guard current == check.objective, let at = track.entries.firstIndex(where: { $0.objective == check.objective }) else {
            if mastered.contains(check.objective) { return Applied(check: check, outcome: .alreadyMastered) }
            if let current { return Applied(check: check, outcome: .shownAhead(current: current)) }
            return Applied(check: check, outcome: .noCurrent(subject.id))
        }
        track.entries[at].masteredOn = check.date
        mastered.insert(check.objective)
        let shownAhead = shown[check.student] ?? []
        var explanation = "mastered \(check.objective)"
        while true {
            guard let next = Progression.next(in: subject, mastered: mastered) else {
                track.advances.append(Advance(check: check.id, date: check.date, from: check.objective, to: nil, explanation: explanation + "; progression complete"))
                return Applied(check: check, outcome: .advanced(to: nil, explanation: explanation, subject: subject.id))
            }
            // An objective begun again starts over (it cannot be: the next is never mastered).
            track.entries.removeAll { $0.objective == next }
            if shownAhead.contains(next) {
                // Mastery was shown ahead of time: pass over it, keeping the record.
                track.entries.append(Entry(objective: next, startedOn: check.date, masteredOn: check.date))
                mastered.insert(next)
                explanation += ", skipped \(next) (mastery shown earlier)"
                continue
            }
            track.entries.append(Entry(objective: next, startedOn: check.date, masteredOn: nil))
            track.advances.append(Advance(check: check.id, date: check.date, from: check.objective, to: next, explanation: explanation + "; now on \(next)"))
            return Applied(check: check, outcome: .advanced(to: next, explanation: explanation, subject: subject.id))
        }
    }
}
