"""The browser report: self-contained, grouped by story then fact, each side with outlet, date and
link, the figure marked, the articles embedded with the cited sentence marked; untrusted text
escaped; and, in a real headless Chromium when one is installed, the filters and the article view."""

from __future__ import annotations

import re
import shutil
import subprocess
from html import escape
from html.parser import HTMLParser

import pytest

from claimcheck.records import Article, Claim, Discrepancy
from claimcheck.report.html import render_html

TEXT_A = "Bilan du séisme\n\nSelon la préfecture, 120 personnes sont mortes à Tiznit.\n\nLes secours sont là.\n"
TEXT_B = "Le séisme a fait 45 morts à Tiznit, selon la préfecture.\n"
TEXT_C = "Grève : selon la CGT, 20 000 manifestants ; selon la police, 8 000 manifestants.\n"


def _claim(doc: str, n: int, text: str, figure: str, sentence: str) -> Claim:
    s = text.index(sentence)
    f = text.index(figure, s)
    return Claim(f"{doc}:{n:04d}", doc, "quantity", figure, f, f + len(figure), figure, sentence=sentence,
                 sent_start=s, sent_end=s + len(sentence))


SA = "Selon la préfecture, 120 personnes sont mortes à Tiznit."
SB = "Le séisme a fait 45 morts à Tiznit, selon la préfecture."
CLAIMS = [_claim("a", 1, TEXT_A, "120", SA), _claim("b", 1, TEXT_B, "45", SB),
          _claim("c", 1, TEXT_C, "20 000", "selon la CGT, 20 000 manifestants ;"),
          _claim("c", 2, TEXT_C, "8 000", "selon la police, 8 000 manifestants.")]
ITEMS = [
    Discrepancy("quantity", "mort · Tiznit", "a", "b", SA, SB, "120 mort", "45 mort", 0.85,
                "a says 120 morts; b says 45", "a:0001", "b:0001"),
    Discrepancy("attribution", "manifestant", "c", "c", CLAIMS[2].sentence, CLAIMS[3].sentence, "20000 manifestant",
                "8000 manifestant", 0.2, "two sources disagree", "c:0001", "c:0002"),
]
DOCS = {
    "a": Article("a", TEXT_A, outlet="Le Courrier", published="2023-09-09", url="https://courrier.example/seisme",
                 title="Bilan du séisme"),
    "b": Article("b", TEXT_B, outlet="La Gazette", url="javascript:alert(1)"),
    "c": Article("c", TEXT_C),
}


