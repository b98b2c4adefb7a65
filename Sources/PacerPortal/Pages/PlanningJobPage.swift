import PacerCore
import Plot

/// The planning job: its progress while it runs, then the plan's verdict, its changes and the
/// button to publish it.
struct PlanningJobPage: Component {
    let view: PlanningJobView
    let csrf: String

    var body: Component {
        ComponentGroup {
            switch view.stage {
            case let .running(progress):
                Paragraph(progress)
                Paragraph("This page reloads itself until the plan is ready.").class("note")
            case let .failed(message):
                Paragraph(message).class("warn")
            case let .done(plan):
                Paragraph(plan.summary)
                if let broken = plan.broken {
                    Paragraph(broken).class("warn")
                    lines(plan.violations)
                } else {
                    Paragraph("Verified: the plan breaks no rule.").class("ok")
                }
                changes(plan.changes)
                if let published = plan.published {
                    Paragraph(published).class("ok")
                } else if plan.mayPublish {
                    if let changes = plan.changedSince {
                        // Offered once a refusal has named what was recorded since the plan was made.
                        Paragraph("Not published: " + changes.joined(separator: " ") + ". Plan the week again, or publish it as it is "
                                  + "and regroup the days it touches.").class("warn")
                        postForm("/publish", csrf: csrf) {
                            hidden("job", String(view.id)); hidden("despite-changes", "1"); Button("Publish despite changes")
                        }
                    } else {
                        postForm("/publish", csrf: csrf) { hidden("job", String(view.id)); Button("Publish") }
                    }
                }
            }
        }
    }

    private func changes(_ changes: PlanningJobView.Changes) -> Component {
        ComponentGroup {
            switch changes {
            case .none:
                Paragraph("No change to the published day.")
            case let .byTeacher(teachers):
                H2("Changes, teacher by teacher")
                element("ul") {
                    for teacher in teachers {
                        ListItem {
                            Text(teacher.teacher).bold()
                            for line in teacher.lines { void("br"); Text(line) }
                        }
                    }
                }
            case let .sessionsPerTeacher(teachers):
                H2("Sessions per teacher")
                lines(teachers)
            }
        }
    }
}
