"""Fixtures for the browser tests: the real dossier built into temporary folders, served three ways, and one browser.

The dossier is built from `content/` (or $DOSSIER_CONTENT) with the `dossier` binary in `.build/`
(or $DOSSIER_BIN). The same site is checked served over HTTP at the root, opened from disk, and,
built with a base URL, served under the sub-path `/some/prefix/`.
"""

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.chrome.service import Service

from site_server import SiteServer

REPO = Path(__file__).resolve().parents[2]
SUB_PATH = "/some/prefix/"


def dossier_binary() -> Path:
    """$DOSSIER_BIN, else the most recently built of the debug and release binaries."""
    if os.environ.get("DOSSIER_BIN"):
        return Path(os.environ["DOSSIER_BIN"]).resolve()
    built = [p for p in (REPO / ".build/debug/dossier", REPO / ".build/release/dossier") if p.exists()]
    if not built:
        pytest.fail("no dossier binary in .build/: run `swift build` (or `make test`) first", pytrace=False)
    return max(built, key=lambda p: p.stat().st_mtime)


def content_folder() -> Path:
    return Path(os.environ.get("DOSSIER_CONTENT", REPO / "content")).resolve()


class Build:
    """A finished `dossier build`: where the site is, and what the command printed."""

    def __init__(self, site: Path, output: str):
        self.site = site
        self.output = output

    def html_files(self) -> set[str]:
        """Every HTML file written, as a path below the site, e.g. `actors/italy/index.html`."""
        return {p.relative_to(self.site).as_posix() for p in self.site.rglob("*.html")}


def build(output: Path, base_url: str | None = None) -> Build:
    command = [str(dossier_binary()), "build", "--content", str(content_folder()),
               "--templates", str(REPO / "templates"), "--output", str(output)]
    if base_url:
        command += ["--base-url", base_url]
    result = subprocess.run(command, capture_output=True, text=True, cwd=REPO)
    printed = result.stdout + result.stderr
    if result.returncode != 0:
        pytest.fail(f"dossier build failed ({result.returncode}):\n{printed}", pytrace=False)
    return Build(output, printed)


@pytest.fixture(scope="session")
def root_build(tmp_path_factory) -> Build:
    """The dossier built with no base URL: served at the root and opened from disk."""
    return build(tmp_path_factory.mktemp("root") / "public")


@pytest.fixture(scope="session")
def root_server(root_build):
    with SiteServer(root_build.site, not_found="/404.html") as server:
        yield server


@pytest.fixture(scope="session")
def sub_path_site(tmp_path_factory):
    """The dossier built with a base URL under `/some/prefix/` and served from the folder above it."""
    served = tmp_path_factory.mktemp("served")
    with SiteServer(served, not_found=SUB_PATH + "404.html") as server:
        base_url = server.url + SUB_PATH
        yield build(served / SUB_PATH.strip("/"), base_url=base_url), server, base_url


@pytest.fixture(scope="session")
def browser():
    """One headless Chromium for every test, through the Debian chromedriver; console messages kept."""
    driver_path = shutil.which("chromedriver") or "/usr/bin/chromedriver"
    options = webdriver.ChromeOptions()
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium:
        options.binary_location = chromium
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--hide-scrollbars", "--disable-extensions", "--no-first-run"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(driver_path), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    yield driver
    driver.quit()


# A run that passed no test must not look green to CI.
_passed = 0


def pytest_runtest_logreport(report):
    global _passed
    if report.when == "call" and report.passed:
        _passed += 1


def pytest_sessionfinish(session, exitstatus):
    if exitstatus == 0 and _passed == 0:
        session.exitstatus = 1
