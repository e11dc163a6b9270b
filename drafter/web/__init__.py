"""`drafter serve`: a local web workbench over `drafter.api`, for people who do not
use a terminal.

    server.py    binding 127.0.0.1, the launch token, opening the browser
    security.py  the guard in front of every request (token, Host, Origin, size)
    app.py       the pages and the API, each endpoint a call of drafter.api
    pages.py     server-rendered HTML (Jinja2, autoescape), names from the vocabulary
    corpus.py    the corpus page: outlines, uploads under safe names, re-mining
    templates/, static/   the HTML, CSS and hand-written JavaScript (no build step)

Imported only by `drafter serve`: `drafter --help`, `draft` and `parse` never load
the web framework.
"""
