"""Article ingestion: formats (HTML, text, Markdown, JSON lines, URLs), dates, dedupe, cache.

Public entry points live in `analysis.sources.news` (`read_articles`, `stream_batches`,
`load_many`, `combine`). Modules: `ingest` (inputs → records or ItemError), `raw` (size cap,
binary and encoding checks), `html` + `meta` (pages: trafilatura body, newspaper4k fallback),
`dates` + `stamps` (publication day cascade), `plain`, `frontmatter`, `jsonl` (other formats),
`fetch` (URLs via newspaper4k), `text` (paragraphs, boilerplate, ids), `dedupe` (MinHash),
`cache` (parse cache by content hash), `quality` (F1 and day accuracy on hand-marked pages).
"""
