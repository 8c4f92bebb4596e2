"""The peer of scripts/bench-prerender.sh: Jinja2, the template engine of
Pelican and MkDocs, writes each release's page (title, description, Open
Graph tags, date, place, fact list, full text, links) from the same chunk
files that dateline-prerender reads, into DIST/release/ID/index.html.

Usage: python3 prerender_jinja.py DIST TEMPLATE_HTML
"""
import json
import os
import sys

from jinja2 import Environment

PAGE = """<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<title>{{ r.title }} — Dateline</title>
<meta name="description" content="{{ description }}">
<meta property="og:type" content="article"><meta property="og:title" content="{{ r.title }}">
<meta property="og:description" content="{{ description }}">
<script type="application/ld+json">{{ json_ld }}</script>
</head><body><div id="app"><main id="main"><article class="release-detail">
<p class="back"><a href="/dateline/">← All releases</a></p>
<h1 id="release-title">{{ r.title }}</h1>
<p class="release-meta">{% if r.date %}<time datetime="{{ r.date }}">{{ r.date }}</time>{% endif %}
{% if r.dateline and r.dateline.city %}<span class="place">{{ r.dateline.city }}</span>{% endif %}</p>
<section class="facts"><h2>Key facts</h2><dl>
{% for c in r.countries %}<dt>Country</dt><dd><a href="/dateline/country/{{ c.code }}">{{ c.name }}</a></dd>{% endfor %}
{% for o in r.organisations %}<dt>Organisation</dt><dd>{{ o.name or o.acronym }}</dd>{% endfor %}
{% for p in r.people %}<dt>Person</dt><dd>{{ p.name }}{% if p.role %}, {{ p.role }}{% endif %}</dd>{% endfor %}
</dl></section>
<section class="release-text"><div class="release-body">{% for p in r.body %}<p>{{ p }}</p>{% endfor %}</div></section>
</article></main></div></body></html>"""


def main(dist):
    env = Environment(autoescape=True)
    page = env.from_string(PAGE)
    chunks = os.path.join(dist, "data", "r")
    pages = 0
    for name in sorted(os.listdir(chunks)):
        with open(os.path.join(chunks, name), encoding="utf-8") as f:
            releases = json.load(f)
        for r in releases:
            lede = next((p for p in r.get("body", []) if p.strip()), "")
            html = page.render(
                r=r,
                description=lede[:160],
                json_ld=json.dumps({"@type": "NewsArticle", "headline": r["title"],
                                    "articleBody": "\n\n".join(r.get("body", []))}).replace("<", "\\u003c"),
            )
            folder = os.path.join(dist, "release", r["id"])
            os.makedirs(folder, exist_ok=True)
            with open(os.path.join(folder, "index.html"), "w", encoding="utf-8") as out:
                out.write(html)
            pages += 1
    print(f"jinja2: {pages} pages", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1])
