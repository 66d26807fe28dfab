"""An HTML page's text as lines: every block of its ``<body>`` a line, as scraped text reads.

Paragraph-level elements (``p``, ``div``, ``h1``...) are set apart by a blank line; list
items, table rows and ``<br>`` start a new line within a block. Menus, captions and
footers stay: the line rules decide what is article, and ``--explain`` shows each
removal. Used for ``.html`` files (``corpuskit.corpus.html``) and, in the decode stage,
for any document whose text is an HTML page (a ``.txt`` or JSONL text holding markup).
"""
from __future__ import annotations

import re

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

    # An explicit stack, not recursion: pages nest deeper than Python's recursion limit. An
    # entry with a tag is an element's end (after its children): its break, then its tail.
    stack: list[tuple[object, str | None]] = [(body, None)]
    while stack:
        el, closing = stack.pop()
        if closing is not None:
            if closing in _BLOCK or closing in _LINE:
                flush(closing in _BLOCK)
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
        stack.append((el, tag))
        stack.extend((child, None) for child in reversed(el))
    flush(True)
    return "\n".join(lines).replace("\x00", "")


# What a page opens with: a doctype (of any spelling, even cut short: "<!DOCTYPE htm"), <html> or
# <head>, or the head's own elements as a browser's saved DOM or a cut page opens (<meta charset>,
# <title>, <link>, <script>, <style>); else a block element, for a fragment of article markup.
_PAGE_START = re.compile(r"\ufeff?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:(!doctype(?=\s)|html|head|meta|title|link|script|"
                         r"style)|(?:body|div|p|article|section|main|table|ul|ol|h[1-6]|header|nav|figure))[\s>/]",
                         re.IGNORECASE | re.DOTALL)


def is_page(text: str) -> bool:
    """Whether a text is an HTML page: it opens with a doctype, ``<html>``, ``<head>`` or an element
    of the head (a saved DOM, a page cut short), or it is
    a fragment that opens with a block element and closes tags (a crawl's article markup).
    Inline markup in prose is no page.

    >>> is_page("<!DOCTYPE html><html><body>x</body></html>"), is_page("<div><p>Text.</p></div>")
    (True, True)
    >>> is_page("<b>bold</b> text"), is_page("<p> is the paragraph tag")
    (False, False)
    >>> is_page('<head><meta charset="utf-8"><title>T</title></head><body><p>x</p></body>'), is_page("<!DOCTYPE htm <div>")
    (True, True)
    """
    m = _PAGE_START.match(text[:2000])
    return m is not None and (m.group(1) is not None or "</" in text[:20000])
