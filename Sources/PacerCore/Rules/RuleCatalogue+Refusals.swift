/// Which rule keeps a teacher, a room or a student out of a session: the first in the catalogue's
/// order that does not permit or does not allow it. The unserved reasons ask these, so a rule
/// added to the catalogue is named and worded there without touching them.
extension RuleCatalogue {
    /// Positions in `rules` of the first rule refusing each side, nil when the catalogue admits it.
    func refusing(teacher t: Int, running objective: Objective, in b: Int, _ plan: Occupancy) -> Int? {
        rules.indices.first { i in
            let rule = rules[i], asks = type(of: rule).answers
            return (asks.contains(.permitsTeacher) && !rule.permits(teacher: t, running: objective, in: b))
                || (asks.contains(.allowsTeacher) && !rule.allows(teacher: t, running: objective, in: b, plan))
        }
    }

    func refusing(room r: Int, hosting objective: Objective, in b: Int, _ plan: Occupancy) -> Int? {
        rules.indices.first { i in
            let rule = rules[i], asks = type(of: rule).answers
            return (asks.contains(.permitsRoom) && !rule.permits(room: r, hosting: objective, in: b))
                || (asks.contains(.allowsRoom) && !rule.allows(room: r, hosting: objective, in: b, plan))
        }
    }

    func refusing(student s: Int, attending objective: Objective, in b: Int, _ plan: Occupancy) -> Int? {
        rules.indices.first { i in
            let rule = rules[i], asks = type(of: rule).answers
            return (asks.contains(.permitsStudent) && !rule.permits(student: s, attending: objective, in: b))
                || (asks.contains(.allowsStudent) && !rule.allows(student: s, attending: objective, in: b, plan))
        }
    }

    /// The named rules (positions in `rules`), in the catalogue's order, each with its own words
    /// for why it keeps `side` out of a session of `objective`.
    func refusals(_ positions: Set<Int>, of side: RuleSide, _ objective: Objective) -> RuleRefusals {
        let ordered = positions.sorted()
        return RuleRefusals(names: ordered.map { type(of: rules[$0]).name },
                            words: ordered.map { rules[$0].refusal(of: side, objective) })
    }
}

/// What the elastic explanation may change: for a session the rules do not permit, the changes each
/// refusing rule says would lift its refusal (`PlanRule.relaxations`).
extension RuleCatalogue {
    /// The changes that would let the teacher run the objective in the block (none when the rules
    /// permit it); nil when a refusing rule cannot be relaxed.
    func relaxations(teacher t: Int, running objective: Objective, in b: Int) -> [ElasticModel.Fact]? {
        var facts: [ElasticModel.Fact] = []
        for rule in rules where type(of: rule).answers.contains(.permitsTeacher) && !rule.permits(teacher: t, running: objective, in: b) {
            guard let lift = rule.relaxations(teacher: t, running: objective, in: b) else { return nil }
            facts += lift
        }
        return facts
    }

    /// The changes that would let the room host the objective in the block; nil when a refusing
    /// rule cannot be relaxed.
    func relaxations(room r: Int, hosting objective: Objective, in b: Int) -> [ElasticModel.Fact]? {
        var facts: [ElasticModel.Fact] = []
        for rule in rules where type(of: rule).answers.contains(.permitsRoom) && !rule.permits(room: r, hosting: objective, in: b) {
            guard let lift = rule.relaxations(room: r, hosting: objective, in: b) else { return nil }
            facts += lift
        }
        return facts
    }
}
