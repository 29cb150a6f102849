"""Saved web pages → article text and metadata, through trafilatura.

trafilatura finds the main text of a news page (dropping menus, related links, footers and reader
comments) and reads its metadata from meta tags and JSON-LD: title, publication date, site name,
canonical URL. What this module adds:

- the bytes are decoded here (`reading.decode`: UTF-8, then French legacy encodings) and a `str`
  is handed over (LIBRARIES.md: trafilatura's own guess is less reliable);
- the date comes from the page's metadata only (`extensive_search=False`): with htmldate's
  extensive search, a page without a date but with "© 2023" in its footer got 2023-01-01, a wrong
  publication date that would anchor every relative date of the article;
- the title is the first line of the text (claimcheck's sections take the first line as the
  title), and paragraphs are separated by a blank line, as in the `.txt` articles;
- `favor_precision=True`: on a test page with a byline, the default (balanced) extraction ran the
  title, the byline and every paragraph into one line, which hides the title from claimcheck's
  sections; the precise one keeps one paragraph per line and drops the byline;
- a page with no article (no paragraph of `MIN_WORDS` words: a menu, an index, an error page) is
  an error, never an article made of menu items (trafilatura falls back to the whole page's text).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

# No paragraph of this many words in the main text: the page is a menu, an index or an error page
# (a cookie banner is 8 words; an article's sentences are longer).
MIN_WORDS = 10

# trafilatura, htmldate and courlan log through the standard logging module; with no handler
# Python would print their warnings on stderr ("discarding data"), outside claimcheck's one-line rule.
for _name in ("trafilatura", "htmldate", "courlan", "justext"):
    logging.getLogger(_name).addHandler(logging.NullHandler())
    logging.getLogger(_name).propagate = False


@dataclass(frozen=True, slots=True)
class Page:
    """The article found in a web page, with what the page says about itself (None: not said)."""

    text: str
    title: str | None
    published: str | None  # YYYY-MM-DD
    outlet: str | None
    url: str | None


class NoArticle(ValueError):
    """The page holds no article text; the message says why."""


def extract_page(html: str) -> Page:
    """The main text and metadata of one HTML page.

    Raises:
        NoArticle: when the page has no main text of at least `MIN_WORDS` words.
    """
    import trafilatura

    if "<" not in html:
        raise NoArticle("no HTML markup (name a .txt file for plain text)")
    doc = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_images=False,
        favor_precision=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (getattr(doc, "text", None) or "") if doc is not None else ""
    paragraphs = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    longest = max((len(p.split()) for p in paragraphs), default=0)
    if longest < MIN_WORDS:
        raise NoArticle(f"no article text found in the page (no paragraph of {MIN_WORDS} words or more)")
    title = _clean(getattr(doc, "title", None))
    if title and paragraphs[0] != title:
        paragraphs.insert(0, title)
    return Page(
        text="\n\n".join(paragraphs) + "\n",
        title=title,
        published=_clean(getattr(doc, "date", None)),
        outlet=_clean(getattr(doc, "sitename", None)),
        url=_clean(getattr(doc, "url", None)),
    )


def looks_like_html(text: str) -> bool:
    """Whether a text read from standard input is a web page rather than a plain article."""
    head = text.lstrip("\ufeff \t\r\n")[:200].lower()
    return head.startswith(("<!doctype html", "<html", "<?xml", "<head", "<body", "<!--"))


def _clean(value: object) -> str | None:
    text = " ".join(str(value).split()) if value is not None else ""
    return text or None
