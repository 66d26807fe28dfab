"""``.html`` input: the main text extracted with trafilatura (the ``html`` extra), then cleaned as text.

trafilatura drops navigation, comments and most boilerplate by the page's
structure; what it lets through (bylines, datelines, copyright lines inside
the article body) is handled by the text pipeline like any scraped text.
"""
from __future__ import annotations

from ..config import Config
from ..stages.decode import decode


def html_to_text(data: bytes, config: Config) -> str:
    """The main text of an HTML page, one paragraph per line (ValueError when there is none)."""
    try:
        import trafilatura
    except ImportError:
        raise ValueError("HTML input needs the html extra: pip install 'corpuskit[html]'") from None
    page, _ = decode(data, config.decode.candidates)
    text = trafilatura.extract(page, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    if not text or not text.strip():
        raise ValueError("no main text found in the HTML page")
    title = trafilatura.extract_metadata(page)
    if title is not None and title.title and not text.startswith(title.title):
        text = f"{title.title}\n\n{text}"
    return text
