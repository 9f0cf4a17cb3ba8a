import Foundation

/// Settings for the editorial warnings of `dossier check`.
public struct LintOptions: Sendable {
    /// The day the check runs, against which `updated` dates are measured.
    public var today: PartialDate
    /// A brief whose `updated` date is more than this many days before `today` is stale; 0 turns the warning off.
    public var staleDays: Int

    public init(today: PartialDate = .today(), staleDays: Int = 180) {
        self.today = today
        self.staleDays = staleDays
    }
}

/// What a careful editor wants to know beyond the build's errors: unsourced claims, unused briefs, stale briefs.
///
/// These are warnings computed from a resolved dossier; they never stop a build.
/// An actor counts as used when it holds a position, proposed a proposal, takes part in an event,
/// has affiliates or members, or is linked from any Markdown. A source counts as cited when a position,
/// an event or a proposal's `sources` names it, or any Markdown links to it.
public enum Lints {
    public static func warnings(in dossier: Dossier, options: LintOptions = LintOptions()) -> [Diagnostic] {
        var out: [Diagnostic] = []
        var actorsInEvents: Set<String> = []
        for proposal in dossier.proposals {
            let file = proposal.header.file
            if proposal.positions.isEmpty {
                out.append(warning(file, line(proposal.header, "positions", "title"),
                                   "proposal '\(proposal.header.slug)' has no positions",
                                   hint: "record who stands where under 'positions:'"))
            }
            for position in proposal.positions where position.source == nil {
                out.append(Diagnostic(file: file, line: position.actor.line, column: position.actor.column, severity: .warning,
                                      message: "the position of '\(position.actor.slug)' cites no source",
                                      hint: "add 'source: <source-slug>' so that readers can check it"))
            }
            for event in proposal.timeline {
                actorsInEvents.formUnion(event.actors.map(\.slug))
                if event.source == nil {
                    out.append(Diagnostic(file: file, line: event.line, column: 0, severity: .warning,
                                          message: "the event of \(event.date) cites no source",
                                          hint: "add 'source: <source-slug>' so that readers can check it"))
                }
            }
            out += stale(proposal.header, proposal.updated, options)
        }
        for (i, actor) in dossier.actors.enumerated() {
            let slug = actor.header.slug
            let used = !dossier.positionsByActor[i].isEmpty || !dossier.proposedByActor[i].isEmpty
                || actorsInEvents.contains(slug) || !dossier.affiliates[i].isEmpty || !dossier.members[i].isEmpty
                || !(dossier.mentions[.brief(.actor, slug)] ?? []).isEmpty
            if !used {
                out.append(warning(actor.header.file, line(actor.header, "name"),
                                   "actor '\(slug)' is mentioned by no brief and holds no position",
                                   hint: "link it as [\(actor.name)](actor:\(slug)) or record its position on a proposal"))
            }
            out += stale(actor.header, actor.updated, options)
        }
        for (i, source) in dossier.sources.enumerated() {
            let slug = source.header.slug
            if dossier.citations[i].isEmpty && (dossier.mentions[.brief(.source, slug)] ?? []).isEmpty {
                out.append(warning(source.header.file, line(source.header, "title"), "source '\(slug)' is cited by nothing",
                                   hint: "cite it from a position, an event or a proposal's 'sources', or link it as [text](source:\(slug))"))
            }
        }
        return out.sorted()
    }

    private static func stale(_ header: BriefHeader, _ updated: PartialDate?, _ options: LintOptions) -> [Diagnostic] {
        guard options.staleDays > 0, let updated else { return [] }
        let age = options.today.dayNumber - updated.lastDayNumber
        guard age > options.staleDays else { return [] }
        return [warning(header.file, line(header, "updated"),
                        "the brief was last updated on \(updated), \(age) days ago",
                        hint: "review it and set 'updated' to the date of the review; briefs are stale after \(options.staleDays) days")]
    }

    /// The line of the first of `fields` written in the brief, or 1.
    private static func line(_ header: BriefHeader, _ fields: String...) -> Int {
        fields.lazy.compactMap { header.line(of: $0) }.first ?? 1
    }

    private static func warning(_ file: String, _ line: Int, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(file: file, line: line, severity: .warning, message: message, hint: hint)
    }
}

extension PartialDate {
    /// Today's date in the local time zone.
    public static func today(_ now: Date = Date()) -> PartialDate {
        let parts = Calendar(identifier: .gregorian).dateComponents([.year, .month, .day], from: now)
        let text = String(format: "%04d-%02d-%02d", parts.year!, parts.month!, parts.day!)
        return PartialDate(text)!
    }

    /// Days since 1970-01-01 of the first day the date covers.
    var dayNumber: Int { Self.days(year, month ?? 1, day ?? 1) }

    /// Days since 1970-01-01 of the last day the date covers: `2025-03` is taken as 31 March.
    var lastDayNumber: Int {
        let m = month ?? 12
        return Self.days(year, m, day ?? Self.daysIn(month: m, year: year))
    }

    /// Howard Hinnant's days-from-civil for the proleptic Gregorian calendar.
    private static func days(_ y: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y - 1 : y
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }
}
