"""A real headless browser for the review pages: Debian's chromium, installed here when missing (CI runs as root).

``dump_dom(path, fragment)`` opens a page from disk and returns the DOM after its
script ran, parsed into marks (``<mark class="rec">``: record index, classes,
text content), table rows and sections, with the standard library's parser.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

import pytest

FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def _install() -> None:
    """apt-get install chromium; a failure or a hang (bounded) leaves it missing, and the browser tests skip."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    try:
        subprocess.run(["apt-get", "update", "-qq"], env=env, capture_output=True, timeout=300)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium"], env=env, capture_output=True, timeout=600)
    except (OSError, subprocess.TimeoutExpired):
        pass


@pytest.fixture(scope="session")
def chromium() -> str:
    exe = shutil.which("chromium")
    if exe is None and shutil.which("apt-get") and hasattr(os, "geteuid") and os.geteuid() == 0:
        _install()
        exe = shutil.which("chromium")
    if exe is None:
        pytest.skip("no chromium to open the review pages (apt-get install chromium, as root, installs it)")
    return exe


@dataclass
class Element:
    tag: str
    attrs: dict
    section: str | None
    text: list[str] = field(default_factory=list)

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    @property
    def content(self) -> str:
        return "".join(self.text)


class Dom(HTMLParser):
    """The marks, rows and sections of a rendered review page, and its summary."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.marks: list[Element] = []
        self.rows: list[Element] = []
        self.sections: list[str] = []
        self.shown: dict = {}
        self.ready: str | None = None
        self._open: list[Element] = []   # marks and rows being read
        self._section: str | None = None
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "body":
            self.ready = a.get("data-ready")
        if tag == "section" and "doc" in (a.get("class") or "").split():
            self._section = a.get("data-k")
            self.sections.append(self._section)
        if tag == "span" and a.get("id") == "shown":
            self.shown = {"docs": int(a["data-docs"]), "records": int(a["data-records"])}
        if tag == "mark" and "rec" in (a.get("class") or "").split():
            el = Element(tag, a, self._section)
            self.marks.append(el)
            self._open.append(el)
        if tag == "tr" and "data-r" in a:
            el = Element(tag, a, self._section)
            self.rows.append(el)
            self._open.append(el)

    def handle_endtag(self, tag):
        for i in range(len(self._open) - 1, -1, -1):
            if self._open[i].tag == tag:
                del self._open[i]
                break

    def handle_data(self, data):
        for el in self._open:
            el.text.append(data)


@pytest.fixture(scope="session")
def parse_dom():
    """The parser of rendered pages, for tests that build their own HTML."""
    return Dom


@pytest.fixture(scope="session")
def dump_dom(chromium, tmp_path_factory):
    profile = tmp_path_factory.mktemp("chromium-profile")

    def dump(path: Path, fragment: str = "") -> Dom:
        url = Path(path).resolve().as_uri() + (f"#{fragment}" if fragment else "")
        done = subprocess.run([chromium, *FLAGS, f"--user-data-dir={profile}", "--dump-dom", url],
                              capture_output=True, timeout=120)
        assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
        dom = Dom(done.stdout.decode("utf-8"))
        assert dom.ready, "the page's script did not finish"
        return dom

    return dump
