"""Every page of the real dossier, in headless Chromium: served at the root, under a sub-path, and from disk."""

from dataclasses import dataclass

import pytest

from conftest import SUB_PATH, Build
from site_crawler import SCHEMES, WIDTHS, Page, Site, crawl, host_of, set_width


@dataclass
class Crawl:
    site: Site
    build: Build
    pages: dict[str, Page]


@pytest.fixture(scope="module", params=["served at the root", "served under a sub-path", "opened from disk"])
def crawled(request, browser) -> Crawl:
    if request.param == "served at the root":
        build, server = request.getfixturevalue("root_build"), request.getfixturevalue("root_server")
        site = Site(server.url + "/", build.site, from_disk=False)
    elif request.param == "served under a sub-path":
        build, server, base_url = request.getfixturevalue("sub_path_site")
        site = Site(base_url, build.site, from_disk=False)
    else:
        build = request.getfixturevalue("root_build")
        site = Site(build.site.as_uri() + "/", build.site, from_disk=True)
    return Crawl(site, build, crawl(browser, site))


def report(problems: list[str]) -> str:
    return f"{len(problems)} problem(s):\n  " + "\n  ".join(problems)


def test_crawling_from_the_home_page_reaches_every_page_that_was_written(crawled):
    written = crawled.build.html_files() - {"404.html"}
    reached = set(crawled.pages)
    assert len(written) > 1, "the build wrote no pages to check"
    assert not written - reached, report([f"never linked to: {p}" for p in sorted(written - reached)])
    assert not reached - written, report([f"reached but not written: {p}" for p in sorted(reached - written)])


def test_every_internal_link_and_asset_resolves(crawled):
    problems = []
    checked: dict[str, bool] = {}
    home = host_of(crawled.site.root_url)
    for page in crawled.pages.values():
        for url in page.links + page.assets:
            if crawled.site.file_for(url) is None:
                if host_of(url) == home:
                    problems.append(f"{page.path}: {url} points outside the site")
                continue
            key = url.split("#")[0]
            if key not in checked:
                checked[key] = crawled.site.resolves(url)
            if not checked[key]:
                problems.append(f"{page.path}: {url} does not resolve")
    assert checked, "no internal link was found"
    assert not problems, report(problems)


def test_every_link_to_a_fragment_lands_on_an_element_with_that_id(crawled):
    problems = []
    for page in crawled.pages.values():
        for url in page.links:
            target = crawled.site.file_for(url)
            if target is None or "#" not in url:
                continue
            fragment = url.split("#", 1)[1]
            if target in crawled.pages and fragment not in crawled.pages[target].ids:
                problems.append(f"{page.path}: no element #{fragment} on {target}")
    assert not problems, report(problems)


def test_no_page_logs_an_error_to_the_console(crawled):
    problems = [f"{p.path}: {message}" for p in crawled.pages.values() for message in p.console_errors]
    assert not problems, report(problems)


def test_every_page_loads_its_stylesheet(crawled):
    problems = [p.path for p in crawled.pages.values() if not p.styled]
    assert not problems, report([f"{p}: the stylesheet did not apply" for p in problems])


def test_no_page_loads_anything_from_another_host(crawled):
    home = host_of(crawled.site.root_url)
    problems = [f"{p.path}: {r}" for p in crawled.pages.values() for r in p.resources if host_of(r) != home]
    assert not problems, report(problems)


@pytest.mark.parametrize("width", WIDTHS)
def test_no_page_scrolls_sideways(crawled, width):
    problems = [f"{p.path}: {p.overflow[width][0]}px of content in a {p.overflow[width][1]}px-wide window"
                for p in crawled.pages.values() if p.overflow[width][0] > p.overflow[width][1]]
    assert not problems, report(problems)


@pytest.mark.parametrize("scheme", SCHEMES)
def test_axe_finds_no_accessibility_violations(crawled, scheme):
    problems = []
    for page in crawled.pages.values():
        for violation in page.violations[scheme]:
            where = "; ".join(" ".join(node["target"]) for node in violation["nodes"][:3])
            problems.append(f"{page.path}: {violation['id']} ({violation['impact']}): {violation['help']} at {where}")
    assert not problems, report(problems)


def test_every_page_starts_with_its_one_h1_and_never_skips_a_heading_level(crawled):
    problems = []
    for page in crawled.pages.values():
        levels = [level for level, _ in page.headings]
        if levels.count(1) != 1 or levels[0] != 1:
            problems.append(f"{page.path}: headings start {levels[:3]}, expected one h1 first")
        for (before, _), (level, text) in zip(page.headings, page.headings[1:]):
            if level > before + 1:
                problems.append(f"{page.path}: h{level} '{text}' follows an h{before}")
    assert not problems, report(problems)


def test_printing_hides_the_navigation(crawled):
    problems = [p.path for p in crawled.pages.values() if not p.print_hides_navigation]
    assert not problems, report([f"{p}: navigation still shown in print" for p in problems])


def missing_page_problems(browser, url: str, site: Site) -> list[str]:
    """Opens a URL that has no page and checks that the site's own 404 page shows, styled, with working links."""
    set_width(browser, WIDTHS[0])
    browser.get(url)
    browser.get_log("browser")
    problems = []
    if "Page not found" not in browser.title:
        problems.append(f"{url}: title is '{browser.title}', not the site's 404 page")
    if not browser.execute_script("return getComputedStyle(document.documentElement).getPropertyValue('--bg') !== ''"):
        problems.append(f"{url}: the 404 page's stylesheet did not apply")
    links = browser.execute_script("return [...document.querySelectorAll('a[href], link[href]')].map(a => a.href)")
    elsewhere = [link for link in links if link.split("#")[0] != url]
    problems += [f"{url}: {link} does not resolve" for link in elsewhere if not site.resolves(link)]
    return problems


def test_a_missing_page_at_the_root_shows_the_site_404_page(browser, root_build, root_server):
    site = Site(root_server.url + "/", root_build.site, from_disk=False)
    problems = missing_page_problems(browser, root_server.url + "/no-such-page", site)
    assert not problems, report(problems)


def test_a_missing_page_deep_under_the_sub_path_shows_the_site_404_page(browser, sub_path_site):
    build, server, base_url = sub_path_site
    site = Site(base_url, build.site, from_disk=False)
    problems = missing_page_problems(browser, server.url + SUB_PATH + "actors/no/such/page/", site)
    assert not problems, report(problems)
