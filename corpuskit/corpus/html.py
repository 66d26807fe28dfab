"""``.html`` input: the page's text as lines, then cleaned as any scraped text.

Two ways to get the text (``corpus.html``, ``--html``):

- ``lines`` (the default): every block of the page's ``<body>`` becomes a line,
  menus, captions and footers included, and the line rules decide what is
  article. Paragraph-level elements (``p``, ``div``, ``h1``...) are set apart by
  a blank line; list items, table rows and ``<br>`` start a new line within a
  block. This is the layout the rules are written and measured for, so an HTML
  page is cleaned as well as its scraped text is, and every removal shows in
  ``--explain``.
- ``trafilatura``: trafilatura's main-text extraction first (precision mode),
  then the line rules on what it lets through. It removes more by the page's
  structure, but that part cannot be explained line by line, and on older
  table-layout pages it finds no main text at all.
"""
from __future__ import annotations

from ..config import Config
from ..document import Document
from ..stages.decode import decode_raw
from ..stages.pagetext import page_lines


def html_document(data: bytes, config: Config, path: str | None = None) -> Document:
    """An HTML page as a document for the pipeline: its text (``corpus.html``), with the
    encoding and hash of its bytes (ValueError when the page holds no text)."""
    doc = Document(raw=data, path=path)
    decode_raw(doc, config.decode)
    doc.raw = None  # (decoded: the decode stage takes the page's text as it is)
    if config.corpus.html == "trafilatura":
        doc.input = _main_text(doc.input)
    else:
        doc.input = page_lines(doc.input)
        if not doc.input.strip():
            raise ValueError("no text found in the HTML page")
    return doc


def _main_text(page: str) -> str:
    try:
        import trafilatura
    except ImportError:
        raise ValueError("--html trafilatura needs the html extra: pip install 'corpuskit[html]'") from None
    text = trafilatura.extract(page, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    if not text or not text.strip():
        raise ValueError("no main text found in the HTML page (try --html lines)")
    title = trafilatura.extract_metadata(page)
    if title is not None and title.title and not text.startswith(title.title):
        text = f"{title.title}\n\n{text}"
    return text
