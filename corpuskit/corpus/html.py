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

import hashlib
import re

from ..config import Config
from ..document import Document
from ..stages.decode import decode

_XML_DECL = re.compile(r"^\ufeff?\s*<\?xml[^>]*\?>")
# Never text a reader sees: code, embedded objects, form controls, the <head>.
_SKIP = frozenset({"script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed",
                   "head", "select", "option", "button", "textarea", "input"})
# Paragraph-level elements: a blank line after each (their text is one block).
_BLOCK = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "section", "article", "header", "footer",
                    "nav", "aside", "blockquote", "pre", "table", "form", "main", "figure", "figcaption",
                    "ul", "ol", "dl", "address", "center", "hr", "details", "summary", "fieldset"})
# Elements that start a line inside a block.
_LINE = frozenset({"li", "tr", "dt", "dd", "br", "caption", "legend"})


def page_lines(page: str) -> str:
    """The text of an HTML page's body, one block or line per line (the ``lines`` way).

    >>> print(page_lines("<body><nav><a>Home</a> <a>News</a></nav><h1>Title</h1>"
    ...                  "<p>One<br>two</p><ul><li>a</li><li>b</li></ul><script>x()</script></body>"))
    Home News
    <BLANKLINE>
    Title
    <BLANKLINE>
    One
    two
    <BLANKLINE>
    a
    b
    <BLANKLINE>
    """
    import lxml.html
    from lxml import etree

    # lxml refuses a str that declares its encoding (an XHTML page's <?xml ... encoding="utf-8"?>):
    # the text is decoded already, so the declaration goes.
    page = _XML_DECL.sub("", page, count=1)
    try:
        # huge_tree lifts libxml2's nesting limit from 256 to 2048: pages with hundreds
        # of unclosed <div>s would otherwise lose everything below that depth.
        root = lxml.html.document_fromstring(page, parser=lxml.html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError):  # empty, or only a comment
        return ""
    body = root.find("body")
    if body is None:
        body = root
    lines: list[str] = []  # "" marks a block end
    buf: list[str] = []

    def flush(block: bool) -> None:
        text = " ".join("".join(buf).split())
        buf.clear()
        if text:
            lines.append(text)
        if block and lines and lines[-1]:
            lines.append("")

    # An explicit stack, not recursion: pages nest deeper than Python's recursion limit.
    stack: list[tuple[object, bool]] = [(body, False)]
    while stack:
        el, closing = stack.pop()
        if closing:  # after the element's children: its end, then its tail
            tag = el.tag.lower()
            if tag in _BLOCK or tag in _LINE:
                flush(tag in _BLOCK)
            buf.append(el.tail or "")
            continue
        tag = el.tag.lower() if isinstance(el.tag, str) else None
        if tag is None or tag in _SKIP:  # a comment or processing instruction, or skipped
            if el is not body:
                buf.append(el.tail or "")
            continue
        if tag in _BLOCK or tag in _LINE:
            flush(tag in _BLOCK)
        buf.append(el.text or "")
        stack.append((el, True))
        stack.extend((child, False) for child in reversed(el))
    flush(True)
    return "\n".join(lines).replace("\x00", "")


def html_document(data: bytes, config: Config, path: str | None = None) -> Document:
    """An HTML page as a document for the pipeline: its text (``corpus.html``), with the
    encoding and hash of its bytes (ValueError when the page holds no text)."""
    cfg = config.decode
    page, encoding = decode(data, cfg.candidates, cfg.detector)
    if config.corpus.html == "trafilatura":
        text = _main_text(page)
    else:
        try:
            text = page_lines(page)
        except ImportError:
            raise ValueError("HTML input needs the html extra: pip install 'corpuskit[html]'") from None
        if not text.strip():
            raise ValueError("no text found in the HTML page")
    doc = Document(input=text, path=path, encoding=encoding, sha256=hashlib.sha256(data).hexdigest())
    if encoding.endswith("-replace"):
        doc.flag("undecodable-bytes")
    return doc


def _main_text(page: str) -> str:
    try:
        import trafilatura
    except ImportError:
        raise ValueError("HTML input needs the html extra: pip install 'corpuskit[html]'") from None
    text = trafilatura.extract(page, include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False)
    if not text or not text.strip():
        raise ValueError("no main text found in the HTML page (try --html lines)")
    title = trafilatura.extract_metadata(page)
    if title is not None and title.title and not text.startswith(title.title):
        text = f"{title.title}\n\n{text}"
    return text
