"""Cut an article's text into lines labelled by section: title, heading, keypoints, body, comment,
boilerplate. Pure text heuristics on the layout news pages share once turned into plain text.

Why lines: web articles pasted or extracted as text keep one paragraph, heading or list item per
line, and page furniture (bylines, share buttons, footers, reader comments) lives on lines of its
own. Only `body`, `title`, `heading` and `keypoints` are compared by default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

COMPARED_SECTIONS = frozenset({"body", "title", "heading", "keypoints"})

_BULLET = re.compile(r"^\s*(?:[•·▪►●◦*–—-]|\d+[.)])\s+")
_KEYPOINTS = re.compile(
    r"^\s*(?:points?\s+cl[ée]s?|l['’]essentiel|[àa]\s+retenir|ce\s+qu['’]il\s+faut\s+retenir|tl;?\s*dr"
    r"|en\s+bref|les\s+faits)\s*:?\s*$",
    re.I,
)
_COMMENTS_START = re.compile(
    r"^\s*(?:\d+\s+(?:commentaires?|r[ée]actions?)|(?:commentaires?|r[ée]agir|vos\s+r[ée]actions?|r[ée]actions?)"
    r"\s*(?:\(\s*\d+\s*\))?\s*:?)\s*$",
    re.I,
)
_COMMENTS_END = re.compile(r"^\s*(?:laissez|laisser|poster|[ée]crire|ajouter)\s+un\s+commentaire", re.I)
_RELATED = re.compile(
    r"^\s*(?:en\s+savoir\s+plus|[àa]\s+lire\s+aussi|lire\s+aussi|et\s+aussi|sur\s+le\s+m[êe]me\s+sujet"
    r"|tu\s+pourrais\s+aussi\s+aimer|vous\s+pourriez\s+aussi\s+aimer|derni[èe]res\s+nouvelles"
    r"|choix\s+de\s+l['’][ée]diteur|articles?\s+li[ée]s|[àa]\s+voir\s+aussi)\b",
    re.I,
)
_FURNITURE = re.compile(
    r"(?:tous\s+droits\s+r[ée]serv[ée]s|mentions\s+l[ée]gales|reproduction\s+interdite|©|™|abonnez-vous"
    r"|partager\s*(?:cet\s+article)?\s*[:·|]?|\bcookies\b|nous\s+contacter|se\s+connecter|temps\s+de\s+lecture"
    r"|https?://|www\.|\bnewsletter\b|^\s*r[ée]pondre\s*$|^\s*publicit[ée]\s*$|\bimprimer\b)",
    re.I,
)
_BYLINE = re.compile(r"^\s*(?:par|publi[ée]\s+(?:le|par)|mis\s+[àa]\s+jour)\s", re.I)
_BREADCRUMB = re.compile(r"[›»|]\s*\S")
_DATETIME_LINE = re.compile(r"\d{1,2}/\d{1,2}/\d{2,4}\s*(?:—|-|à)\s*\d{1,2}[:h]\d{2}")


@dataclass(frozen=True, slots=True)
class Line:
    start: int
    end: int
    section: str
    paragraph: int


def _is_furniture(text: str) -> bool:
    words = text.split()
    if _FURNITURE.search(text) or _BYLINE.match(text):
        return True
    if len(words) <= 12 and (_BREADCRUMB.search(text) or _DATETIME_LINE.search(text)):
        return True
    # A short line all in capitals is a site name or a menu item, not a sentence.
    if len(words) > 6:
        return False
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def _looks_like_heading(text: str) -> bool:
    stripped = text.strip()
    return len(stripped.split()) <= 14 and not re.search(r"[.!:;]\s*$", stripped) and not _BULLET.match(stripped)


def split_lines(text: str) -> list[Line]:
    """Label each non-empty line of `text` with its section and paragraph number."""
    raw: list[tuple[int, int, str]] = []
    pos = 0
    for chunk in text.splitlines(keepends=True):
        body = chunk.rstrip("\r\n")
        if body.strip():
            lead = len(body) - len(body.lstrip())
            raw.append((pos + lead, pos + len(body.rstrip()), body.strip()))
        pos += len(chunk)

    lines: list[Line] = []
    half = len(text) * 0.4
    mode = "body"
    title_seen = False
    body_seen = False
    for index, (start, end, content) in enumerate(raw):
        section = mode
        if mode in {"body", "keypoints", "related"}:
            if mode == "keypoints" and not _BULLET.match(content):
                mode = "body"
            if mode == "related" and not _BULLET.match(content):
                mode = "body"
            if _KEYPOINTS.match(content):
                mode, section = "keypoints", "boilerplate"
            elif _COMMENTS_START.match(content) and start >= half:
                mode, section = "comment", "boilerplate"
            elif _RELATED.match(content):
                mode, section = "related", "boilerplate"
            elif mode == "keypoints":
                section = "keypoints"
            elif mode == "related":
                section = "boilerplate"
            elif _is_furniture(content):
                section = "boilerplate"
                if re.search(r"tous\s+droits|©|mentions\s+l[ée]gales", content, re.I) and start >= half:
                    mode = "footer"
            elif _BULLET.match(content) and not body_seen:
                section = "keypoints"
            elif not title_seen and len(content.split()) >= 3:
                section, title_seen = "title", True
            elif _looks_like_heading(content) and index + 1 < len(raw):
                section = "heading"
            else:
                section, body_seen = "body", True
        elif mode == "comment":
            if _COMMENTS_END.match(content):
                mode, section = "footer", "boilerplate"
            elif re.search(r"tous\s+droits|©|mentions\s+l[ée]gales", content, re.I):
                mode, section = "footer", "boilerplate"
            elif re.fullmatch(r"\s*r[ée]pondre\s*", content, re.I):
                section = "boilerplate"
            else:
                section = "comment"
        else:
            section = "boilerplate"
        lines.append(Line(start, end, section, index))
    return lines
