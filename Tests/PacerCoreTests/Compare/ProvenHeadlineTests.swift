import Foundation
import Testing
@testable import PacerCore

/// The headline's proven figures in school terms, the term the gap is mostly in, the clock, and
/// compare's per-subject breakdown and differences within what the bounds leave open. Plans are the
/// golden tiny-school plan with its header set by hand (the planner does not prove these figures yet).
@Suite struct ProvenHeadlineTests {
    let scenario: Scenario
    let goldenPlan: WeekPlan

    init() throws {
        scenario = try ScenarioLoader.load(scenariosFolder + "/tiny-school")
        goldenPlan = try PlanFile.read(golden + "/plan.json")
    }

    /// The golden plan wanting `wanted` workshops and giving `served`, with `proven` figures.
    func plan(wanted: Int = 60, served: Int = 56, proven: ProvenFigures?, end: SearchEnd? = nil) -> WeekPlan {
        var plan = goldenPlan
        plan.header.workshopsWanted = wanted
        plan.header.workshopsServed = served
        plan.header.proven = proven
        plan.header.search = end.map { SearchSpending(workLimit: 6e10, planWork: 5e10, boundWork: 1e10, end: $0) }
        return plan
    }

    @Test func workshopsGivenSayTheProvenMostFirstAndTheWantedBeside() {
        #expect(PlanHeadline(plan: plan(proven: nil), scenario: scenario).workshopsGiven == "56 of 60 wanted workshops given (4 not given)")
        #expect(PlanHeadline(plan: plan(proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: nil)), scenario: scenario).workshopsGiven
                == "56 of at most 58 possible workshops given (60 wanted, 4 not given)")
        #expect(PlanHeadline(plan: plan(proven: ProvenFigures(workshopsAtMost: 56, sessionsAtLeast: nil)), scenario: scenario).workshopsGiven
                == "56 workshops given, the most possible (60 wanted, 4 not given)")
        #expect(PlanHeadline(plan: plan(wanted: 1_752, served: 1_736, proven: ProvenFigures(workshopsAtMost: 1_740, sessionsAtLeast: nil)), scenario: scenario)
                .workshopsGiven == "1,736 of at most 1,740 possible workshops given (1,752 wanted, 16 not given)")
        // Every wanted workshop given: the proven most adds nothing.
        #expect(PlanHeadline(plan: plan(wanted: 58, served: 58, proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: nil)), scenario: scenario)
                .workshopsGiven == "58 of 58 wanted workshops given")
    }

    @Test func sessionsSayTheProvenFewest() {
        let sessions = goldenPlan.sessions.count
        #expect(PlanHeadline(plan: plan(proven: nil), scenario: scenario).sessionsOpened == "\(sessions) sessions")
        #expect(PlanHeadline(plan: plan(proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: nil)), scenario: scenario).sessionsProven == nil)
        let fewer = PlanHeadline(plan: plan(proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: sessions - 2)), scenario: scenario)
        #expect(fewer.sessionsOpened == "\(sessions) sessions (at least \(sessions - 2) could give these workshops)")
        #expect(fewer.sentence.contains("; \(sessions) sessions (at least \(sessions - 2) could give these workshops); "))
        let fewest = PlanHeadline(plan: plan(proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: sessions)), scenario: scenario)
        #expect(fewest.sessionsOpened == "\(sessions) sessions, the fewest that could give these workshops")
    }

    /// Only a search the clock ended says its result may differ from run to run.
    @Test(arguments: [SearchEnd.metBound, .finished, .work, .clock, .interrupted])
    func onlyTheClockSaysTheResultMayDiffer(end: SearchEnd) {
        let headline = PlanHeadline(plan: plan(proven: nil, end: end), scenario: scenario)
        let said = "stopped by the clock: the result may differ from run to run"
        #expect(headline.sentence.hasSuffix("; " + said) == (end == .clock))
        #expect(headline.verdict.contains(said) == (end == .clock))
        #expect(PlanSummary(plan(proven: nil, end: end), scenario: scenario, seconds: 1).text.contains(said) == (end == .clock))
    }

    /// A cost: sessions 420 (21 × 20), empty seats 68, then what the test adds.
    func cost(unmet: Double = 0, teacherChanges: Double = 0) -> PlanCost {
        PlanCost(unmetWorkshops: unmet, sessions: 420, emptySeats: 68, teacherChanges: teacherChanges, keepApart: 0,
                 planChanges: nil, noPlace: 0, studyChanges: 0, total: 488 + unmet + teacherChanges)
    }

    @Test func theGapIsInATermOnlyWhenTheOthersCannotHoldHalfOfIt() {
        let policy = Policy()
        // Gap 88 (bound 400); nothing proven: sessions (420) and empty seats (68) could each hold it.
        var gap = CostGap(cost: cost(), lowerBound: 400, workshopsWanted: 58, sessions: 21, proven: nil, policy: policy)
        #expect(gap.points == 88 && gap.open == 88 && gap.mostly == nil)
        // At least 19 sessions for these workshops: sessions can hold 40 of the 88, empty seats 68 (over half).
        gap = CostGap(cost: cost(), lowerBound: 400, workshopsWanted: 58, sessions: 21,
                      proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: 19), policy: policy)
        #expect(gap.rooms.map(\.term) == [.sessions, .emptySeats] && gap.rooms.map(\.points) == [40, 68])
        #expect(gap.mostly == .emptySeats)
        // With 21 proven fewest, sessions hold nothing: everything open is in empty seats.
        gap = CostGap(cost: cost(), lowerBound: 400, workshopsWanted: 58, sessions: 21,
                      proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: 21), policy: policy)
        #expect(gap.rooms.map(\.term) == [.emptySeats] && gap.open == 68 && gap.mostly == .emptySeats)
        // Teacher changes of 200 against sessions 40 and empty seats 68 (108 < half of the 288 gap).
        gap = CostGap(cost: cost(teacherChanges: 200), lowerBound: 400, workshopsWanted: 58, sessions: 21,
                      proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: 19), policy: policy)
        #expect(gap.points == 288 && gap.open == 288 && gap.mostly == .teacherChanges)
        // Requests not met (300), which the bound leaves out, hold their whole term.
        var asked = cost()
        asked.unmetRequests = 300
        asked.total += 300
        gap = CostGap(cost: asked, lowerBound: 400, workshopsWanted: 58, sessions: 21,
                      proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: 21), policy: policy)
        #expect(gap.rooms.map(\.term) == [.emptySeats, .unmetRequests] && gap.open == 368 && gap.mostly == .unmetRequests)
        // 400 unmet (4 workshops): with at most 56 possible, all 4 must stay unmet and the room is 0;
        // with at most 60 possible, the 400 could all go, and the gap is mostly there.
        gap = CostGap(cost: cost(unmet: 400), lowerBound: 488, workshopsWanted: 60, sessions: 21,
                      proven: ProvenFigures(workshopsAtMost: 56, sessionsAtLeast: 21), policy: policy)
        #expect(gap.rooms.map(\.term) == [.emptySeats] && gap.open == 68)
        gap = CostGap(cost: cost(unmet: 400), lowerBound: 488, workshopsWanted: 60, sessions: 21,
                      proven: ProvenFigures(workshopsAtMost: 60, sessionsAtLeast: 21), policy: policy)
        #expect(gap.mostly == .unmetWorkshops)
        // A priority factor under 1 lowers the price proven for each workshop no plan can give.
        var cheap = policy
        cheap.priorityFactor = 0.5
        gap = CostGap(cost: cost(unmet: 400), lowerBound: 488, workshopsWanted: 60, sessions: 21,
                      proven: ProvenFigures(workshopsAtMost: 56, sessionsAtLeast: 21), policy: cheap)
        #expect(gap.rooms.first { $0.term == .unmetWorkshops }?.points == 200)
    }

    @Test func theHeadlineNamesTheTermBesideTheGap() {
        var p = plan(wanted: 58, served: 58, proven: ProvenFigures(workshopsAtMost: 58, sessionsAtLeast: 19))
        p.cost = cost(teacherChanges: 200)
        p.header.status = .feasible
        p.header.lowerBound = 400
        p.header.gap = 288 / 688
        let headline = PlanHeadline(plan: p, scenario: scenario)
        #expect(headline.verdict == "plan within 42 % of the best possible; the gap is mostly in teacher changes")
        #expect(headline.sentence.hasSuffix("; plan within 42 % of the best possible; the gap is mostly in teacher changes"))
        #expect(PlanSummary(p, scenario: scenario, seconds: 1).text.contains(": plan within 42 % of the best possible; the gap is mostly in teacher changes ("))
        // A plan proven best has no gap to place.
        p.header.status = .optimal
        #expect(PlanHeadline(plan: p, scenario: scenario).gapTerm == nil)
        // No bound: nothing to place either.
        p.header.status = .feasible
        p.header.lowerBound = nil
        p.header.gap = nil
        #expect(PlanHeadline(plan: p, scenario: scenario).gapTerm == nil)
    }

    /// The brief's example: the base gives 1,736 of at most 1,745, the variant 1,738 of at most
    /// 1,744: the 2 is within the 9 the base's bound leaves open.
    @Test func aDifferenceIsProvenOnlyWhenTheBetterPlanBeatsTheOthersBest() {
        let base = (value: 1_736.0, best: Optional(1_745.0))
        #expect(ProvenDifference.of(base: base, other: (1_738, 1_744), higherIsBetter: true) == .withinBounds)
        #expect(ProvenDifference.of(base: base, other: (1_745, 1_750), higherIsBetter: true) == .withinBounds)
        #expect(ProvenDifference.of(base: base, other: (1_746, 1_750), higherIsBetter: true) == .proven)
        // Worse: proven only when the variant's own bound falls short of the base's plan.
        #expect(ProvenDifference.of(base: base, other: (1_730, 1_735), higherIsBetter: true) == .proven)
        #expect(ProvenDifference.of(base: base, other: (1_730, 1_736), higherIsBetter: true) == .withinBounds)
        #expect(ProvenDifference.of(base: base, other: (1_736, 1_740), higherIsBetter: true) == nil)
        // The base's best not known (the clock stopped its search first): nothing proves the 2.
        #expect(ProvenDifference.of(base: (1_736, nil), other: (1_738, 1_744), higherIsBetter: true) == .withinBounds)
        #expect(ProvenDifference.of(base: (1_736, nil), other: (1_736, nil), higherIsBetter: true) == nil)
        // Cost, lower is better: the base costs 6,288 with a bound of 3,996.
        let cost = (value: 6_288.0, best: Optional(3_996.0))
        #expect(ProvenDifference.of(base: cost, other: (6_000, 4_000), higherIsBetter: false) == .withinBounds)
        #expect(ProvenDifference.of(base: cost, other: (3_900, 3_800), higherIsBetter: false) == .proven)
        #expect(ProvenDifference.of(base: cost, other: (6_500, 6_300), higherIsBetter: false) == .proven)
    }

    /// compare marks an unproven difference in the table, the CSV and the page, and says why.
    @Test func compareMarksDifferencesWithinTheBounds() throws {
        let base = plan(wanted: 1_752, served: 1_736, proven: ProvenFigures(workshopsAtMost: 1_745, sessionsAtLeast: nil))
        let close = plan(wanted: 1_752, served: 1_738, proven: ProvenFigures(workshopsAtMost: 1_744, sessionsAtLeast: nil))
        let far = plan(wanted: 1_752, served: 1_750, proven: ProvenFigures(workshopsAtMost: 1_752, sessionsAtLeast: nil))
        let comparison = ScenarioComparison(entries: [base, close, far].enumerated().map { i, p in
            .init(path: "s\(i)", plan: p, metrics: PlanMetrics(plan: p, scenario: scenario))
        })
        #expect(comparison.rows.first { $0.name == ScenarioComparison.Figure.workshopsAtMost }?.values == [1_745, 1_744, 1_752])
        #expect(comparison.rows.first { $0.name == ScenarioComparison.Figure.sessionsAtLeast } == nil, "no plan has it")
        let row = try #require(comparison.rows.first { $0.name == "workshops not given" })
        #expect(row.proof(1) == .withinBounds && row.proof(2) == .proven && row.proof(0) == nil)
        let report = ComparisonReport(comparison)
        let line = try #require(report.table.split(separator: "\n").first { $0.hasPrefix("workshops not given") })
        #expect(line.contains("14 (−2, not proven)") && line.contains("2 (−14)") && !line.contains("−14, not proven"))
        #expect(report.table.contains(ComparisonReport.unprovenNote))
        // The proven most of each scenario differ: a difference of bounds, marked so, not an effect.
        let most = try #require(report.table.split(separator: "\n").first { $0.hasPrefix(ScenarioComparison.Figure.workshopsAtMost) })
        #expect(most.contains("1744 (−1, between bounds)") && most.contains("1752 (+7, between bounds)"), "\(most)")
        #expect(report.table.hasSuffix(ComparisonReport.boundsNote))
        #expect(report.csv.split(separator: "\r\n").first { $0.hasPrefix(ScenarioComparison.Figure.workshopsAtMost) }?.hasSuffix(",bound,bound") == true)
        #expect(report.html.contains("Differences marked between bounds"))
        let csv = try #require(report.csv.split(separator: "\r\n").first { $0.hasPrefix("workshops not given,") })
        #expect(csv.hasSuffix(",no,yes"))
        #expect(report.csv.hasPrefix("figure,") && report.csv.split(separator: "\r\n")[0].hasSuffix(",proven delta Maple Grove Learning Studio (s2)"))
        #expect(report.html.contains("<td class=\"open\">14 (−2, not proven)</td>") && report.html.contains("Differences marked not proven"))
        // A difference the bounds prove is not marked; one in an outcome nothing bounds (students
        // who get every workshop, a subject's workshops) always is.
        let plain = ComparisonReport(ScenarioComparison(entries: [base, far].map { .init(path: "x", plan: $0, metrics: PlanMetrics(plan: $0, scenario: scenario)) }))
        let given = try #require(plain.table.split(separator: "\n").first { $0.hasPrefix("workshops not given") })
        #expect(!given.contains("not proven"))

    }

    /// Each subject's workshops given and not given add up to the plan's, and an unserved student
    /// counts under their subject by the kind of reason.
    @Test func compareBreaksWorkshopsDownBySubject() throws {
        var p = goldenPlan
        let dropped = p.sessions.removeFirst()
        p.unserved = dropped.students.map {
            UnservedStudent(student: $0, subject: dropped.subject, objective: dropped.objective, wanted: 2, got: 1,
                            reason: UnservedReason(.noRoomFree, "no room that can host it is free"))
        }
        let all = SubjectWorkshops.all(plan: goldenPlan, scenario: scenario)
        #expect(all.map(\.name) == ["Mathematics, grade 7"])
        #expect(all.map(\.given).reduce(0, +) == goldenPlan.header.workshopsServed && all.allSatisfy { $0.notGiven == 0 && $0.unserved.isEmpty })
        let short = try #require(SubjectWorkshops.all(plan: p, scenario: scenario).first)
        #expect(short.given == goldenPlan.header.workshopsServed - dropped.students.count && short.notGiven == dropped.students.count)
        #expect(short.unserved == [.noRoomFree: dropped.students.count])
        let comparison = ScenarioComparison(entries: [goldenPlan, p].map { .init(path: "x", plan: $0, metrics: PlanMetrics(plan: $0, scenario: scenario)) })
        let names = comparison.rows.map(\.name)
        #expect(!names.contains(ScenarioComparison.Figure.workshopsAtMost), "no plan has proven figures")
        let given = try #require(names.firstIndex(of: "Mathematics, grade 7: workshops given"))
        #expect(names[given + 1] == "Mathematics, grade 7: workshops not given")
        #expect(names[given + 2] == "Mathematics, grade 7: unserved, no suitable room free")
        #expect(comparison.rows[given + 2].values == [0, Double(dropped.students.count)])
        // Nothing is proven per subject, so the subject's fewer workshops are marked not proven,
        // and so is the share of students who get every workshop (nothing bounds it).
        #expect(comparison.rows[given].proof(1) == .withinBounds && comparison.rows[given + 1].proof(1) == .withinBounds)
        #expect(comparison.rows[given + 2].proof(1) == nil, "reasons are counts, never marked")
        let lines = ComparisonReport(comparison).table.split(separator: "\n")
        #expect(lines.first { $0.hasPrefix("Mathematics, grade 7: workshops given") }?.contains("not proven") == true)
        #expect(ComparisonReport(comparison).table.contains("Mathematics, grade 7: unserved, no suitable room free"))
        let html = ComparisonReport(comparison).html
        let section = try #require(html.range(of: "Workshops by subject"))
        #expect(html[section.upperBound...].prefix(1_500).contains("Mathematics, grade 7: unserved, no suitable room free"), "in its own table, first")
    }

    /// A subject's proven most workshops (`ProvenFigures.bySubject`) decide a difference in that
    /// subject: proven when the better plan gives more than the other scenario could, else not.
    @Test func aSubjectsProvenMostDecidesItsDifference() throws {
        var short = goldenPlan
        let dropped = short.sessions.removeFirst()
        let subject = dropped.subject, given = goldenPlan.header.workshopsServed
        func comparison(baseMost: Int?, shortMost: Int?) -> ScenarioComparison {
            var base = goldenPlan, other = short
            base.header.proven = baseMost.map { ProvenFigures(workshopsAtMost: given, sessionsAtLeast: nil, bySubject: [.init(subject: subject, workshopsAtMost: $0)]) }
            other.header.proven = shortMost.map { ProvenFigures(workshopsAtMost: given, sessionsAtLeast: nil, bySubject: [.init(subject: subject, workshopsAtMost: $0)]) }
            return ScenarioComparison(entries: [base, other].map { .init(path: "x", plan: $0, metrics: PlanMetrics(plan: $0, scenario: scenario)) })
        }
        func rows(_ c: ScenarioComparison) throws -> (given: ScenarioComparison.Row, notGiven: ScenarioComparison.Row) {
            (try #require(c.rows.first { $0.name == "Mathematics, grade 7: workshops given" }),
             try #require(c.rows.first { $0.name == "Mathematics, grade 7: workshops not given" }))
        }
        // The short scenario could give at most what it gave: the base's more workshops are proven.
        let proven = try rows(comparison(baseMost: given, shortMost: given - dropped.students.count))
        #expect(proven.given.proof(1) == .proven && proven.notGiven.proof(1) == .proven)
        #expect(ComparisonReport(comparison(baseMost: given, shortMost: given - dropped.students.count)).table
            .split(separator: "\n").first { $0.hasPrefix("Mathematics, grade 7: workshops given") }?.contains("not proven") == false)
        // The subject's most is shown beside, so a reader sees why.
        let shown = comparison(baseMost: given, shortMost: given - dropped.students.count).rows
            .first { $0.name == "Mathematics, grade 7: \(ScenarioComparison.Figure.workshopsAtMost)" }
        #expect(shown?.values == [Double(given), Double(given - dropped.students.count)])
        // It could have given as many: within what the bounds leave open.
        let open = try rows(comparison(baseMost: given, shortMost: given))
        #expect(open.given.proof(1) == .withinBounds && open.notGiven.proof(1) == .withinBounds)
        // Not proven for the subject (an older plan): not proven either.
        #expect(try rows(comparison(baseMost: given, shortMost: nil)).given.proof(1) == .withinBounds)
    }
}