class _Page(HTMLParser):
    """Tags, attributes and the ids of a page, to check it without a browser."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        self.tags.append((tag, dict(attrs)))


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def test_the_report_is_one_self_contained_page_with_a_viewport():
    page = render_html(ITEMS, documents=DOCS, claims=CLAIMS)
    tags = _parse(page).tags
    assert page.startswith("<!doctype html>")
    assert ("meta", {"name": "viewport", "content": "width=device-width, initial-scale=1"}) in tags
    assert not [t for t, a in tags if t in ("link", "img", "iframe") or (t == "script" and "src" in a)]
    assert not re.search(r"url\(|@import", page)  # nothing fetched by the style sheet
    links = [a["href"] for t, a in tags if t == "a"]
    assert all(h.startswith("#") or h == "https://courrier.example/seisme" for h in links), links


def test_sides_show_outlet_date_link_and_the_figure_marked():
    page = render_html(ITEMS, documents=DOCS, claims=CLAIMS)
    assert "<strong>Le Courrier, 2023-09-09</strong>" in page and "<strong>La Gazette</strong>" in page
    assert 'href="https://courrier.example/seisme"' in page
    assert "javascript:" not in page  # a page's metadata URL is a link only when it is http(s)
    assert "Selon la préfecture, <mark class=\"figure\">120</mark> personnes" in page
    assert "Le séisme a fait <mark class=\"figure\">45</mark> morts" in page
    assert "Le Courrier, 2023-09-09 says 120 morts; La Gazette says 45" in page  # ids named in the explanation


def test_discrepancies_are_grouped_by_story_then_fact_with_counts():
    page = render_html(ITEMS, documents=DOCS, claims=CLAIMS)
    stories = re.findall(r'<section class="story" id="(story-\d+)"', page)
    assert stories == ["story-1", "story-2"]  # a–b, and c alone: no discrepancy joins them
    first = page[page.index('id="story-1"'):page.index('id="story-2"')]
    assert "Story 1: Bilan du séisme" in first and "<h3>mort · Tiznit</h3>" in first and 'id="d1"' in first
    summary = page[page.index('aria-label="summary"'):page.index("</section>", page.index('aria-label="summary"'))]
    assert "Bilan du séisme</a>: 2 documents, 1 discrepancy" in summary
    assert "<li>quantity: 1</li>" in summary and "<li>attribution: 1</li>" in summary
    assert '<span class="sev high">high</span> 1' in summary and '<span class="sev low">low</span> 1' in summary


def test_the_articles_are_embedded_with_the_cited_sentences_marked():
    page = render_html(ITEMS, documents=DOCS, claims=CLAIMS)
    ids = {a.get("id") for _, a in _parse(page).tags}
    reads = re.findall(r'<a class="read" href="#([^"]+)">', page)
    assert len(reads) == 4 and set(reads) <= ids  # every "read it in the article" lands on a sentence
    article = page[page.index('<article class="article" id="doc-a">'):]
    article = article[:article.index("</article>")]
    assert f'<mark class="cited" id="doc-a-s1">{SA}</mark>' in article and "Les secours sont là." in article
    assert page.count('<mark class="cited"') == 4  # two sentences in c, one in a, one in b


def test_text_from_articles_is_escaped():
    hostile = "<script>alert('x')</script> 120 morts <img src=x onerror=alert(1)>"
    item = Discrepancy("quantity", "<b>mort</b>", "a", "b", hostile, SB, "120", "45", 0.8, "</article><script>")
    page = render_html([item])
    assert "<script>alert" not in page and "<img src=x" not in page and "&lt;script&gt;alert" in page
    assert page.count("<script>") == 1  # the report's own


def test_no_discrepancy_is_said():
    page = render_html([])
    assert "No discrepancy found." in page and 'id="controls"' not in page


def test_claim_tables_without_texts_still_render():
    docs = {k: Article(v.doc_id, "", outlet=v.outlet) for k, v in DOCS.items()}
    page = render_html(ITEMS, documents=docs, claims=CLAIMS)
    assert 'class="read"' not in page and "The articles" not in page
    assert "<mark class=\"figure\">120</mark>" in page


# ------------------------------------------------------------------------- a real browser
CHROMIUM = next((shutil.which(n) for n in ("chromium", "chromium-browser", "google-chrome") if shutil.which(n)), None)


def _chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
         "--disable-dev-shm-usage", "--virtual-time-budget=3000", *args],
        capture_output=True, text=True, timeout=120, check=False,
    )


# A script appended for the test only: it drives the page as a user would (choose a filter, click
# the link to the article) and writes what it saw into the page, which --dump-dom then prints.
DRIVER = """<script>
window.addEventListener("load", function () {
  var out = [];
  function visible() { return Array.prototype.filter.call(document.querySelectorAll("article.d"),
    function (c) { return c.offsetParent !== null; }).map(function (c) { return c.id; }).join(","); }
  out.push("js=" + document.documentElement.className);
  out.push("all=" + visible());
  var kind = document.getElementById("f-kind"); kind.value = "attribution"; kind.dispatchEvent(new Event("change"));
  out.push("attribution=" + visible() + ";" + document.getElementById("shown").textContent);
  kind.value = ""; kind.dispatchEvent(new Event("change"));
  var outlet = document.getElementById("f-outlet"); outlet.value = "La Gazette"; outlet.dispatchEvent(new Event("change"));
  out.push("gazette=" + visible());
  outlet.value = ""; outlet.dispatchEvent(new Event("change"));
  var sort = document.getElementById("f-sort"); sort.value = "severity"; sort.dispatchEvent(new Event("change"));
  document.querySelector("a.read").click();
  var target = document.querySelector(":target");
  out.push("target=" + (target ? target.id + ":" + getComputedStyle(target).outlineStyle : "none"));
  out.push("width=" + window.innerWidth + ":" + document.documentElement.scrollWidth);
  parent.postMessage(out.join("|"), "*");
});
</script></body>"""
# Headless Chromium's window is at least 500 px wide: the report is shown in a 400 px frame.
FRAME = """<!doctype html><html><body style="margin:0">
<iframe src="report.html" style="width:400px;height:900px;border:0"></iframe><pre id="driver"></pre>
<script>window.addEventListener("message", function (e) { document.getElementById("driver").textContent = e.data; });</script>
</body></html>"""


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs it)")
def test_in_headless_chromium_the_filters_and_the_article_view_work(tmp_path):
    page = render_html(ITEMS, documents=DOCS, claims=CLAIMS).replace("</body>", DRIVER)
    (tmp_path / "report.html").write_text(page, encoding="utf-8")
    frame = tmp_path / "phone.html"
    frame.write_text(FRAME, encoding="utf-8")
    result = _chromium("--allow-file-access-from-files", "--dump-dom", frame.as_uri())
    found = re.search(r'<pre id="driver">([^<]*)</pre>', result.stdout)
    assert found, result.stderr[-2000:]
    seen = dict(part.split("=", 1) for part in found.group(1).split("|"))
    assert seen["js"] == "js"
    assert seen["all"] == "d1,d2"
    assert seen["attribution"] == "d2;1 of 2 shown"
    assert seen["gazette"] == "d1"
    assert seen["target"] == "doc-a-s1:solid"  # the link opened the sentence in the article, marked
    inner, scrolled = (int(x) for x in seen["width"].split(":"))
    assert inner == 400 and scrolled <= 400  # nothing wider than a 400 px screen


@pytest.mark.skipif(CHROMIUM is None, reason="no Chromium on this machine (.ci/run installs it)")
def test_in_headless_chromium_without_script_everything_is_shown(tmp_path):
    path = tmp_path / "report.html"
    page = render_html(ITEMS, documents=DOCS, claims=CLAIMS)
    # The page's own script blocked, as with scripts off (--dump-dom itself needs script in the browser).
    blocked = page.replace("<head>", """<head><meta http-equiv="Content-Security-Policy" content="script-src 'none'">""")
    path.write_text(blocked, encoding="utf-8")
    result = _chromium("--dump-dom", path.as_uri())
    assert '<html lang="fr" class="no-js">' in result.stdout  # the script did not run
    assert result.stdout.count('<article class="d ') == 2
    assert not re.search(r'class="[^"]*\bhidden\b', result.stdout)  # every discrepancy is shown


def test_diff_of_saved_pages_to_html_end_to_end(nlp, tmp_path, monkeypatch):
    from saved_pages import QUAKE_A, QUAKE_B, news_page
    from typer.testing import CliRunner

    from claimcheck.cli import app

    monkeypatch.setenv("CLAIMCHECK_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "pages"
    folder.mkdir()
    (folder / "courrier.html").write_text(news_page(*QUAKE_A), encoding="utf-8")
    (folder / "gazette.html").write_text(news_page(*QUAKE_B, site="La Gazette", url="https://gazette.example/45"),
                                         encoding="utf-8")
    out = tmp_path / "report.html"
    result = CliRunner().invoke(app, ["diff", str(folder), "-o", str(out), "--quiet"])
    assert result.exit_code == 0, result.output
    page = out.read_text(encoding="utf-8")
    assert "<strong>Le Courrier du Sud, 2023-09-09</strong>" in page and "<strong>La Gazette, 2023-09-09</strong>" in page
    assert 'href="https://gazette.example/45"' in page
    # The first page's title, then the story's distinctive words (its `story` column).
    assert f"Story 1: {escape(QUAKE_A[0]).replace('&#x27;', '&#39;')} — " in page
    assert page.count('<article class="article"') == 2 and 'mark class="cited"' in page
