"""Turn Safer Neighbourhood ward panel data into a public website.

The package never imports MkDocs: it loads, validates, models and renders. A thin hook
module (``hooks/mkdocs_hooks.py``) adapts it to MkDocs, so the same core can serve
another site generator when Material for MkDocs reaches its end of life.
"""
