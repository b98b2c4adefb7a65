import Foundation
import Hummingbird
import PacerCore

/// The exports of the plan in force today, made on request (scheduler only): the same files
/// `pacer export` writes, browsable under `/exports/FORMAT/…`.
extension Portal {
    static let exporters: [(format: String, label: String, exporter: PlanExporter)] = [
        ("html", "Web pages (timetables per teacher, room and student)", HTMLExporter()),
        ("csv", "Spreadsheets (CSV)", CSVExporter()),
        ("ics", "Calendars (iCalendar, per teacher and student)", ICalendarExporter()),
        ("json", "The plan (JSON)", JSONExporter()),
        ("fet", "FET timetable", FETExporter()),
    ]

    /// `GET /exports`: every file of every format, linked.
    func exports(_ request: Request, _ context: PortalRequestContext) async throws -> Response {
        let session = try signedIn(context)
        let inForce = try exportContext()
        let formats = try Self.exporters.map { format, label, exporter in
            (format, label, Array(try exporter.files(inForce.plan.exportContext(scenario, onlyTheDay: false)).keys))
        }
        let view = ExportsView(today: today, inForce: inForce.plan, formats: formats)
        return Page.response(.ok, title: view.title, nav: session, body: ExportsPage(view: view))
    }

    /// `GET /exports/FORMAT/PATH`: one exported file, looked up among the format's files (a path
    /// that is not one of them is 404, so nothing outside the export can be named).
    func exportFile(_ request: Request, _ context: PortalRequestContext, format: String, path: String) async throws -> Response {
        guard let exporter = Self.exporters.first(where: { $0.format == format })?.exporter else { throw Refusal.notFound }
        let inForce = try exportContext()
        guard let text = try exporter.files(inForce.plan.exportContext(scenario, onlyTheDay: false))[path] else { throw Refusal.notFound }
        let type: String
        switch (path as NSString).pathExtension {
        case "html": type = "text/html; charset=utf-8"
        case "csv": type = "text/csv; charset=utf-8"
        case "ics": type = "text/calendar; charset=utf-8"
        case "json": type = "application/json"
        case "svg": type = "image/svg+xml"
        case "css": type = "text/css"
        default: type = "application/xml"
        }
        // The exported pages carry their own small scripts (the index's search box).
        return Response(status: .ok, headers: [.contentType: type, .contentSecurityPolicy: SecurityHeaders.exportPolicy],
                        body: .init(byteBuffer: ByteBuffer(string: text)))
    }

    private func exportContext() throws -> (id: Int64, plan: PlanInForce) {
        guard let inForce = try store.planInForce(scenario, on: today) else {
            throw Refusal(.notFound, "Nothing published", "No published plan covers \(today): plan the week and publish it first.")
        }
        return (inForce.id, inForce)
    }
}

extension Refusal {
    static let notFound = Refusal(.notFound, "Not found", "There is no such page.")
}
