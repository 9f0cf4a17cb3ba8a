import ArgumentParser
import DossierCore
import Foundation

extension DiagnosticFormat: ExpressibleByArgument {}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check the content without writing anything, with editorial warnings.",
        discussion: """
            Runs everything a build runs except writing, then warns about unsourced positions and events, \
            sources nothing cites, actors nothing mentions, proposals without positions, and stale briefs.
            Exit status: 0 when there are no errors, 1 when there are (with --strict, also when there are warnings), \
            2 on usage errors.
            """)

    @OptionGroup var site: SiteOptions

    @Flag(help: "Fail on warnings too.")
    var strict = false

    @Option(help: "How to print diagnostics: text (compiler style), github (Actions annotations) or json.")
    var format: DiagnosticFormat = .text

    @Option(name: .customLong("stale-days"), help: "Warn about briefs whose 'updated' date is older than this many days; 0 turns it off.")
    var staleDays = 180

    func validate() throws {
        if staleDays < 0 { throw ValidationError("--stale-days must be 0 or more") }
    }

    func run() throws {
        let options = BuildOptions(content: site.content, templates: site.templates, drafts: site.drafts)
        let report = Build.check(options)
        var diagnostics = report.diagnostics
        if let dossier = report.dossier {
            diagnostics += Lints.warnings(in: dossier, options: LintOptions(staleDays: staleDays))
        }
        diagnostics.sort()
        let color = format == .text && Terminal.colorsStandardOutput
        if format != .text || !diagnostics.isEmpty {
            FileHandle.standardOutput.write(Data(format.render(diagnostics, color: color).utf8))
        }
        if format == .text {
            let errors = Terminal.count(diagnostics.errorCount, "error"), warnings = Terminal.count(diagnostics.warningCount, "warning")
            print(diagnostics.isEmpty ? "No problems found." : "\(errors), \(warnings).")
        }
        if diagnostics.hasErrors || (strict && !diagnostics.isEmpty) { throw ExitCode.failure }
    }
}
