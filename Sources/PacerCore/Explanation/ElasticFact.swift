extension ElasticModel {
    /// One change the elastic model may make to serve a blocked student. The rules that hold by
    /// construction say which changes would lift their refusal (`PlanRule.relaxations`); the
    /// group's own changes (free the students, allow a smaller group) are the model's.
    enum Fact: Hashable, Comparable {
        case teach(TeacherID, ObjectiveID)
        case workshops(TeacherID)
        case freeTeacher(TeacherID, BlockID)
        case openRoom(RoomID, BlockID)
        case equip(RoomID, ObjectiveID)
        case smallerGroup(ObjectiveID)
        case freeStudents(Int, BlockID)

        /// Changes of one kind to one thing (a teacher freed in any block, a room opened in any
        /// block): an alternative must avoid the first answer's families, not only its exact changes.
        enum Family: Hashable {
            case teach(TeacherID, ObjectiveID)
            case workshops(TeacherID)
            case freeTeacher(TeacherID)
            case openRoom(RoomID)
            case equip(RoomID, ObjectiveID)
            case smallerGroup(ObjectiveID)
            case freeStudents(Int)
        }

        var cost: Double {
            switch self {
            case .teach: return costTeach
            case .equip: return costEquip
            case .smallerGroup: return costSmallerGroup
            case .workshops: return costWorkshops
            case .freeTeacher, .openRoom, .freeStudents: return costFree
            }
        }

        static func < (a: Fact, b: Fact) -> Bool { String(describing: a) < String(describing: b) }

        /// The order a session's changes take in the model (its rows follow it): the teacher's,
        /// then the room's, whichever rule asked for them.
        var rank: Int {
            switch self {
            case .teach: return 0
            case .workshops: return 1
            case .freeTeacher: return 2
            case .openRoom: return 3
            case .equip: return 4
            case .smallerGroup: return 5
            case .freeStudents: return 6
            }
        }

        /// The change's column name in a written model, unique per change.
        var name: String {
            switch self {
            case let .teach(t, o): return "teach \(t) \(o)"
            case let .workshops(t): return "workshops \(t)"
            case let .freeTeacher(t, b): return "free \(t) \(b)"
            case let .openRoom(r, b): return "open \(r) \(b)"
            case let .equip(r, o): return "equip \(r) \(o)"
            case let .smallerGroup(o): return "smaller \(o)"
            case let .freeStudents(g, b): return "students \(g) \(b)"
            }
        }

        var family: Family {
            switch self {
            case let .teach(t, o): return .teach(t, o)
            case let .workshops(t): return .workshops(t)
            case let .freeTeacher(t, _): return .freeTeacher(t)
            case let .openRoom(r, _): return .openRoom(r)
            case let .equip(r, o): return .equip(r, o)
            case let .smallerGroup(o): return .smallerGroup(o)
            case let .freeStudents(g, _): return .freeStudents(g)
            }
        }
    }
}
