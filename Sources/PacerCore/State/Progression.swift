/// Where a student goes after mastering: the first objective of the progression, in order, that is
/// not mastered and whose prerequisites all are.
enum Progression {
    /// The next objective of `subject` given what is mastered, or nil when the progression is done.
    static func next(in subject: Subject, mastered: Set<ObjectiveID>) -> ObjectiveID? {
        subject.objectives.first { o in
            !mastered.contains(o.id) && o.prerequisites.allSatisfy(mastered.contains)
        }?.id
    }
}
