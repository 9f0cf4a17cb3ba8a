import Foundation

/// Writes the skeleton of a new brief: every field of its kind present and commented, valid as written.
public enum NewBrief {
    /// Why a brief could not be created, with a hint on what to do instead.
    public struct Failure: Error, CustomStringConvertible {
        public var message: String
        public var hint: String?

        public var description: String { hint.map { "\(message) (\($0))" } ?? message }
    }

    /// Checks a slug for a new brief of `kind`; throws with the corrected slug when it is not valid.
    public static func validate(_ slug: String, kind: BriefKind) throws(Failure) {
        guard Slug.isValid(slug) else {
            throw Failure(message: "invalid slug '\(slug)': a slug is lowercase letters, digits and single hyphens",
                          hint: "use '\(Slug.corrected(slug))'")
        }
        if kind == .page, Route.reservedSlugs.contains(slug) {
            throw Failure(message: "the page slug '\(slug)' is taken by the site's own \(slug)/ section",
                          hint: "choose another, e.g. 'about-\(slug)'")
        }
    }

    /// Creates `content/<kind folder>/<slug>.md` and returns its path; never replaces an existing file.
    public static func create(_ kind: BriefKind, slug: String, title: String? = nil, content: String = "content",
                              today: PartialDate = .today()) throws(Failure) -> String {
        try validate(slug, kind: kind)
        let root = content.hasSuffix("/") ? String(content.dropLast()) : content
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw Failure(message: "content folder '\(root)' not found", hint: "run from the dossier's root or pass --content PATH")
        }
        let folder = root + "/" + kind.folder
        let path = folder + "/" + slug + ".md"
        if FileManager.default.fileExists(atPath: path) {
            throw Failure(message: "'\(path)' already exists", hint: "edit it, or choose another slug")
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try Data(text(kind, slug: slug, title: title, today: today).utf8)
                .write(to: URL(fileURLWithPath: path), options: .withoutOverwriting)
        } catch {
            throw Failure(message: "cannot write '\(path)': \(error.localizedDescription)")
        }
        return path
    }

    /// The new brief's text. Without a title, one is made from the slug (`giorgia-meloni` → `Giorgia Meloni`).
    public static func text(_ kind: BriefKind, slug: String, title: String? = nil, today: PartialDate = .today()) -> String {
        let title = quoted(title ?? slug.split(separator: "-").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " "))
        let dateForms = "YYYY, YYYY-MM or YYYY-MM-DD"
        let fields: [(String, String)]
        switch kind {
        case .actor:
            fields = [
                ("name: \(title)", "required: the display name"),
                ("kind: person", "required: " + ActorKind.allCases.map(\.rawValue).joined(separator: " | ")),
                ("role:", "e.g. Prime Minister of Italy"),
                ("affiliation:", "the slug of the state or organisation the actor acts for, e.g. italy"),
                ("member_of: []", "slugs of actors it is a member of, e.g. [nato, eu]"),
                ("aliases: []", "other names, shown and searchable, e.g. [Meloni]"),
                ("summary:", "one or two sentences for lists and link previews"),
                ("updated: \(today)", "when the brief was last revised: \(dateForms)"),
                ("draft: false", "true keeps the brief out of the site unless built with --drafts"),
            ]
        case .proposal:
            fields = [
                ("title: \(title)", "required"),
                ("short:", "a short label for tables and the matrix, e.g. Meloni plan"),
                ("status: floated", "required: " + ProposalStatus.allCases.map(\.rawValue).joined(separator: " | ")),
                ("proposed:", "when it was first put forward: \(dateForms)"),
                ("proposed_by: []", "slugs of the actors who put it forward, e.g. [italy]"),
                ("summary:", "one or two sentences for lists and link previews"),
                ("provisions: []", "its key terms, one item each; inline Markdown allowed"),
                ("positions: []", "who stands where; replace [] with one item per actor:"),
                ("#  - actor: actor-slug", "required"),
                ("#    stance: supports", "required: " + Stance.allCases.map(\.rawValue).joined(separator: " | ")),
                ("#    note: text", "inline Markdown"),
                ("#    quote: text", "the actor's own words"),
                ("#    date: 2025-08-16", dateForms),
                ("#    source: source-slug", "where the position is reported"),
                ("timeline: []", "dated events in its life; replace [] with one item per event:"),
                ("#  - date: 2025-08-16", "required: \(dateForms)"),
                ("#    event: text", "required: what happened, inline Markdown"),
                ("#    actors: [actor-slug]", "who took part"),
                ("#    source: source-slug", "where the event is reported"),
                ("related: []", "slugs of alternatives, precedents and rivals"),
                ("sources: []", "slugs of sources for the brief as a whole"),
                ("updated: \(today)", "when the brief was last revised: \(dateForms)"),
                ("draft: false", "true keeps the brief out of the site unless built with --drafts"),
            ]
        case .source:
            fields = [
                ("title: \(title)", "required: the source's own headline or title"),
                ("outlet:", "publisher or outlet, e.g. The Defense Post / AFP"),
                ("kind: other", SourceKind.allCases.map(\.rawValue).joined(separator: " | ")),
                ("published:", dateForms),
                ("url:", "the full http or https address"),
                ("author:", ""),
            ]
        case .page:
            fields = [
                ("title: \(title)", "required"),
                ("summary:", "one or two sentences for link previews"),
                ("draft: false", "true keeps the page out of the site unless built with --drafts"),
            ]
        }
        let width = fields.map(\.0.count).max()! + 2
        var lines = ["---"]
        for (field, comment) in fields {
            lines.append(comment.isEmpty ? field : field.padding(toLength: width, withPad: " ", startingAt: 0) + "# " + comment)
        }
        lines.append("# Below the closing line, write the \(kind == .source ? "dossier's note on the source" : "brief") in Markdown;")
        lines.append("# link other briefs as [text](actor:slug), [text](proposal:slug) or [text](source:slug).")
        lines.append("---")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A YAML double-quoted string.
    static func quoted(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += String(format: "\\x%02X", scalar.value)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
