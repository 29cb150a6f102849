"""Saved news pages as a browser writes them: a full HTML document with its meta tags and JSON-LD,
menus, related links, a cookie banner and a footer around the article."""

from __future__ import annotations

import json
from html import escape


def news_page(
    title: str,
    paragraphs: list[str],
    *,
    site: str | None = "Le Courrier du Sud",
    published: str | None = "2023-09-09T08:30:00+02:00",
    url: str | None = "https://www.courrier-sud.example/monde/seisme-bilan",
    jsonld: bool = True,
    charset: str = "utf-8",
) -> str:
    """A news page: `title` and `paragraphs` are the article; everything else is page furniture."""
    head = [f'<meta charset="{charset}">', '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f"<title>{escape(title)} | {escape(site or 'Actualités')}</title>",
            f'<meta property="og:title" content="{escape(title)}">', '<meta property="og:type" content="article">']
    if site:
        head.append(f'<meta property="og:site_name" content="{escape(site)}">')
    if url:
        head += [f'<meta property="og:url" content="{escape(url)}">', f'<link rel="canonical" href="{escape(url)}">']
    if published:
        head.append(f'<meta property="article:published_time" content="{published}">')
    if jsonld:
        data = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": title}
        if published:
            data["datePublished"] = published
        if site:
            data["publisher"] = {"@type": "Organization", "name": site}
        head.append(f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>')
    head.append("<style>body{font-family:sans-serif} .menu li{display:inline}</style>")
    body = "\n".join(f"<p>{escape(p)}</p>" for p in paragraphs)
    return f"""<!DOCTYPE html>
<html lang="fr">
<head>
{chr(10).join(head)}
</head>
<body>
<div id="cookies">Nous utilisons des cookies pour améliorer votre expérience. <button>Accepter</button></div>
<header><a class="logo" href="/">{escape(site or '')}</a>
<nav><ul class="menu"><li><a href="/">Accueil</a></li><li><a href="/monde">Monde</a></li>
<li><a href="/politique">Politique</a></li><li><a href="/sport">Sport</a></li><li><a href="/abonnement">S'abonner</a></li></ul></nav>
</header>
<main>
<article>
<h1>{escape(title)}</h1>
<p class="byline">Par la rédaction</p>
{body}
</article>
<aside class="related"><h2>À lire aussi</h2><ul>
<li><a href="/sport/match">Ligue 1 : les 5 buts du week-end</a></li>
<li><a href="/eco/bourse">La Bourse de Paris gagne 2 % en une séance</a></li></ul></aside>
</main>
<footer><p>© 2023 {escape(site or '')}. Tous droits réservés.</p><ul><li>Mentions légales</li><li>Contact</li></ul></footer>
<script>window.dataLayer = window.dataLayer || []; dataLayer.push({{"page": "article", "count": 999}});</script>
</body>
</html>
"""


QUAKE_A = ("Séisme au Maroc : le bilan s'alourdit", [
    "Selon la protection civile, 120 personnes sont mortes dans la région de Tiznit après le séisme de vendredi soir.",
    "Les secours ont déployé des équipes dans les villages de montagne, où les routes restent coupées.",
])
QUAKE_B = ("Maroc : les secours fouillent les décombres", [
    "Le séisme a fait 45 morts dans la région de Tiznit, selon la protection civile.",
    "Les habitants ont passé la nuit dehors, par crainte de nouvelles répliques.",
])
