"""Article ingestion: formats (HTML, text, Markdown, JSON lines, URLs), dates, dedupe, cache.

The public entry points live in `analysis.sources.news` (`read_articles`, `load_many`, `combine`).
"""
