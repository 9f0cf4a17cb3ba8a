import Foundation
import Testing
@testable import DossierCore

@Suite struct SiteTests {
    @Test func everyPageInTheSpecIsWritten() throws {
        let fixture = Fixture()
        let report = fixture.build()
        #expect(report.succeeded && report.wrote)
        let files = Set(fixture.builtFiles().keys)
        for page in ["index.html", "404.html", "matrix/index.html", "timeline/index.html", "proposals/index.html",
                     "actors/index.html", "sources/index.html", "about/index.html", "actors/giorgia-meloni/index.html",
                     "proposals/meloni-guarantee/index.html", "sources/afp-2025-08-16/index.html",
                     "assets/style.css", "assets/favicon.svg"] {
            #expect(files.contains(page), "\(page) is missing")
        }
        #expect(report.pages.map(\.count) == [2, 3, 2, 1, 7])
    }

    @Test func aPositionAppearsOnTheProposalPageAndOnTheActorPage() {
        let fixture = Fixture()
        _ = fixture.build()
        let proposal = fixture.page("proposals/meloni-guarantee/index.html")
        #expect(proposal.contains("<tr id=\"position-giorgia-meloni\">"))
        #expect(proposal.contains("<a href=\"../../actors/giorgia-meloni/\">Giorgia Meloni</a>"))
        #expect(proposal.contains("“We need guarantees.”"))
        #expect(proposal.contains("Put it forward in <a href=\"../../sources/afp-2025-08-16/\">March</a>."))
        let actor = fixture.page("actors/giorgia-meloni/index.html")
        #expect(actor.contains("<li id=\"on-meloni-guarantee\" class=\"position-card position-proposes\">"))
        #expect(actor.contains("<h3><a href=\"../../proposals/meloni-guarantee/\">Article 5-style guarantee</a></h3>"))
        #expect(actor.contains("<span class=\"stance stance-proposes\">Proposes</span>"))
        #expect(actor.contains("Source: <a href=\"../../sources/afp-2025-08-16/\">US proposed NATO-style guarantees</a>"))
        #expect(actor.contains("href=\"../../proposals/meloni-guarantee/#position-giorgia-meloni\""))
    }

    @Test func mentionsAndCitationsAreListedOnTheTargetPage() {
        let fixture = Fixture()
        _ = fixture.build()
        let meloni = fixture.page("actors/giorgia-meloni/index.html")
        #expect(meloni.contains("<h2 id=\"mentioned-in\">Mentioned in</h2>"))
        #expect(meloni.contains("<a href=\"../../\">Welcome</a>"))
        let afp = fixture.page("sources/afp-2025-08-16/index.html")
        #expect(afp.contains("<h2 id=\"cited-by\">Cited by</h2>"))
        #expect(afp.contains("<a href=\"../../about/\">About</a>"))
        let home = fixture.page("index.html")
        #expect(home.contains("<a href=\"actors/giorgia-meloni/\">Giorgia Meloni</a>"))
    }

    @Test func textFromFrontMatterIsEscaped() {
        let fixture = Fixture(changing: ["actors/nato.md": """
            ---
            name: "NATO <script>alert('x')</script> & \\"friends\\""
            kind: organization
            role: "R&D <b>"
            ---
            """])
        #expect(fixture.build().succeeded)
        let page = fixture.page("actors/nato/index.html")
        #expect(!page.contains("<script>alert"))
        #expect(page.contains("<h1>NATO &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;friends&quot;</h1>"))
        #expect(page.contains("R&amp;D &lt;b&gt;"))
        #expect(fixture.page("actors/index.html").contains("NATO &lt;script&gt;"))
    }

