import ArgumentParser
import DossierCore
import Foundation

extension BriefKind: ExpressibleByArgument {}

struct NewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "Write a new brief with every field of its kind, commented, ready to fill in.",
        discussion: "Prints the new file's path. Never replaces an existing file. Exit status: 0 when written, 1 when not, 2 on usage errors.")

    @Argument(help: "What to create: actor, proposal, source or page.")
    var kind: BriefKind

    @Argument(help: "The file name without .md: lowercase letters, digits and single hyphens, e.g. giorgia-meloni.")
    var slug: String

    @Option(name: [.customLong("name"), .customLong("title")], help: "The actor's name or the brief's title (default: made from the slug).")
    var title: String?

    @Option(help: "The folder of briefs.")
    var content = "content"

    func validate() throws {
        do {
            try NewBrief.validate(slug, kind: kind)
        } catch {
            throw ValidationError(error.description)
        }
    }

    func run() throws {
        do {
            print(try NewBrief.create(kind, slug: slug, title: title, content: content))
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode.failure
        }
    }
}
