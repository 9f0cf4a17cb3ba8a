import ArgumentParser
import DossierCore
import Foundation

/// Options shared by every command that reads a dossier.
struct SiteOptions: ParsableArguments {
    @Option(help: "The folder of briefs.")
    var content = "content"

    @Option(help: "The folder of Mustache templates and their assets.")
    var templates = "templates"

    @Flag(help: "Include briefs marked 'draft: true'.")
    var drafts = false
}

struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build the site into the output folder.",
        discussion: "Exit status: 0 when the site was built, 1 when the content has errors (nothing is written), 2 on usage errors.")

    @OptionGroup var site: SiteOptions

    @Option(help: "The folder to write the site into; replaced whole, only when the build succeeds.")
    var output = "public"

    @Option(name: .customLong("base-url"), help: "The absolute URL the site is published at, for the feed, sitemap and og: tags (overrides site.yml).")
    var baseURL: String?

    @Flag(name: .customLong("keep-previous"), inversion: .prefixedNo,
          help: "Keep the replaced site beside the output (.NAME.previous) and rewrite it in place on the next build, which is faster than creating every file again; with --no-keep-previous the replaced site is deleted.")
    var keepPrevious = true

    func validate() throws {
        if let baseURL, SiteSettings.normalizedBaseURL(baseURL) == nil {
            throw ValidationError("--base-url must be an absolute http or https URL, e.g. https://example.org/dossier/")
        }
    }

    func run() throws {
        let options = BuildOptions(content: site.content, templates: site.templates, output: output,
                                   baseURL: baseURL, drafts: site.drafts, keepPrevious: keepPrevious)
        let report = Build.run(options)
        Terminal.printDiagnostics(report.diagnostics)
        let warnings = Terminal.count(report.diagnostics.warningCount, "warning")
        guard report.succeeded else {
            print("Build failed: \(Terminal.count(report.diagnostics.errorCount, "error")), \(warnings); '\(output)' left as it was.")
            throw ExitCode.failure
        }
        let kinds = report.pages.map { "\($0.count) \($0.kind)" }.joined(separator: ", ")
        print("Built \(report.pageCount) pages (\(kinds)) into \(output)/ in \(Terminal.seconds(report.seconds)); \(warnings).")
        // Ends the process here, as compilers do: freeing the model's millions of objects one by one would add about
        // a tenth of a second to a 10,000-brief build.
        Foundation.exit(0)
    }
}