    @Test func rawHTMLInABodyIsOmittedByDefaultAndKeptWhenTheSiteAllowsIt() {
        let fixture = Fixture(changing: ["pages/about.md": "---\ntitle: About\n---\n<div class=\"x\">raw</div>\n\nText <em>ok</em>.\n"])
        _ = fixture.build()
        #expect(!fixture.page("about/index.html").contains("<div class=\"x\">"))
        #expect(!fixture.page("about/index.html").contains("<em>ok</em>"))
        fixture.write("site.yml", "title: Test dossier\nallow_html: true\n")
        _ = fixture.build()
        #expect(fixture.page("about/index.html").contains("<div class=\"x\">raw</div>"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let fixture = Fixture()
        #expect(fixture.build().succeeded)
        let before = fixture.builtFiles()
        fixture.write("actors/nato.md", "---\nname: NATO\nkind: club\n---\n")
        fixture.write("actors/new-actor.md", "---\nname: New\nkind: person\n---\n")
        let report = fixture.build()
        #expect(!report.succeeded && !report.wrote)
        #expect(fixture.builtFiles() == before)
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: fixture.root.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty)
    }

    @Test func filesOfDeletedBriefsVanish() {
        let fixture = Fixture()
        fixture.write("sources/extra.md", "---\ntitle: Extra\n---\n")
        _ = fixture.build()
        #expect(fixture.builtFiles()["sources/extra/index.html"] != nil)
        fixture.remove("sources/extra.md")
        _ = fixture.build()
        #expect(fixture.builtFiles()["sources/extra/index.html"] == nil)
        #expect(!FileManager.default.fileExists(atPath: fixture.output + "/sources/extra"))
    }

    @Test func twoBuildsOfTheSameContentAreByteIdentical() {
        let fixture = Fixture()
        _ = fixture.build(baseURL: "https://example.org/d/")
        let first = fixture.builtFiles()
        _ = fixture.build(baseURL: "https://example.org/d/")
        #expect(first == fixture.builtFiles())
        #expect(first.count > 15)
    }

    @Test func everyInternalLinkResolvesToAFile() throws {
        let fixture = Fixture()
        _ = fixture.build()
        let files = fixture.builtFiles()
        let pattern = try Regex(#"(?:href|src)="([^"]*)""#)
        var checked = 0
        for (path, data) in files where path.hasSuffix(".html") && path != "404.html" {
            let html = String(decoding: data, as: UTF8.self)
            let folder = (path as NSString).deletingLastPathComponent
            for match in html.matches(of: pattern) {
                var link = String(match.output[1].substring!)
                if link.hasPrefix("http") || link.hasPrefix("mailto:") { continue }
                if let hash = link.firstIndex(of: "#") { link = String(link[..<hash]) }
                if link.isEmpty { continue }
                var target = (folder.isEmpty ? link : folder + "/" + link)
                if target.hasSuffix("/") || link == "./" { target += "index.html" }
                let normalized = URL(fileURLWithPath: "/site/" + target).standardized.path.dropFirst("/site/".count)
                #expect(files[String(normalized)] != nil, "\(path) links to \(link), which does not exist")
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func withABaseURLTheSiteHasASitemapAFeedAndCanonicalURLs() {
        let fixture = Fixture()
        _ = fixture.build()
        #expect(fixture.builtFiles()["sitemap.xml"] == nil)
        _ = fixture.build(baseURL: "https://example.org/dossier")
        #expect(fixture.page("sitemap.xml").contains("<loc>https://example.org/dossier/actors/italy/</loc>"))
        #expect(fixture.page("feed.xml").contains("<link href=\"https://example.org/dossier/proposals/meloni-guarantee/\"/>"))
        #expect(fixture.page("actors/italy/index.html").contains("<link rel=\"canonical\" href=\"https://example.org/dossier/actors/italy/\">"))
        #expect(fixture.page("404.html").contains("href=\"/dossier/assets/style.css\""))
    }

    @Test func draftsAreLeftOutUnlessAsked() {
        let fixture = Fixture(changing: ["pages/draft-page.md": "---\ntitle: Draft\ndraft: true\n---\n"])
        _ = fixture.build()
        #expect(fixture.builtFiles()["draft-page/index.html"] == nil)
        _ = fixture.build(drafts: true)
        #expect(fixture.builtFiles()["draft-page/index.html"] != nil)
    }

    @Test func assetsFromTheContentAndTheTemplatesAreCopied() {
        let big = String(repeating: "0123456789", count: 20_000)
        let fixture = Fixture(changing: ["assets/maps/front.svg": "<svg/>", "assets/readme.md": "# not a brief", "assets/big.txt": big])
        _ = fixture.build()
        #expect(fixture.page("assets/maps/front.svg") == "<svg/>")
        #expect(fixture.page("assets/big.txt") == big)
        #expect(fixture.page("assets/readme.md") == "# not a brief")
        #expect(fixture.builtFiles()["readme/index.html"] == nil)
    }

    @Test func theOutputMayNotOverlapTheContent() {
        let fixture = Fixture()
        var options = fixture.options()
        options.output = fixture.content + "/public"
        let report = Build.run(options)
        #expect(!report.succeeded)
        #expect(report.diagnostics.last?.message.contains("overlaps") == true)
        #expect(!FileManager.default.fileExists(atPath: options.output))
    }

    @Test func aFolderThatIsNotABuiltSiteIsNeverReplaced() throws {
        let fixture = Fixture()
        try FileManager.default.createDirectory(atPath: fixture.output, withIntermediateDirectories: true)
        try "precious".write(toFile: fixture.output + "/notes.txt", atomically: true, encoding: .utf8)
        #expect(!fixture.build().succeeded)
        #expect(fixture.page("notes.txt") == "precious")
    }
}
