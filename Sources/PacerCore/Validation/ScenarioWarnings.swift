extension ScenarioBuilder {
    /// Warnings for what is legal but likely a mistake: each would leave students unserved.
    func warnAboutSuspiciousParts(of scenario: Scenario) {
        let flex = scenario.calendar.flexBlocks.map(\.id)
        let taught = Set(scenario.teachers.flatMap(\.canTeach))

        for objective in scenario.objectives {
            guard let location = objectiveLocations[objective.id] else { continue }
            let waiting = studentsOnObjective[objective.id]?.count ?? 0
            if waiting > 0, !taught.contains(objective.id) {
                log.warning(location, "objective \(objective.id): \(waiting) student(s) are on it but no teacher can teach it")
            }
            let suitable = scenario.rooms.filter { $0.suits(objective) }
            if suitable.isEmpty {
                let needs = objective.needs.map(\.rawValue).joined(separator: ", ")
                log.warning(location, "objective \(objective.id): no room has the features it needs (\(needs))")
            } else if let largest = suitable.map(\.capacity).max(), largest < objective.minGroup {
                log.warning(location,
                            "objective \(objective.id): its minimum group of \(objective.minGroup) exceeds every suitable room (largest holds \(largest))")
            }
        }
        for room in scenario.rooms {
            let hostable = scenario.objectives.filter { room.suits($0) }
            if !hostable.isEmpty, hostable.allSatisfy({ $0.minGroup > room.capacity }),
               let location = roomLocations[room.id] {
                log.warning(location, "room \(room.id) (capacity \(room.capacity)) is smaller than the minimum group of every objective it could host")
            }
        }
        // Study that cannot hold everyone even with no workshop leaves students with no place in
        // every plan (StudyShortfall; `validate --deep` names the smallest change).
        let short = StudyShortfall.find(scenario)
        if let first = short.first, let location = scenario.rooms.first.flatMap({ roomLocations[$0.id] }) {
            let shown = short.prefix(3).map { "\($0.block): \($0.present) present, at most \($0.capacity) held" }.joined(separator: "; ")
            log.warning(location, "independent study cannot hold every present student in \(short.count) flex block(s) even with no workshop "
                + "(\(shown)\(short.count > 3 ? "; …" : ""); \(first.adults) adult(s) free to supervise and \(first.seats) study seats in \(first.block)), "
                + "so those students would have no place; pacer validate --deep names the smallest change")
        }
        for teacher in scenario.teachers {
            guard let location = teacherLocations[teacher.id] else { continue }
            let unavailable = Set(teacher.unavailable)
            if !flex.isEmpty, flex.allSatisfy(unavailable.contains) {
                log.warning(location, "teacher \(teacher.id) has no free flex block")
            } else if teacher.maxSessionsPerDay == 0 {
                log.warning(location, "teacher \(teacher.id) has max_sessions_per_day 0 and will run no workshop")
            }
            if teacher.canTeach.isEmpty {
                log.warning(location, "teacher \(teacher.id) can teach no objective")
            }
        }
        for student in scenario.students {
            guard let location = studentLocations[student.id] else { continue }
            let unavailable = Set(student.unavailable)
            if !flex.isEmpty, !student.current.isEmpty, flex.allSatisfy(unavailable.contains) {
                log.warning(location, "student \(student.id) has no free flex block")
            }
            // A home base that can never hold study is a preference that never applies.
            if let home = student.homeRoom, scenario.rooms.first(where: { $0.id == home })?.studySeats == nil {
                log.warning(location, "student \(student.id): home_room \(home) is not a study space (no 'study:' seats), so it is never used")
            }
            if let adult = student.homeAdult, let teacher = scenario.teachers.first(where: { $0.id.rawValue == adult.rawValue }), !teacher.supervises {
                log.warning(location, "student \(student.id): home_adult \(adult) is a teacher with 'supervises: false', so it is never used")
            }
        }
    }
}
