"""English page structure that line rules cannot see: a second look after the engine.

The engine (``classify.py``) decides every line from the rules in ``rules/en.toml`` and from
the page's shape. English news pages have a few layouts of their own, each handled here by
one small function over the decided lines (their ``action``/``reason``):

- a body sentence the page broke across two paragraphs, its first half dropped (``broken_sentence``);
- a photo gallery whose title repeats before every slide (``gallery``);
- a block of one-sentence teasers line after line under a related header (``blurb_block``);
- the lead photo's caption naming who it shows, "<name> during <event>.", under the headline (``lead_photo_caption``);
- a caption announced by a label on the line above, "Image caption," (``caption_labels``);
- captions and highlight boxes between the byline and a wire-dateline lead (``wire_lead``), and
  captions between the headline and a lead opening "PLACE: ..." (``colon_dateline_lead``);
- a news agency named alone under the byline or signing off the story (``wire_credits``), or by its
  initials closing the last paragraph (``closing_credit``) or after a bullet under it (``bullet_credit``);
- a byline glued after the last paragraph's last sentence, "Jane Doe/EXN" (``glued_byline``);
- a blog's numbered comment list between the post and its reply form (``comment_list``);
- a release service's labels (the kind of release, the issuer) over a release's lead (``release_labels``);
- a teaser's byline with its age after the article, "By AFP 4 hrs ago" (``teaser_bylines``), and
  teasers each with a byline and a date under a related header after the article (``tail_teasers``);
- a bare author name next to the date line, or repeated after the article (``name_bylines``);
- a bare author name under the headline over its popup's widget lines or its bio (``author_popup``);
- the place under a staff credit that names no writer, "HT Correspondent" / "New Delhi" (``place_under_credit``);
- the writer's bio box, opening with the byline's name, and a fact box of "Label:" lines with
  their values after the article (``author_bio``, ``fact_box``);
- a headline the engine passed over for the standfirst under it (``headline_over_standfirst``);
- a headline the engine kept as body when it named no title, above the byline (``headline_over_byline``);
- a deck with no full stop right under the headline, over the lead, dropped by place (``deck_under_title``);
- a tagline, a masthead promo or a photo caption taken for the title, when a headline sits right
  above the byline block (``title_by_byline``), or a list's last item over the byline when the
  headline sits under the date lines over the story tools and lists (``headline_over_widgets``);
- a masthead promo taken for the title, when a short headline sits right above a deck sentence
  that opens the body (``title_over_deck``);
- a headline (and deck) over the date line, dropped with the menu it runs into (``head_in_menu``);
- other stories' headlines listed between the byline and the lead with no header (``head_teasers``);
- a site menu run together into one line taken for the title, over the headline (``glued_menu_title``);
- a headline under a scraper's date field glued to the page's first word (``headline_under_date_field``);
- a headline over an empty date stamp, dropped with the menu, under which the engine took a deck
  line for the title (``headline_over_stamp``);
- the site's date over its tools (text size, search) above the headline: no story date (``masthead_date``),
  nor a date over the headline later than the byline's (``banner_date``);
- the last headline of a numbered "Most read" widget between paragraphs (``numbered_widget``);
- the signatures of letters to the editor, each under its letter (``letter_signatures``);
- a photo's caption that only names the person shown, between paragraphs that name them
  (``name_caption``);
- a photo's alt text over the caption that repeats it (``alt_over_caption``), and a caption
  repeating the line printed right above it, over its credit (``repeated_caption``);
- a headline over the lead photo's captions, dropped with the menu when no title was named
  (``headline_over_photo``), and one under the gallery's captions under the date line, right over
  the body (``headline_under_captions``);
- labels between the headline and the lead: the outlet's name, a text-size widget (``label_over_lead``);
- the short promo lines under an inline "Related" header (``related_after_header``), cards for
  other stories between the paragraphs, each a headline over a short blurb (``inline_cards``), and an
  item kept inside a list printed as one block after the article (``list_block_strays``);
- labelled metadata printed under a related list (``labelled_meta``);
- a comment's header under the header that closes the article for comments (``comment_meta``);
- readers' comments after the article, each a poster's stamp, its text and its buttons (``comment_posts``);
- a schedule, lines that open with different dates, in the body (``date_lists``);
- the unpunctuated sentences closing a short notice, and footnotes to a mark in the body
  (``notice_tail``);
- a short post's closing credit, "(via X)", and the link title over it, dropped with the
  teasers after the post (``post_credit``);
- a teaser's blurb kept in a list of teasers after the article (``teaser_items``), and a numbered
  list of stories closed by their dates, with its blurbs (``numbered_teasers``);
- a box of links inside the article, under its label, with the lines the engine kept in it (``inline_boxes``);
- a subhead too long for the engine's headings, between two paragraphs (``long_subheads``);
- a bulleted list inside the article under the prose sentence leading into it (``list_lead_in``),
  and a list with no bullets under a lead-in closed by a colon, its items of one form (``colon_list``);
- a quotation paragraph that lost its full stop, dropped by place between two paragraphs (``quote_paragraphs``);
- a widget's button, the service its prompt names, alone under the prompt (``widget_button``);
- the next story on a listing, archive or digest page, a headline over its own byline or wire
  dateline after the article (``next_story``);
- a home page or section front: teasers, each a headline over a one- or two-sentence blurb,
  and no article (``teaser_page``).

Every function only changes decisions, never text, and only on signals a cleaned text no
longer has (residue lines, metadata lines), so cleaning stays idempotent.
"""
from __future__ import annotations

from collections import defaultdict
from functools import lru_cache
from collections.abc import Container

import regex

from ..document import Line, title_at
from ..rules import Rule, RuleSet
from .dates import to_iso
from .segment import compiled_open_end, open_ended
from .classify import (_BULLET, _HANDLE, _ONE_LINK_HEADER, _SPACED_ITEMS, _TIME_END, _spaceless, article_closes,
                       in_separated_list, next_story_walk, one_block_list, unmarked_story_walk)

# 2-4 capitalised words: a name alone on a line ("Jane Doe", "Jean-Luc de la Roe"); none of them a
# word a headline set in capitals holds and a name does not ("Singer Cautious When Traveling")
_NAME = regex.compile(r"^(?!.*\s(?:When|Why|How|What|Who|Is|Are|Was|Were|Will|Has|Have|Had|Can|Not|To|For|With|Of|"
                      r"The|In|On|At|After|Before|Over|From|As|Into|About|Says|Say|Gets|Get|And|Or|But|If)(?:\s|$))"
                      r"\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|da|del|van|von|la|le|bin|al)){1,3}$")
# words of a widget's or platform's label, which capitalised reads as a name ("Facebook Activity"),
# or of a picture's label printed as text ("Article Cover Photo", "Author Avatar")
_WIDGET_WORD = regex.compile(r"(?i)\b(?:facebook|twitter|instagram|youtube|linkedin|google|whatsapp|reddit|"
                             r"pinterest|tiktok|activity|comments?|share|follow|timeline|newsletter|more|latest|"
                             r"related|popular|trending|videos?|live|home|menu|search|login|subscribe|"
                             r"images?|photos?|pictures?|thumbnails?|featured|avatar|logo|icon|gallery|slideshow|"
                             r"finder|archives?|index|directory|tools?|widgets?|stories|headlines|reading)\b")


# ``_WIDGET_WORD`` and ``_NAME`` asked of every line of a page by ``name_bylines``: scans of the whole
# line, remembered by its text (a page is read again when settling; a site repeats its lines)
@lru_cache(maxsize=4096)
def _widget_worded(text: str) -> bool:
    return _WIDGET_WORD.search(text) is not None


@lru_cache(maxsize=4096)
def _name_shaped(text: str) -> bool:
    return _NAME.match(text) is not None


_LINK_TEXT = regex.compile(r"[:»›>|-]\s*\S")
_SENTENCE_END = regex.compile(r"[.!?…][\"'”’)]*$")
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
# a line opening with a full date: "Tuesday, September 24, 2013", "3 May 2021"
_DATE_START = regex.compile(
    rf"(?i)^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})\b")
# running text: three lower-case words in a row ("please call the")
_RUNNING = regex.compile(r"\b\p{Ll}+\s+\p{Ll}+\s+\p{Ll}+\b")
# a note mark glued to a word in the body ("**Telephonic", "price*") and a line opening with it
_NOTE_IN = regex.compile(r"(?:(?<=\w)([*†‡]+)(?!\w)|(?<![\w*†‡])([*†‡]+)(?=\w))")
_NOTE_LINE = regex.compile(r"^([*†‡]+)\s*\p{L}")


@lru_cache(maxsize=4096)  # (asked of the same lines by many checks: a split of a paragraph each time)
def _words(text: str) -> int:
    return len(text.split())


def _rule_of(lines: list[Line], rs: RuleSet) -> list[Rule | None]:
    return [rs.match_rule(ln.raw) for ln in lines]


def _body_span(lines: list[Line]) -> tuple[int, int] | None:
    """Indexes of the first and last kept body line (``keep`` or ``heading``)."""
    kept = [i for i, ln in enumerate(lines) if ln.action in ("keep", "heading")]
    return (kept[0], kept[-1]) if kept else None


def _decided(rows: list[tuple[str, str | None, str]]) -> list[Line]:
    """Lines decided as ``rows`` of (action, reason, text) say (the examples' pages).

    >>> [(ln.n, ln.action, ln.reason) for ln in _decided([("keep", None, "Body."), ("drop", "nav", "Home")])]
    [(0, 'keep', None), (1, 'drop', 'nav')]
    """
    lines = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    for ln, (a, r, _) in zip(lines, rows):
        ln.decide(a, r)
    return lines


# a line that stops mid-sentence: on a lower-case word or a comma
_MID_SENTENCE = regex.compile(r"(?:\p{Ll}[\p{Ll}\x27’-]*|,)$")

def broken_sentence(lines: list[Line], rules: list[Rule | None], open_end: "regex.Pattern[str] | None" = None,
                    least: int = 5, split: int = 3) -> None:
    """A body sentence the page broke across two paragraphs: the first half (``least`` words
    or more, stopping on a lower-case word or a comma; ``split`` words when an advertisement's
    label or a picture stands between the halves: "Only eight players" / "Advertisement" /
    "broke par Sunday.") stands between two kept paragraphs and the second half opens in lower
    case. The engine, finding no sentence end, dropped the first half unnamed; it is kept. So is a
    first half taken for a subhead that stops on a word no heading ends on (the rules' ``open_end``:
    "... missing since"), right over a second half ending as a sentence does ("December.").

    >>> rows = [("keep", "Police said the call came from abroad."),
    ...         ("drop", "The call was received at about 1 am and the police immediately"),
    ...         ("keep", "contacted their counterparts in the capital.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> broken_sentence(ls, [None] * 3); [ln.action for ln in ls]
    ['keep', 'keep', 'keep']
    """
    for i in range(1, len(lines) - 1):
        j = i + 1
        while j < len(lines) - 1 and j <= i + 3 and lines[j].action == "drop" and lines[j].reason in _BETWEEN_PARAGRAPHS:
            j += 1  # an advertisement's label or a picture inside the broken paragraph
        ln, before, after = lines[i], lines[i - 1], lines[j]
        if (ln.action == "drop" and ln.reason in (None, "related", "nav") and rules[i] is None
                and before.action == "keep" and after.action == "keep" and after.text[:1].islower()
                and not after.text[1:2].isupper()  # (a name: "iPhone", "eBay")
                and _MID_SENTENCE.search(ln.text) and len(ln.text.split()) >= (split if j > i + 1 else least)):
            ln.decide("keep")
        # (a first half the engine took for a subhead, stopping on a word no heading ends on, the
        # second half a sentence's end: "The woman has been missing since" / "December.")
        elif (ln.action == "heading" and rules[i] is None and j == i + 1 and before.action == "keep"
              and after.action == "keep" and open_end is not None and open_end.search(ln.text)
              and _SENTENCE_END.search(after.text)
              and len(ln.text.split()) >= least):
            ln.decide("keep")


def gallery(lines: list[Line], rules: list[Rule | None]) -> None:
    """A short label (not a sentence, no rule names it) printed 3+ times on a page is a widget's
    or a gallery's title: its copies are residue. Copies at a steady step of 1-4 lines frame the
    slides of a gallery: they, the slide text between them and a credit right after are captions.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(
    ...     ["Body text.", "Our gallery", "Slide one.", "Our gallery", "Slide two.", "Our gallery", "Slide three.", "More body."])]
    >>> gallery(ls, [None] * len(ls)); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop', 'keep']
    """
    where: dict[str, list[int]] = defaultdict(list)
    for i, ln in enumerate(lines):
        # a label no rule names (a repeated share button or ad slot is not a gallery)
        if rules[i] is None and 2 <= _words(ln.raw) and len(ln.raw) <= 80 and not _SENTENCE_END.search(ln.raw):
            where[ln.raw].append(i)
    for idx in where.values():
        if len(idx) < 3:
            continue
        for i in idx:  # copies outside a gallery: a repeated menu or widget label
            if lines[i].kept and lines[i].action != "title":
                lines[i].decide("drop", "nav")
        for chain in _steady_chains(idx):
            step = chain[1] - chain[0]
            last = min(len(lines), chain[-1] + step)
            if any(lines[k].action == "title" for k in range(chain[0], last)):
                continue  # the headline is no slide
            for k in range(chain[0], last):
                if lines[k].action != "title":
                    lines[k].decide("drop", "caption")
            if last < len(lines) and lines[last].action == "meta" and lines[last].reason == "byline":
                lines[last].decide("drop", "caption")  # the gallery's photo credit


_GALLERY_LABEL = regex.compile(r"^(?i:(?:photo |video |image )?gallery|photos|pictures|slideshow|video)\s*:?$")
_GALLERY_LAUNCH = regex.compile(
    r"^[»›>\s]*(?i:launch|view|see|open|watch|start|browse|enter)\s+(?i:the\s+|all\s+)?(?i:photo\s+|video\s+|image\s+)?"
    r"(?i:gallery|slideshow|slide show|photos|pictures|video)\b[^.!?]{0,20}$")


def gallery_promo(lines: list[Line], most: int = 3) -> None:
    """A promo for a photo gallery set into the page: its label ("Gallery", ``_GALLERY_LABEL``),
    the gallery's title and blurb, and its link ("» Launch photo gallery", ``_GALLERY_LAUNCH``)
    at most ``most`` lines under the label. What the engine kept between the two is the promo's
    text, not the article's: it drops as a caption.

    >>> rows = [("drop", "Gallery"), ("keep", "Life on the river: a ferryman's year"),
    ...         ("keep", "A ferryman tells of the floods, the tourists and the long winter."), ("drop", "» View photo gallery")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> gallery_promo(ls); [(ln.action, ln.reason) for ln in ls][1:3]
    [('drop', 'caption'), ('drop', 'caption')]
    """
    for i, ln in enumerate(lines):
        if not _GALLERY_LABEL.match(ln.raw.strip()) or ln.kept:
            continue
        j = next((j for j in range(i + 1, min(len(lines), i + 2 + most)) if _GALLERY_LAUNCH.match(lines[j].raw.strip())), None)
        if j is None or any(lines[k].action in ("title", "meta") for k in range(i + 1, j)):
            continue
        for k in range(i + 1, j):
            if lines[k].kept:
                lines[k].decide("drop", "caption")


def _steady_chains(idx: list[int], max_step: int = 4) -> list[list[int]]:
    """Runs of 3+ positions at one steady step of at most ``max_step``.

    >>> _steady_chains([1, 4, 7, 10, 30, 31, 40])
    [[1, 4, 7, 10]]
    """
    out, chain = [], [idx[0]]
    for i in idx[1:]:
        step = chain[1] - chain[0] if len(chain) > 1 else i - chain[-1]
        if i - chain[-1] == step <= max_step:
            chain.append(i)
        else:
            if len(chain) >= 3:
                out.append(chain)
            chain = [i]
    if len(chain) >= 3:
        out.append(chain)
    return out


# a photo credit, the photographer's name and the agency: "Jane Doe / Example-Pictures"
# reported speech closed by its speaker: '"We will appeal," the company said.' (a paragraph's, not a caption's)
_SPEECH = regex.compile(r"^[\"“‘'].{10,}[,.?!][\"”’']\s+(?:the\s+\p{L}[\p{L}.'’-]*|\p{Lu}[\p{L}.'’-]*|he|she|they|it|we|I)"
                        r"(?:\s+\p{L}[\p{L}.'’-]*){0,4}\s+(?:said|says|told|added|stated|wrote|asked|noted|explained)\b")
# a picture agency named alone on a line, as a broadcaster prints the credit over the caption
_AGENCY_CREDIT = regex.compile(r"^(?:Getty\s+Images|Reuters|EPA(?:-EFE)?|AFP(?:\s+via\s+Getty\s+Images)?|PA\s+Media|"
                               r"Shutterstock|Alamy|AP|Bloomberg(?:\s+via\s+Getty\s+Images)?|Anadolu|SOPA\s+Images)$")
# a video player's button alone on its line, and a source credit in brackets closing a blurb
_PLAY_CONTROL = regex.compile(r"^(?i:play|play\s+video|watch|watch\s+video|video)\s*[»›>]?$")
_SOURCE_CLOSE = regex.compile(r"[.!?”\"]\s*\((?i:source|video|credit)\s*:\s*[^()]{2,40}\)\s*$")
# a caption's photographer and agency glued to its end: "The cabaret in Paris Jane Doe/Reuters"
_GLUED_PHOTO_CREDIT = regex.compile(r"(?<=[\p{L}\d])\s\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}\s*/\s*\p{Lu}[\p{L}&.'’-]+(?:\s+\p{Lu}[\p{L}&.'’-]+){0,2}$")
_CREDIT_SLASH = regex.compile(r"^\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,2}\s+/\s+"
                              r"\p{Lu}[\p{L}&.'’-]+(?:\s+\p{Lu}[\p{L}&.'’-]+){0,2}$")


def caption_labels(lines: list[Line], rules: list[Rule | None]) -> None:
    """A caption label ("Image caption,", "Caption:") announces the caption on the next line.

    A bare credit ("Credit: X", "Image: X") names the line right over it, in the same block
    (no blank line between: one figure caption), a caption too. A line over a credit in a
    block of its own is left alone: it is as often the paragraph before an uncaptioned photo.
    A photo's credit, "Jane Doe / Agency", dropped over a short sentence that the body's prose
    or the byline follows names that sentence a caption.

    >>> ls = [Line(n=1, raw="Image caption,", text=""), Line(n=2, raw="Rescuers search the rubble", text="")]
    >>> ls[0].decide("drop", "caption"); ls[1].decide("heading")
    >>> caption_labels(ls, [None, None]); ls[1].action, ls[1].reason
    ('drop', 'caption')
    >>> ls = [Line(n=1, raw="Mushrooms can cause vivid hallucinations.", text="", block=3),
    ...       Line(n=2, raw="Credit: Jane Roe/Agency.com", text="", block=3)]
    >>> ls[0].decide("keep"); ls[1].decide("drop", "caption")
    >>> credit = Rule(action="drop", reason="caption", pattern=regex.compile("^Credit:"))
    >>> caption_labels(ls, [None, credit]); ls[0].action, ls[0].reason
    ('drop', 'caption')
    """
    for i in range(len(lines) - 1):
        ln, nxt = lines[i], lines[i + 1]
        if (nxt.action == "drop" and nxt.reason == "caption" and ln.block == nxt.block and ln.kept
                and ln.action != "title" and rules[i] is None and len(ln.raw) <= 300
                and rules[i + 1] is not None and rules[i + 1].reason == "caption" and len(nxt.raw) <= 60
                and not _GALLERY_CONTROL.match(nxt.raw.strip())  # (a pager names no caption: caption_over_pager)
                and not nxt.raw.rstrip().endswith(":")  # (a label announces the caption under it: "Photo cutline:")
                and not (_SPEECH.match(ln.raw.strip()) and i > 0 and lines[i - 1].block == ln.block
                         and lines[i - 1].kept and len(lines[i - 1].raw) >= 100)):
            # the caption over its credit, in one figure (not a paragraph of quoted speech in a run of
            # paragraphs the page prints without blank lines, the credit of an uncaptioned photo under it)
            ln.decide("drop", "caption")
            continue
        if (ln.action == "drop" and _CREDIT_SLASH.match(ln.raw.strip()) and nxt.kept and nxt.action != "title"
                and rules[i + 1] is None and _words(nxt.raw) <= 20 and _SENTENCE_END.search(nxt.raw)
                and i + 2 < len(lines) and (lines[i + 2].kept and len(lines[i + 2].raw) >= 100
                                            or lines[i + 2].action == "meta" and lines[i + 2].reason == "byline")):
            # a photo's credit, "Jane Doe / Agency", over its caption (over the body or its byline)
            nxt.decide("drop", "caption")
            continue
        if (ln.action == "drop" and ln.reason == "caption" and _AGENCY_CREDIT.match(ln.raw.strip())
                and nxt.kept and nxt.action != "title" and rules[i + 1] is None and 6 <= _words(nxt.raw) <= 25
                and not _SENTENCE_END.search(nxt.raw) and i + 2 < len(lines)
                and lines[i + 2].kept and len(lines[i + 2].raw) >= 100):
            # a picture agency alone over the caption it credits, the caption with no full stop, over
            # the next paragraph ("Getty Images" / "Rivers burst their banks in several parts of Wales");
            # a subhead there is a few words
            nxt.decide("drop", "caption")
            continue
        if (ln.action == "drop" and ln.reason == "caption" and _PLAY_CONTROL.match(ln.raw.strip()) and nxt.kept
                and nxt.action != "title" and rules[i + 1] is None and len(nxt.raw) <= 800
                and _SOURCE_CLOSE.search(nxt.raw)):
            # a video's blurb under its player's button, closed by its source ("Play Video" /
            # "Nov. 2 (Example) -- A former envoy talks about ... (Source: Example)")
            nxt.decide("drop", "caption")
            continue
        if (ln.action == "drop" and ln.reason == "caption" and ln.raw.endswith((",", ":"))
                and nxt.kept and nxt.action != "title" and rules[i + 1] is None and len(nxt.raw) <= 200
                and (not _SENTENCE_END.search(nxt.raw)  # a caption, not the next paragraph
                     # (who is who: "Front row left to right:" / "Jane Doe, Press Officer, John Roe, ...")
                     or ln.raw.endswith(":") and nxt.raw.count(",") >= 3)):
            nxt.decide("drop", "caption")


# A caption's main clause: the words before its first clause break (a comma, a colon, a bracket,
# a dash) or a clause word ("Goats on Redonda before they were moved", "A lizard that survived").
_MAIN_CLAUSE = regex.compile(r"^(.*?)(?:[,;:(–—]|\s-\s|\b(?:that|which|who|whose|before|after|while|as|when|where|since|until|because)\b|$)")
# a sentence opening with a phrase or clause set off by a comma ("In contrast, ...", "After the
# vote, ...", "However, ..."): its main clause is after the comma
_OPENER = regex.compile(r"^(?:In|On|At|By|For|With|Without|After|Before|During|Since|Until|When|While|As|If|"
                        r"Although|Though|Because|Once|However|Meanwhile|Instead|Still|Yet|But|And|So|Then|"
                        r"Now|Today|Yesterday|Last|This|Earlier|Later|Also|Even|Despite|Under|Over|From|"
                        r"Like|Unlike|Amid|Across|Throughout|Following|According)\b[^,]*,")
# what a paragraph's sentence has and a caption's main clause lacks: a past or perfect tense, a
# modal, a reporting verb ("The council voted", "Prices rose", "Crews will return", "she said"); a
# participle after an article or a preposition describes a noun ("a crowded lane", "the flooded
# road", "a pool of dispersed oil", "streets in flooded towns"): no tense
_TENSED = regex.compile(
    r"\b(?:(?<!\b(?:a|an|the|of|in|into|with|on|at|for|from)\s)\p{Ll}{2,}ed|is|are|was|were|be|been|being|has|have|had|will|would|can|could|should|may|might|must|"
    r"do|does|did|said|says|told|tells|say|tell|according|rose|fell|grew|went|came|took|made|gave|got|saw|found|"
    r"left|began|became|brought|bought|built|held|kept|led|lost|met|paid|ran|sent|spent|stood|thought|won|wrote|"
    r"knew|drew|flew|threw|broke|spoke|chose|drove|fought|caught|taught|sold|struck|felt|heard|meant|told|"
    r"sought|shot|fled|hid|rode|rang|sang|sank|swore|tore|wore|woke|shook|swept|blew|ate|drank|sat|laid|fed|hung|"
    r"lit|spread|stole|stuck|froze|forgot|forgave|overtook|undertook|withdrew|understood|upheld|wept|slid|sprang|"
    r"swung|shrank|shone|bore|bled|dealt|dug|knelt|leapt|lent|sped|overcame|rebuilt|slept|swam|stung|spun)\b")
# a lead's dateline: a place in capitals before a colon or a dash ("MUMBAI: ", "NEW YORK (AP) — "), or
# a place and date before an agency in brackets ("Bangor, March 4 (PTI) ")
_DATELINE_OPENER = regex.compile(r"^(?:\p{Lu}[\p{Lu}\s.,'’-]{1,40}(?:\s*\([^()]{1,30}\))?\s*(?::|[-–—]{1,2})\s+"
                                 r"|[^()]{2,40}\(\p{Lu}{2,8}\)\s*(?:[-–—:]+\s*)?)")
# a short aside in brackets: an acronym, a party, a side ("(IMD)", "(D-Calif.)", "(left)")
_ASIDE = regex.compile(r"\s*\([^()]{1,30}\)")
# a reporting verb anywhere in the line: a paragraph tells what someone said, a caption shows
_REPORTED = regex.compile(r"\b(?:said|says|told|according\s+to)\b")
# a person speaking to the reader or of themselves: a paragraph's, not a caption's
_PERSON = regex.compile(r"(?i)\b(?:I|we|us|our|you|your|my)\b|[\"“”]")
# a present-tense verb after the subject ("carries", "plans"): a statement, unless a time
# sets the scene the picture shows ("... on Tuesday", "... on April 23, 2021", "in 2019", "... on a
# hot afternoon", "... at dusk")
_S_WORD = regex.compile(r"\s\p{Ll}{3,}s\b")
_SCENE_TIME = regex.compile(rf"(?i)\b(?:(?:on|in|at|during)\s+(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|"
                            rf"{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH}|(?:19|20)\d\d)|"
                            rf"on\s+an?\s+(?:\p{{Ll}}+\s+){{0,2}}(?:morning|afternoon|evening|day|night)|"
                            rf"at\s+(?:dawn|dusk|sunrise|sunset|night))\b")


def _caption_shape(text: str, longest: int = 200) -> bool:
    """Whether ``text`` reads as a photo's caption rather than a paragraph: one sentence of
    three words or more, at most ``longest`` characters, no quotation, no first or second
    person, and a main clause with no tense a paragraph tells its story in (past, perfect,
    future, reporting: ``_TENSED``): a noun phrase ("The island of Redonda, once thought
    lost.", "Goats on Redonda before they were moved.") or a present-tense scene set at a
    time ("Firefighters battle a blaze in the hills on Tuesday.").

    >>> _caption_shape("Goats on the island before they were moved to the mainland.")
    True
    >>> _caption_shape("Firefighters battle a blaze in the hills above the city on Tuesday.")
    True
    >>> _caption_shape("The council voted to close the bridge.")
    False
    >>> _caption_shape("The bridge carries twelve thousand cars a day.")
    False
    >>> _caption_shape("People as far away as Chester said they had felt the tremor.")
    False
    >>> _caption_shape("The India Meteorological Department (IMD) issued an alert for Mumbai.")
    False
    >>> _caption_shape("MUMBAI: Heavy rain lashed the city for the second day on Wednesday.")
    False
    """
    text = text.strip()
    if not 15 <= len(text) <= longest or _words(text) < 3 or _SENTENCE_BREAK.search(text) or _PERSON.search(text):
        return False
    if text.endswith(("?", "!", ",", ":", ";")):
        return False
    if _OPENER.match(text):
        return False  # the main clause comes after an opening phrase ("In contrast, the team opted ...")
    if _REPORTED.search(text):
        return False  # a report ("People as far away as Chester said they felt it"): a paragraph's
    # (an aside in brackets is no clause break, nor is a lead's dateline: "MUMBAI: ...", "Bangor, March 4 (PTI) ...")
    main = _MAIN_CLAUSE.match(_ASIDE.sub("", _DATELINE_OPENER.sub("", text))).group(1)
    if _TENSED.search(main):
        return False
    return not _S_WORD.search(main) or bool(_SCENE_TIME.search(text))


# a picture's caption naming who it shows and what they were at, with no verb of its own:
# "Governor Jane Doe during a tour of the new ward.", "The mayor addressing residents on Monday."
_PHOTO_SCENE = regex.compile(
    r"^\p{Lu}[\p{L}.\x27’-]*(?:\s+[\p{L}.\x27’-]+){0,5}\s+(during|addressing|flanked\s+by|"
    r"speaking\s+(?:at|during|to)|arriving\s+(?:at|for))\s+[^.!?]{3,100}[.]?$")
_NAME_WORD = regex.compile(r"\p{Lu}[\p{L}\x27’-]+")
# words a sentence says things with: such a line is a deck or a lead, not a caption
_SAYS = regex.compile(r"\b(?i:said|says|say|told|tells|is|are|was|were|has|have|had|will|would|can|could|"
                      r"should|must|did|does)\b")


def lead_photo_caption(lines: list[Line], least: int = 25) -> None:
    """The lead photo's caption between the headline and the first paragraph: who the picture
    shows and what they were at ("<name> during <event>."), no verb that says anything, and a
    long first paragraph (``least`` words) right under it that names them again. A deck or a
    one-line lead says something; it stays.

    >>> rows = [("title", "Council budget faces scrutiny"), ("keep", "Mayor Jane Doe during a council tour."),
    ...         ("keep", "Mayor Jane Doe said on Monday that " + " ".join(["the budget came under scrutiny"] * 5) + ".")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> lead_photo_caption(ls); [(ln.action, ln.reason) for ln in ls]
    [('title', None), ('drop', 'caption'), ('keep', None)]
    """
    t = title_at(lines)
    if t is None:
        return
    i = next((k for k in range(t + 1, len(lines)) if lines[k].action in ("keep", "heading")), None)
    if i is None or i + 1 >= len(lines):
        return
    text = lines[i].text.strip()
    m = _PHOTO_SCENE.match(text)
    if (m is None and lines[i].action == "heading" and _scene_caption(text)
            and any(ln.action == "meta" for ln in lines[t + 1:i])):
        # a picture's place with no verb at all, set as a subhead over the first paragraph
        # ("Israeli Har Homa settlement in the West Bank"), under the byline or the date (a deck
        # stands right under the headline): a caption where the paragraphs under it name the
        # place (a subhead leads into text, never opens the article)
        place = set(_NAME_WORD.findall(_SCENE_END.search(text).group()))
        body = " ".join(ln.text for ln in lines[i + 1:i + 12] if ln.action == "keep")
        if place and place <= set(_NAME_WORD.findall(body)) and not _SAYS.search(text):
            lines[i].decide("drop", "caption")
        return
    if m is None or len(text.split()) > 15 or _SAYS.search(text):
        return
    j = next((k for k in range(i + 1, len(lines)) if lines[k].action in ("keep", "heading")), None)
    if j is None or lines[j].action != "keep" or len(lines[j].text.split()) < least:
        return
    # who the picture shows (two words or more), named again in the first paragraph
    who = text[:m.start(1)].split()
    lead = lines[j].text.lower()
    if len(who) >= 2 and all(w.lower() in lead for w in who[1:]):
        lines[i].decide("drop", "caption")


def caption_over_credit(lines: list[Line], rules: list[Rule | None]) -> None:
    """A photo's caption printed in a block of its own over the picture's bare credit
    ("Photograph by Jane Roe", "Jane Roe/Agency"): a kept line no rule names, right over a
    credit line the rules drop as a caption, that reads as a caption (``_caption_shape``) and
    does not go on from the line over it (a sentence cut by the picture). It stands inside the
    article: a paragraph or the byline block above it, not the headline's deck right under
    the headline. (In one block with its credit, ``caption_labels`` has it already.) A lead opening
    with its dateline (an edit) is no caption, nor is a line over a credit that has its own caption
    under it.

    >>> rows = [("title", "Island Recovers After Goats Leave"), ("meta", "By Jane Doe"),
    ...         ("keep", "The tiny island is green again for the first time in a century, volunteers say."),
    ...         ("keep", "Goats on the island before they were moved to the mainland."),
    ...         ("drop", "Photograph by John Roe"),
    ...         ("keep", "The first step was moving the herd, which took two months and a helicopter.")]
    >>> ls = [Line(n=i, raw=t, text=t, block=i) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, {"meta": "byline", "drop": "caption"}.get(a))
    >>> credit = Rule(action="drop", reason="caption", pattern=regex.compile("^Photograph by"))
    >>> caption_over_credit(ls, [None] * 4 + [credit, None]); ls[3].action, ls[3].reason
    ('drop', 'caption')
    """
    t = title_at(lines)
    if t is None:
        return
    inside = False
    for i in range(t + 1, len(lines) - 1):
        ln, nxt, prev = lines[i], lines[i + 1], lines[i - 1]
        if ln.action == "meta" or _paragraph(ln):
            inside = True
        if (not inside or ln.action != "keep" or rules[i] is not None or ln.edits or ln.block == nxt.block
                or nxt.action != "drop" or nxt.reason != "caption" or rules[i + 1] is None
                or rules[i + 1].reason != "caption" or len(nxt.raw.strip()) > 80 or _SENTENCE_BREAK.search(nxt.raw)):
            continue
        if prev.kept and prev.action != "title" and not _SENTENCE_END.search(prev.raw.strip()):
            continue  # a sentence the picture cut goes on here
        if (i + 3 < len(lines) and lines[i + 2].action in ("keep", "heading") and not _SENTENCE_END.search(lines[i + 2].raw)
                and _pair_caption(lines[i + 2], rules[i + 2]) and _paragraph(lines[i + 3])):
            continue  # the credit's caption is under it ("PTI Photo" / "A train halted near Kurla")
        if _caption_shape(ln.raw):
            ln.decide("drop", "caption")


# a gallery's controls under a picture: its link and its pager ("More photos:", "< 1 2 3 >", "1 / 12",
# "(1/5)", "Image 2 of 8")
_GALLERY_CONTROL = regex.compile(r"^(?:(?i:more|all|other|see\s+(?:all|more)|view\s+(?:all|more))\s+(?i:photos|pictures|images|pics)\s*:?"
                                 r"|[<‹«←]\s*(?:\d{1,3}\s*){1,15}[>›»→]|\(?\d{1,3}\s*(?:/|(?i:of))\s*\d{1,3}\)?"
                                 r"|(?i:photo|image|picture|slide)\s+\d{1,3}\s+(?:/|(?i:of))\s+\d{1,3})$")


def caption_copies(lines: list[Line], reach: int = 8, least: int = 30) -> None:
    """A photo's caption printed a second time under the picture (a player's toggled caption, a
    lightbox's copy): a kept line that a caption the page dropped within ``reach`` lines above opens
    with, word for word (the first copy carried the credit or the toggle after it), is a caption too.
    Only ``least`` characters or more: a short line may well open a caption and a paragraph alike.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate([
    ...     "A man is escorted from the police station on June 18. Jane Roe/AP hide caption", "toggle caption",
    ...     "A man is escorted from the police station on June 18.", "A jury found him guilty on Thursday."])]
    >>> for ln, a in zip(ls, ["drop", "drop", "keep", "keep"]): ln.decide(a, "caption" if a == "drop" else None)
    >>> caption_copies(ls); [ln.action for ln in ls][2:]
    ['drop', 'keep']
    """
    for i, ln in enumerate(lines):
        text = ln.raw.strip()
        if ln.action != "keep" or len(text) < least:
            continue
        if any(lines[k].action == "drop" and lines[k].reason == "caption" and lines[k].raw.strip().startswith(text)
               and lines[k].raw.strip() != text for k in range(max(0, i - reach), i)):
            ln.decide("drop", "caption")


# a lightbox's button between a picture's caption and its copy in the box
_CLOSE_BUTTON = regex.compile(r"^(?i:close|close\s+(?:window|image|gallery|photo|picture)|hide|[×✕✖xX])$")


def lightbox_captions(lines: list[Line], least: int = 30) -> None:
    """A picture's caption printed twice, around the button that closes the picture's box ("Son
    speaks before an audience." / "Close" / the same caption): both copies are captions, not a
    paragraph printed twice. Only ``least`` characters or more.

    >>> cap = "The chairman speaks before an audience at the company's meeting."
    >>> ls = _decided([("keep", None, cap), ("drop", "nav", "Close"), ("keep", None, cap)])
    >>> lightbox_captions(ls); [(ln.action, ln.reason) for ln in ls]
    [('drop', 'caption'), ('drop', 'nav'), ('drop', 'caption')]
    """
    for i in range(len(lines) - 2):
        a, b, c = lines[i], lines[i + 1], lines[i + 2]
        if (c.raw.strip() == a.raw.strip() and len(a.raw.strip()) >= least and a.action in ("keep", "drop")
                and c.action in ("keep", "drop") and (a.kept or c.kept) and b.action == "drop"
                and _CLOSE_BUTTON.match(b.raw.strip())):
            a.decide("drop", "caption")
            c.decide("drop", "caption")


_TEXT_WORD = regex.compile(r"\p{L}{3,}")


def retold_captions(lines: list[Line], least: int = 8, share: float = 0.75) -> None:
    """A photo's caption with no credit between two paragraphs, telling again what the paragraph
    next to it says: a kept line with no full stop, ``least`` words or more, between two paragraphs,
    most of whose words (``share``) the paragraph over it or under it holds ("John Doe, 82, reached
    the summit on Thursday accompanied by his grandchildren" under "John Doe, 82, from Bangor,
    reached the summit on Thursday morning accompanied by his grandchildren.").

    >>> rows = ["A pensioner has climbed the mountain for the 50th time to raise money for a hospice.",
    ...         "John Doe, 82, from Bangor, reached the summit on Thursday morning with his grandchildren.",
    ...         "John Doe, 82, reached the summit on Thursday morning with his grandchildren",
    ...         "The retired postman has climbed the mountain every year since his wife died in 1974."]
    >>> ls = [Line(n=i, raw=t, text=t, action="keep") for i, t in enumerate(rows)]
    >>> retold_captions(ls); [ln.action for ln in ls]
    ['keep', 'keep', 'drop', 'keep']
    """
    for i in range(1, len(lines) - 1):
        ln, above, below = lines[i], lines[i - 1], lines[i + 1]
        text = ln.raw.strip()
        if ln.action != "keep" or _SENTENCE_END.search(text) or not (_paragraph(above) and _paragraph(below)):
            continue
        words = {w.casefold() for w in _TEXT_WORD.findall(text)}
        if len(words) < least:
            continue
        if any(p.raw.strip().rstrip(".!?…") == text for p in (above, below)):
            ln.decide("drop", "repeated")  # the paragraph printed twice, once without its full stop
        elif any(len(words & {w.casefold() for w in _TEXT_WORD.findall(p.raw)}) >= share * len(words)
                 for p in (above, below)):
            ln.decide("drop", "caption")


def caption_over_pager(lines: list[Line], rules: list[Rule | None]) -> None:
    """A photo's caption right over the gallery's controls (``_GALLERY_CONTROL``: "More photos:",
    "< 1 2 3 >"), between paragraphs or under the byline block: a kept line no rule names that
    reads as a caption (``_caption_shape``) and does not go on from the line over it; right under
    the headline too, where the engine took it for a subhead ("Women carry pots past a water
    tanker in a crowded lane" / "More photos:").

    >>> rows = [("title", "Floods cut off villages"), ("keep", "Hundreds of families have been cut off by floods after a week of rain."),
    ...         ("keep", "Residents wade through floodwaters in Garsen town on Thursday."), ("drop", "More photos:"),
    ...         ("keep", "County officials said at least 2,000 households had been displaced.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "caption" if a == "drop" else None)
    >>> caption_over_pager(ls, [None] * 5); ls[2].action, ls[2].reason
    ('drop', 'caption')
    """
    t = title_at(lines)
    if t is None:
        return
    for i in range(t + 1, len(lines) - 1):
        ln, prev = lines[i], lines[i - 1]
        # (right under the headline the engine reads an unfinished caption as a subhead, or as
        # residue of the head it names no kind of)
        if not (ln.action in ("keep", "heading") or i == t + 1 and ln.action == "drop") \
                or rules[i] is not None or ln.edits or lines[i + 1].kept:
            continue
        if not _GALLERY_CONTROL.match(lines[i + 1].raw.strip()):
            continue
        if prev.kept and prev.action != "title" and not _SENTENCE_END.search(prev.raw.strip()):
            continue  # a sentence the picture cut goes on here
        if _caption_shape(ln.raw):
            ln.decide("drop", "caption")


# a sponsor's label over its item ("Sponsored", "Promoted", "Paid content", "Partner content",
# "Advertisement feature"; not "Advertisement", an ad slot's label, which the next paragraph or
# subhead follows) and a promo's button under its title ("Take the quiz", "Play now")
_SPONSOR_LABEL = regex.compile(r"^(?i:sponsored|sponsored\s+content|promoted|promoted\s+content|paid\s+content|"
                               r"partner\s+content|paid\s+post|advertisement\s+feature|advertiser\s+content)\s*:?$")
_PROMO_BUTTON = regex.compile(r"^(?i:take\s+(?:the|our|this|today'?s)\s+quiz|start\s+(?:the\s+)?quiz|play\s+(?:the\s+)?quiz|"
                              r"play\s+now|play\s+the\s+game|watch\s+now|listen\s+now|read\s+now)\s*[»›>→]?$")


def promo_items(lines: list[Line], rules: list[Rule | None], longest: int = 120) -> None:
    """A promo's title between paragraphs: a kept line that states nothing (no full stop; a
    question may end it), right under a sponsor's label (``_SPONSOR_LABEL``: "Sponsored" / "Find
    your dream home with Example Mortgages") or right over a promo's button (``_PROMO_BUTTON``:
    "Quiz: How well do you know this week's news?" / "Take the quiz"), or over a line of blurb over
    the button (a promo card: headline / blurb / "Read now"). It drops with them (ad, related).

    >>> rows = [("keep", "The opposition said the rent pressure zones had failed to slow rises."), ("drop", "Sponsored"),
    ...         ("heading", "Find your dream home with Example Mortgages"), ("keep", "The minister said more homes were coming.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "ad" if a == "drop" else None)
    >>> promo_items(ls, [None] * 4); ls[2].action, ls[2].reason
    ('drop', 'ad')
    """
    for i in range(1, len(lines)):
        ln = lines[i]
        text = ln.raw.strip()
        if (ln.action not in ("keep", "heading") or rules[i] is not None or ln.edits or len(text) > longest
                or _SENTENCE_END.search(text) and not text.endswith("?")):
            continue
        above, below = lines[i - 1], lines[i + 1] if i + 1 < len(lines) else None
        if above.action == "drop" and _SPONSOR_LABEL.match(above.raw.strip()):
            ln.decide("drop", "ad")
        elif below is not None and below.action == "drop" and _PROMO_BUTTON.match(below.raw.strip()):
            ln.decide("drop", "related")
        elif (below is not None and below.action == "keep" and len(below.raw.strip()) <= longest
              and i + 2 < len(lines) and lines[i + 2].action == "drop" and _PROMO_BUTTON.match(lines[i + 2].raw.strip())):
            # (a promo card: its headline, a line of blurb, the button: "Scientists find a new
            # mechanism" / "How do we form memories? New research uncovers key area." / "Read now")
            ln.decide("drop", "related")
            below.decide("drop", "related")


# a picture's credit no rule names, alone on its line: the owner's or the photographer's name in
# capitalised words ("British Geological Survey", "North Wales Police", "Jane Roe")
_CREDIT_NAME = regex.compile(r"^\p{Lu}[\p{L}\d&.'’/@-]*(?:\s+(?:\p{Lu}[\p{L}\d&.'’/@-]*|of|the|for|and|&|via|de|van|von)){0,5}$")


def _pair_credit(ln: Line, rule: Rule | None) -> bool:
    """A photo's credit line: short, dropped by a caption or copyright rule ("Getty Images", "©
    Example Press"; not a label announcing the caption, "Image caption,"), or a capitalised name no
    rule names (kept, or dropped by its place)."""
    text = ln.raw.strip()
    if len(text) > 60 or text.endswith((",", ":")):
        return False
    if rule is not None:
        return rule.reason in ("caption", "copyright") and ln.action == "drop" and ln.reason == rule.reason
    return (ln.action in ("keep", "heading") or ln.reason in ("nav", "related")) and _CREDIT_NAME.match(text) is not None


def _pair_caption(ln: Line, rule: Rule | None) -> bool:
    """A photo's caption: a line no rule names dropped as one (or by its place), or kept, of one
    sentence at most (no quotation, no first or second person, no question, no edit: a lead
    opening with its dateline), with no full stop or read as a caption (``_caption_shape``)."""
    text = ln.raw.strip()
    if ln.action == "drop":  # (dropped by its place: a caption is as often)
        return ln.reason in ("caption", "nav", "related") and rule is None
    return (ln.action in ("keep", "heading") and rule is None and not ln.edits and 10 <= len(text) <= 200
            and not _SENTENCE_BREAK.search(text) and not _PERSON.search(text) and not text.endswith(("?", "!", ",", ":", ";"))
            and (not _SENTENCE_END.search(text) or _caption_shape(text)))  # (a short sentence of the article's: "The ledge floods at high tide.")


def credit_pairs(lines: list[Line], rules: list[Rule | None]) -> None:
    """A page that prints its pictures as a caption line and a credit line between paragraphs
    prints them all alike: when the engine dropped one such pair (both lines captions: "The
    Menai Strait near Bangor" / "Wikipedia"), or two pairs whose credits the rules know
    ("Getty Images" / "A seismograph records a tremor"), another pair in the same order (caption
    over credit, or credit over caption) between a finished paragraph and the next one is a
    picture too, even when its credit is a name no rule knows ("British Geological Survey") and
    both lines read as subheads. Both drop as captions. A page with no such pair keeps its lines (a subhead over a
    name is a listicle's item as often).

    >>> rows = [("title", None, "Quake shakes north Wales"),
    ...         ("keep", None, "An earthquake shook parts of north Wales late on Sunday, residents and the survey said."),
    ...         ("drop", "caption", "The Menai Strait near Bangor"), ("drop", "caption", "Wikipedia"),
    ...         ("keep", None, "The survey said the quake struck at a depth of about seven kilometres near Bangor."),
    ...         ("heading", None, "A seismograph records the tremor"), ("heading", None, "British Geological Survey"),
    ...         ("keep", None, "People as far away as Chester said they had felt the tremor late on Sunday night.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> credit = Rule(action="drop", reason="caption", pattern=regex.compile("^Wikipedia$"))
    >>> credit_pairs(ls, [None, None, None, credit, None, None, None, None]); [ln.action for ln in ls[5:7]]
    ['drop', 'drop']
    """
    pairs: list[tuple[int, str, bool, bool]] = []  # (first line, order, both dropped, credit ruled)
    for i in range(1, len(lines) - 2):
        a, b, prev, nxt = lines[i], lines[i + 1], lines[i - 1], lines[i + 2]
        if not _paragraph(nxt) or not (_finished(prev) or prev.action == "drop" and prev.reason == "caption"):
            continue
        done = a.action == "drop" and b.action == "drop" and "caption" in (a.reason, b.reason)
        if _pair_caption(a, rules[i]) and _pair_credit(b, rules[i + 1]):
            pairs.append((i, "caption-credit", done, rules[i + 1] is not None))
        elif _pair_credit(a, rules[i]) and _pair_caption(b, rules[i + 1]):
            pairs.append((i, "credit-caption", done, rules[i] is not None))
    orders = {order for _i, order, done, _r in pairs if done}
    for order in ("caption-credit", "credit-caption"):
        if sum(1 for _i, o, _d, ruled in pairs if o == order and ruled) >= 2:
            orders.add(order)  # two credits the rules know, each with a line of the same shape by it
    for i, order, _d, _r in pairs:
        if order in orders:
            for k in (i, i + 1):
                if lines[k].kept or rules[k] is None and lines[k].reason in ("nav", "related"):
                    lines[k].decide("drop", "caption")


def wire_lead(lines: list[Line]) -> None:
    """The lead of a wire story opens with a dateline ("(CNN) --", "PARIS (Reuters) -"). Kept
    lines between the byline/date block and that lead are photo captions and highlight boxes."""
    lead = next((i for i, ln in enumerate(lines) if ln.kept and "dateline" in ln.edits), None)
    if lead is None:
        return
    metas = [i for i in range(lead) if lines[i].action == "meta"]
    if not metas:
        return
    for k in range(metas[-1] + 1, lead):
        if lines[k].action == "keep":
            lines[k].decide("drop", "caption")


# a news agency named alone on a line ("The Associated Press", "Reuters", "The Canadian Press"),
# after dashes when it signs off the story ("— The Associated Press")
@lru_cache(maxsize=4)
def _wire_line(names: str) -> "regex.Pattern[str]":
    """A news agency alone on a line: one of the rules' ``wire`` list (``names``), or a name ending
    as an agency's does ("Example Press", "Example News Service"), perhaps after dashes or with the
    partner sharing its story after a slash ("Reuters/Billboard")."""
    return regex.compile(r"^(?P<dash>(?:-{1,2}|–|—)\s*)?(?:" + names + r"|United\s+Press\s+International|"
                         r"(?:The\s+)?\p{Lu}\p{L}+(?:\s+\p{Lu}\p{L}+)?\s+(?:Press|News\s+Service|Wire\s+Service))"
                         r"(?P<partner>\s*/\s*\p{Lu}[\p{L}&.\x27’-]*(?:\s+\p{Lu}[\p{L}&.\x27’-]*){0,2})?$")


@lru_cache(maxsize=4)
def _wires(names: str) -> "regex.Pattern[str]":
    """Two news agencies or more alone on a line, set apart by commas, slashes or "and" ("AFP, AP",
    "Reuters/AP"): the agencies a story was put together from."""
    return regex.compile(r"^(?:" + names + r")(?:\s*(?:,|/|&|\band\b)\s*(?:" + names + r"))+$")


@lru_cache(maxsize=4)
def _alone(names: str) -> "regex.Pattern[str]":
    """One of a rules list's forms alone on a line (``site_address``: "Example.com")."""
    return regex.compile(r"^(?:" + names + r")$")


@lru_cache(maxsize=4)
def _paper_line(paper_word: str) -> "regex.Pattern[str]":
    """A paper's name alone on a line, a few words closing on a paper's word (the rules'
    ``paper_word``), in capitals or after "The" ("WASHINGTON POST", "The Example Herald": "Emily
    Post" is a writer), or on a compound of two ("Example Post-Gazette", "Example Post-Dispatch"),
    not "News" (a desk or a menu's section: ``_DESK``)."""
    return regex.compile(r"^(?:(?:The|THE)\s+\p{Lu}[\p{L}.&\x27’-]*(?:\s+\p{Lu}[\p{L}.&\x27’-]*){0,2}\s+"
                         r"(?!(?i:news)$)(?i:" + paper_word + r")|(?=[^\p{Ll}]+$)\p{Lu}[\p{Lu}.&\x27’-]*(?:\s+\p{Lu}"
                         r"[\p{Lu}.&\x27’-]*){0,2}\s+(?!NEWS$)(?i:" + paper_word + r")"
                         r"|(?:The\s+)?\p{Lu}[\p{L}.&\x27’]*(?:\s+\p{Lu}[\p{L}.&\x27’]*){0,2}\s+" + paper_word + "-" + paper_word + r")$")


# a site's news desk named as an outlet ("WebMD Health News", "EXAMPLE DAILY NEWS"), not a section
# of the menu ("Local News", "World News")
_DESK = regex.compile(r"^(?!(?i:local|world|national|international|business|sports?|health|top|latest|breaking|more|"
                      r"related|other|science|tech|technology|entertainment|politics|political|state|city|regional|"
                      r"community|campus|school)\s+news$)(?:The\s+)?(?!(?i:also|more|other|latest|breaking|related)\b)"
                      r"\p{Lu}[\p{L}&.]*(?:\s+(?!(?i:in|the|of|and|from|on)\b)\p{Lu}[\p{L}&.]*){0,2}"
                      r"\s+(?i:News|Newswire|News\s+Agency|News\s+Desk)$")


def wire_credits(lines: list[Line], rs: RuleSet) -> None:
    """A news agency named alone on a line is the story's source (metadata) when it sits right
    under the byline ("By Jane Doe" / "The Associated Press") or under the headline in the
    byline's place, or signs off the story after
    dashes ("— The Associated Press", under the body's first line), or with the partner it shares
    the story with, right under the last paragraph ("Reuters/Billboard"), or under a copyright
    line that names only its year ("© 2008" / "The Associated Press"): its holder. So is a paper's
    name alone right under the byline ("By Jane Doe" / "WASHINGTON POST"), and a site's address
    alone under the byline block, over the story ("Published December 16, 2014" / "Example.com").

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["By Jane Doe", "The Associated Press", "Body."])]
    >>> for ln, a in zip(ls, ["meta", "heading", "keep"]): ln.decide(a, "byline" if a == "meta" else None)
    >>> from corpuskit.rules import ruleset
    >>> wire_credits(ls, ruleset("en")); ls[1].action, ls[1].reason
    ('meta', 'source')
    """
    pattern = _wire_line(rs.lists["wire"])
    several = _wires(rs.lists["wire"])
    paper = _paper_line(rs.lists["paper_word"]) if "paper_word" in rs.lists else None
    site = _alone(rs.lists["site_address"]) if "site_address" in rs.lists else None
    span = _body_span(lines)
    title = title_at(lines)
    first = next((k for k, g in enumerate(lines) if _paragraph(g)), None)
    for i, ln in enumerate(lines):
        # a paper's name alone under the byline, the paper the story came from ("By Jane Doe" /
        # "WASHINGTON POST", the rules' ``paper_word`` closing it), read as a name or not
        if (i > 0 and paper is not None and ln.action != "title" and (ln.action != "meta" or ln.reason == "byline")
                and lines[i - 1].action == "meta" and lines[i - 1].reason == "byline" and paper.match(ln.raw.strip())):
            ln.decide("meta", "source")
            continue
        # a site named by its address alone right under the byline block, over the story ("By Jane
        # Doe" / "Published December 16, 2014" / "Example.com"), perhaps over the writer's links
        # ("Archive | Contact"): the site the story came from
        if (i > 0 and ln.action in ("heading", "drop") and lines[i - 1].action == "meta"
                and lines[i - 1].reason in ("byline", "published") and site is not None and site.match(ln.raw.strip())
                and (nxt := next((k for k in range(i + 1, min(len(lines), i + 3)) if lines[k].action != "drop"), None))
                is not None and _paragraph(lines[nxt])):
            ln.decide("meta", "source")
            continue
        if ln.action == "meta" or ln.action == "title":
            continue
        m = pattern.match(ln.raw.strip())
        if not m and span is not None and span[0] < i and _finished(lines[i - 1]) \
                and several.match(ln.raw.strip()) is not None:
            ln.decide("meta", "source")  # the agencies a story was put together from, under it ("AFP, AP")
            continue
        if not m:
            # a site's own news desk named under the byline: "By Jane Doe" / "WebMD Health News", or
            # under the writer's name alone between the headline and the body, as a broadcaster
            # prints its byline ("Jane Doe" / "Example News")
            if i > 0 and _DESK.match(ln.raw.strip()):
                prev = lines[i - 1]
                if prev.action == "meta" and prev.reason == "byline":
                    ln.decide("meta", "source")
                elif (prev.action not in ("meta", "title") and _NAME.match(prev.raw.strip()) and title is not None
                      and title < i - 1 and (first is None or i < first)):
                    prev.decide("meta", "byline")
                    ln.decide("meta", "source")
            continue
        # (or right under the headline, the byline's place, a page that names no writer)
        under_byline = i > 0 and (lines[i - 1].action == "meta" and lines[i - 1].reason == "byline"
                                  or i - 1 == title and not m["dash"] and not m["partner"])
        signs_off = bool(m["dash"]) and span is not None and i > span[0]
        # the agency and the partner it shares the story with, right under the last paragraph:
        # "Reuters/Billboard"
        if m["partner"]:
            signs_off = span is not None and i > span[0] and _finished(lines[i - 1])
        # (or the holder of a copyright line that names only its year: "© 2008" / "The Associated Press")
        held = i > 0 and not m["dash"] and _YEAR_ONLY_COPYRIGHT.match(lines[i - 1].raw.strip()) is not None
        if under_byline or signs_off or held:
            ln.decide("meta", "source")


# a copyright line naming its year and no holder: "© 2008", "Copyright 2008", "(c) 2008"
_YEAR_ONLY_COPYRIGHT = regex.compile(r"^(?:©|\((?i:c)\)|(?i:copyright))\s*(?:©\s*)?(?:19|20)\d\d\.?$")


# a press release's label over the company that issued it
_PROVIDED_BY = regex.compile(r"^(?i:(?:news|content|story|release)\s+)?(?i:provided|distributed|issued)\s+(?i:by)\s*:?$")


def provided_by(lines: list[Line], longest: int = 60) -> None:
    """A wire's press release names the company that issued it under a label ("News provided
    by" / "Example Corp"): the company is no writer, though the byline checks would read it as
    one by the date under it. Label and name drop with the wire's page furniture (the source is
    the wire its dateline names: "/PRNewswire/").

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Results beat forecasts", "News provided by", "Example Corp"])]
    >>> for ln, a in zip(ls, ["title", "drop", "keep"]): ln.decide(a)
    >>> provided_by(ls); [(ln.action, ln.reason) for ln in ls]
    [('title', None), ('drop', 'nav'), ('drop', 'nav')]
    """
    for i, ln in enumerate(lines[:-1]):
        if _PROVIDED_BY.match(ln.raw.strip()) is None:
            continue
        k = next((k for k in range(i + 1, min(len(lines), i + 3)) if lines[k].raw.strip()), None)
        if k is None:
            continue
        name = lines[k].raw.strip()
        if (len(name) <= longest and name[:1].isupper() and not _SENTENCE_END.search(name)
                and lines[k].action != "title" and (lines[k].action != "meta" or lines[k].reason == "byline")
                and not any(c.isdigit() for c in name)):
            ln.decide("drop", "nav")
            lines[k].decide("drop", "nav")
        return


def name_bylines(lines: list[Line], rules: list[Rule | None], rs: RuleSet) -> None:
    """A name alone on a line is a byline when it sits next to the author's handle
    ("@janedoe"), or next to the date or source lines (within two lines, under the headline)
    of a page whose rules found no byline in the article, or right under the headline when the date line
    sits right over it, or right under the label of the writer's box ("About the author") after the
    article, or repeats a name already in a byline. (A page with a
    "By ..." line has its authors; capitalised words next to it are more likely a widget,
    "Gift Article". An author's bio under the article does not count.) So is a name over the
    writer's role alone on the next line (the rules' ``writer_role`` list: "Technology reporter"),
    in the byline block. So are two to four names on one line, set apart by commas, "and" or "&"
    (the rules' ``bare_names``: "Jane Doe and John Roe", "Jane Doe, John Roe"), next to the date
    line or right under the headline. A sign-off under the
    article, dashes and a name ("-- Jane Doe"), is a byline when a byline names that writer, or
    when the page has no byline and it stands right under the article's last paragraph; on such
    a page (crediting no source either), so is a name alone right under the last paragraph, over
    residue. So is a name alone over the headline (under the section's label) or in the head when the
    article closes with that writer's bio ("Jane Roe" over the headline, "Jane Roe is national
    administrator of Example Group." closing the article): an op-ed's byline.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Storm heads east", "Jane Doe", "@janedoe", "Body."])]
    >>> for ln, a in zip(ls, ["title", "drop", "meta", "keep"]): ln.decide(a, "byline" if a == "meta" else None)
    >>> from corpuskit.rules import ruleset
    >>> name_bylines(ls, [None] * 4, ruleset("en")); ls[1].action, ls[1].reason
    ('meta', 'byline')
    """
    role = rs.pattern("writer_role")
    desk = rs.pattern("writer_desk")
    names = rs.pattern("bare_names")
    metas = [i for i, ln in enumerate(lines) if ln.action == "meta"]
    named = {ln.raw for ln in lines if ln.action == "meta" and _NAME.match(ln.raw)}
    t = title_at(lines)
    if t is None:
        t = -1
    span = _body_span(lines)
    end = span[1] if span else len(lines)  # a bio or a handle under the article: not the byline block
    ruled_byline = any(r is not None and r.reason == "byline" and not _HANDLE.match(lines[i].raw)
                       for i, r in enumerate(rules[:end]))
    bylined = any(m.action == "meta" and m.reason == "byline" for m in lines)  # (kept up to date below)
    # the article's closing line, over its numbered endnotes; or a writer's bio a rule read as the byline's
    last = _last_paragraph(lines, [k for k in range(end + 1) if lines[k].action in ("keep", "heading")]) if span else None
    closings = [lines[last].raw.strip()] if last is not None and lines[last].action == "keep" and last > t >= 0 else []
    closings += [lines[k].raw.strip() for k in range(span[0] + 1 if span else len(lines), len(lines))
                 if lines[k].action == "meta" and lines[k].reason == "byline" and rules[k] is not None
                 and rules[k].reason == "byline" and " is " in lines[k].raw]
    for i, ln in enumerate(lines):
        if ln.action in ("meta", "title") or rules[i] is not None or _widget_worded(ln.raw):
            continue
        several = names is not None and names.match(ln.raw) is not None  # two or more writers: only by the date line
        if not several and not _name_shaped(ln.raw):
            continue
        # next to the writer's handle ("Jane Doe" / "@janedoe"); within three lines when the handle
        # holds the name's last word, and not a tag line right under it when another line so
        # close is the name the handle holds ("Fred Roe" / "- 5 days ago" / "@FredRoe" / "Cars Tesla")
        handle = i < end and any(
            _in_handle(ln.raw, lines[k].raw) or abs(i - k) <= 1 and not any(
                j != i and _NAME.match(lines[j].raw) and _in_handle(lines[j].raw, lines[k].raw)
                for j in range(max(0, k - 3), min(len(lines), k + 4)))
            for k in metas if 0 < abs(i - k) <= 3 and _HANDLE.match(lines[k].raw))
        near = not ruled_byline and t < i < end and any(
            0 < abs(i - k) <= 2 and lines[k].reason in ("published", "byline", "source")
            and not _HANDLE.match(lines[k].raw)
            and not any(lines[j].kept for j in range(min(i, k) + 1, max(i, k)))  # (a paragraph between: a caption's name)
            for k in metas)
        # a name right under the headline, the date line right over it ("Top Story - May 3, 2021",
        # a picture's placeholder, the headline, the name): the headline does not part them
        # (or a story's tools between the date and the headline: "Sun 28 Nov 2004" / "Printer
        # friendly" / "Send to friend" / the headline / "JANE DOE")
        under = (not ruled_byline and i == t + 1 and i < end and any(
            lines[k].reason in ("published", "source") and (0 < t - k <= 2 or 0 < t - k <= 5 and all(
                lines[j].action == "drop" and lines[j].reason in ("share", "nav") and len(lines[j].raw) <= 30
                for j in range(k + 1, t))) for k in metas))
        # the writer's box after the article: its label, then the name alone ("About the author",
        # "Jane Doe"), on a page that printed no byline (a page with one: the box's links, "All Posts")
        boxed = not ruled_byline and not bylined and any(
            _AUTHOR_BOX.match(lines[k].raw.strip()) and not any(lines[j].kept for j in range(k + 1, i))
            for k in range(max(0, i - 2), i))
        # a name over the writer's role alone on the next line, in the byline block ("Jane Doe" /
        # "Technology reporter"): a broadcaster's byline, one name and role per writer
        roled = (role is not None and t < i < end and i + 1 < len(lines) and lines[i + 1].action == "meta"
                 and lines[i + 1].reason == "byline" and role.match(lines[i + 1].raw.strip()) is not None)
        # or over the broadcaster's desk, a few lines under the headline ("Jane Doe" / "Example News,
        # Wales"): the desk's line is the byline's too
        desked = (desk is not None and 0 <= t < i <= t + 6 and i < end and i + 1 < len(lines)
                  and lines[i + 1].action == "drop" and desk.match(lines[i + 1].raw.strip()) is not None)
        if desked and not several:
            lines[i + 1].decide("meta", "byline")
            roled = True
        # a name over the headline (under the section's label) or in the head, the article closing
        # with that writer's bio ("Jane Roe" ... "Jane Roe is national administrator of Example
        # Group."): an op-ed's byline the engine dropped with the menus
        signed_bio = (not several and t >= 0 and t - 2 <= i < (span[0] if span else -1) and any(
            closing.startswith(ln.raw.strip() + " ") and _BIO_VERB.match(closing[len(ln.raw.strip()):]) is not None
            for closing in closings))
        # a name under the headline's standfirst, over the body, on a page with no byline
        # (the headline, "Latest data suggest a clean-up will take decades.", "Jane Doe", the lead)
        # (one standfirst: under two paragraphs, a feature's first subhead, "Car Talk"; and no
        # heading under it a name too: a guide's profiles, each under its subject's name)
        decked = (not several and not ruled_byline and not bylined and 0 <= t and i == t + 2 and i < end
                  and ln.action in ("heading", "drop") and lines[t + 1].action == "keep"
                  and _SENTENCE_END.search(lines[t + 1].raw.strip()) is not None
                  and not any(lines[k].action == "heading" and _name_shaped(lines[k].raw) for k in range(i + 1, end)))
        if (near or under) if several else (handle or near or under or boxed or roled or signed_bio or decked):
            ln.decide("meta", "byline")
            named.add(ln.raw)
            bylined = True
    for i, ln in enumerate(lines):
        if ln.action == "drop" and ln.raw in named and rules[i] is None:
            ln.decide("meta", "byline")
    signed = " ".join(ln.raw for ln in lines if ln.action == "meta" and ln.reason == "byline")
    # (on a page with no byline, a sign-off right under the article's last paragraph: a review's
    # writer signing it, "- Jane Doe")
    closed = last if last is not None and lines[last].action == "keep" and last > t else None
    for i, ln in enumerate(lines):
        m = _SIGN_OFF.match(ln.raw.strip())
        if m and ln.action in ("keep", "heading", "drop") and rules[i] is None and (
                m[1] in signed or not signed and closed is not None and closed < i <= closed + 2
                and not any(lines[j].kept for j in range(closed + 1, i))):
            ln.decide("meta", "byline")  # the writer's sign-off under the article: "-- Jane Doe"
    # (with no dash, the name alone right under the last paragraph, over the page's residue, on a
    # page with no byline: "Jane Doe" / "Submit to: Digg Del.icio.us Reddit")
    # (each word a capital and small letters: "TS Channel" is a section's name; not on a page
    # crediting a source either, whose name such a line may be)
    k = closed + 1 if closed is not None else len(lines)
    if (not signed and k < len(lines) and lines[k].action == "drop" and rules[k] is None
            and _NAME.match(lines[k].raw.strip()) and not _WIDGET_WORD.search(lines[k].raw)
            and all(_CAPITALISED.match(w) for w in lines[k].raw.split())
            and not any(m.action == "meta" and m.reason == "source" for m in lines)
            and (k + 1 == len(lines) or lines[k + 1].action == "drop")):
        lines[k].decide("meta", "byline")


def _in_handle(name: str, handle: str) -> bool:
    """Whether a social handle holds the name's last word (three letters or more).

    >>> _in_handle("Fred Lambert", "@FredericLambert"), _in_handle("Cars Tesla", "@FredericLambert")
    (True, False)
    """
    last = name.split()[-1].lower() if name.split() else ""
    return len(last) >= 3 and last in handle.lower()


# one capitalised word alone: a city under the byline ("Sydney", "SYDNEY", "Auckland")
_CITY = regex.compile(r"^(?:\p{Lu}\p{Ll}{2,}|\p{Lu}{3,})$")
# a staff credit that names no writer: "HT Correspondent", "Express News Service", "Staff Reporter"
_STAFF_CREDIT = regex.compile(r"^(?:\p{Lu}[\p{L}&.]*\s+){0,3}(?i:correspondent|reporter|news\s+service|bureau|"
                              r"staff|desk|staff\s+reporter|staff\s+writer|news\s+network)$")


def place_under_credit(lines: list[Line], rules: list[Rule | None]) -> None:
    """A staff credit that names no writer ("HT Correspondent", "Express News Service") is printed
    over the place the story was filed from ("New Delhi"), as Indian papers do; the place, two
    capitalised words, reads as a name and was taken for the byline. A name-shaped line decided
    as a byline right under such a credit, with no rule of its own, is the dateline (not under a
    role printed under a writer's name: "Jane Doe" / "Business correspondent" / "John Roe").

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Monsoon nears", "HT Correspondent", "New Delhi"])]
    >>> for ln, a in zip(ls, ["title", "meta", "meta"]): ln.decide(a, "byline" if a == "meta" else None)
    >>> place_under_credit(ls, [None] * 3); ls[2].label()
    'meta:dateline'

    So is one capitalised word alone, decided a byline, right under a byline naming a
    writer: the city the story was filed from, as
    Australian and New Zealand papers print it ("By Jane Doe" / "Sydney" / "May 21, 2024");
    one word names no writer.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Flu season peaks early", "By Jane Doe", "Sydney"])]
    >>> for ln, a in zip(ls, ["title", "meta", "meta"]): ln.decide(a, "byline" if a == "meta" else None)
    >>> place_under_credit(ls, [None] * 3); ls[2].label()
    'meta:dateline'
    """
    for i in range(1, len(lines)):
        ln, above = lines[i], lines[i - 1]
        if (ln.action == "meta" and ln.reason == "byline" and rules[i] is None and _CITY.match(ln.raw.strip())
                and above.action == "meta" and above.reason == "byline" and not _CITY.match(above.raw.strip())):
            ln.decide("meta", "dateline")
            continue
        if (ln.action == "meta" and ln.reason == "byline" and rules[i] is None and _NAME.match(ln.raw.strip())
                and above.action == "meta" and above.reason == "byline"
                and _STAFF_CREDIT.match(above.raw.strip())
                and not (i >= 2 and lines[i - 2].action == "meta" and lines[i - 2].reason == "byline")):
            ln.decide("meta", "dateline")  # (a role under a writer's name: the next writer, not a place)


# the label of the writer's box: "About the author", "About the writer", "The Author"
_AUTHOR_BOX = regex.compile(r"^(?i:about\s+the\s+(?:author|writer|reporter|columnist)s?|the\s+authors?)\s*:?$")
# a word of a name: a capital, then small letters ("Jane", "O'Neil", "Smith-Jones")
_CAPITALISED = regex.compile(r"^\p{Lu}\p{Ll}+(?:['’-]\p{L}+)*$")
# a sign-off: dashes, then a name alone ("-- Jane Doe", "— Jane Doe"), perhaps with the blog or
# outlet after a slash ("-- Jane Doe/Drive On")
_SIGN_OFF = regex.compile(r"^(?:-{1,2}|–|—)\s*(\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){1,3})"
                          r"(?:\s*/\s*\p{Lu}[\p{L}\d&'’.-]*(?:\s+\p{Lu}[\p{L}\d&'’.-]*){0,3})?$")


# a staff writer's note closing the article, by the name the byline gave: "... joined the Post in
# 2015 and covers health", "... covers Japan for ..." (an op-ed writer's note, "... is the author of
# three books.", is the byline's: ``_WRITER_NOTE``)
_STAFF_BIO = regex.compile(r"^\s+(?:joined\s+(?:the\s+)?\p{Lu}[\p{L}.&'’ -]{1,40}?\s+in\s+(?:19|20)\d\d\b|covers\b|reports\s+on\b|writes\s+about\b)")
# (perhaps past a title set off by commas: "Jane Doe, a Senior Fellow at the Example Center, is ...")
_BIO_VERB = regex.compile(r"^(?:,\s+an?\s+[^,]{3,80},)?\s+(?:is|was|has|writes|covers|reports|joined|currently|works|lives)\b")
# an op-ed writer's tagline closing the article, after the name: " is national administrator of
# Example Group.", " is a senior fellow at the Example Institute." (the post at a named body, the
# sentence closing on it; "... is the author of a book about the lakes." names no body, and is
# ``_WRITER_NOTE``'s)
# the body may be told, then named after a comma: " is national administrator of the UK schools
# debating competition, Debating Matters."
_AFFILIATION = regex.compile(r"^\s+is\s+(?:an?\s+|the\s+)?(?:[\p{L}-]+,?\s+){0,6}?(?:of|at|with|for|in)\s+(?:the\s+)?"
                             r"(?:(?:[\p{L}\d-]+\s+){0,6}[\p{L}\d-]+,\s+)?"
                             r"\p{Lu}[\p{L}\d&.'’-]*(?:\s+(?:\p{Lu}[\p{L}\d&.'’-]*|of|for|and|the|&|on|in|at)){0,8}\.$")
# the writer's note closing an opinion piece, after the byline's name: " is an executive coach who
# helps clients plan.", " is the Small Business Strategist who founded Example.com. She also answers
# questions ..." (what the writer is, in a sentence, perhaps two more about the writer or where to
# follow her: "Her team at Example, Inc., has ... Follow Roe on Twitter: @janeroe."; no quotation;
# a full stop inside a word or before a comma, "GrowMap.com", "Inc.,", ends none)
_WRITER_NOTE = regex.compile(r"^\s+is\s+(?:an?|the)\s+(?:[^.!?\"“”]|\.(?=[\w,])){3,200}[.!?]"
                             r"(?:\s+(?:She|He|They|Her|His|Their|Follow|Find|Reach|Contact|Email)\s+"
                             r"(?:[^.!?\"“”]|\.(?=[\w,])){3,200}[.!?]){0,2}$")
# a numbered endnote under the article, its source cited: "(1) The price of poultry, BBC", "[2] ..."
_ENDNOTE = regex.compile(r"^[(\[]\d{1,2}[)\]]\s+\S")


def _last_paragraph(lines: list[Line], paras: list[int]) -> int | None:
    """The article's last paragraph among the kept lines ``paras``: the last one, or the one over
    the numbered endnotes that close the article ("(1) The price of poultry, BBC")."""
    k = len(paras) - 1
    while k >= 0 and _ENDNOTE.match(lines[paras[k]].raw):
        k -= 1
    return paras[k] if k >= 0 else None


# a text-size widget ("Text size A A A", "Font Size: Decrease Increase"): the page's controls, under
# any label ("Example Sports"), no author's popup
_TEXT_SIZE = regex.compile(r"^\s*(?i:font|text|type)\s*size\b")


def author_popup(lines: list[Line], rules: list[Rule | None], most: int = 6) -> None:
    """A name alone on a line between the headline (or a standfirst right under it) and the
    first paragraph is the byline when an author popup or tab prints it: a widget line a rule
    drops follows it ("Search for this author in:", a share button), or the writer's bio,
    opening with the name ("Jane Doe is a science reporter ..."). A widget label ending in a
    colon lists short links under it ("PubMed", "Example.com"): up to the first paragraph,
    those short lines drop with it. A page whose rules found a byline has its author: a name
    there with a widget under it is no byline, unless its bio follows.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Storm heads east", "Jane Doe",
    ...     "Search for this author in:", "Example Index",
    ...     "Forecasters expect the storm to weaken well before it reaches the coast on Friday night."])]
    >>> for ln, a in zip(ls, ["title", "heading", "drop", "heading", "keep"]): ln.decide(a, "nav" if a == "drop" else None)
    >>> label = Rule("drop", "nav", regex.compile("^Search for this author in:$"))
    >>> author_popup(ls, [None, None, label, None, None]); [(ln.action, ln.reason) for ln in ls][1:4]
    [('meta', 'byline'), ('drop', 'nav'), ('drop', 'nav')]
    """
    t = title_at(lines)
    if t is None:
        return
    # the first paragraph under the headline, past a standfirst right under it
    paras = [i for i in range(t + 1, len(lines)) if _paragraph(lines[i])][:2]
    if not paras:
        return
    first = paras[1] if paras[0] == t + 1 and len(paras) > 1 else paras[0]
    ruled_byline = any(r is not None and r.action == "meta" and r.reason == "byline" and not _HANDLE.match(lines[i].raw)
                       for i, r in enumerate(rules[:first]))
    for i in range(t + 1, min(first, t + most)):
        ln, name = lines[i], lines[i].raw.strip()
        if (ln.action in ("meta", "title") or rules[i] is not None or not _NAME.match(name)
                or _WIDGET_WORD.search(name) or i + 1 >= first):
            continue  # (a widget's own label, "Facebook Activity", reads as a name too)
        nxt, r = lines[i + 1], rules[i + 1]
        bio = nxt.raw.startswith(name) and _BIO_VERB.match(nxt.raw[len(name):]) is not None
        widget = (r is not None and r.action == "drop" and r.reason in ("nav", "share") and not ruled_byline
                  and not _TEXT_SIZE.match(nxt.raw))
        if not (bio or widget):
            continue
        ln.decide("meta", "byline")
        if widget and nxt.raw.rstrip().endswith(":"):
            for k in range(i + 2, first):
                text = lines[k].raw.strip()
                if (not lines[k].kept or rules[k] is not None and rules[k].action != "drop"
                        or _words(text) > 3 or len(text) > 30 or _SENTENCE_END.search(text)):
                    break
                lines[k].decide("drop", "nav")
        return


_NAME_SPLIT = regex.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+|\s*&\s*")


def author_bio(lines: list[Line], rules: list[Rule | None]) -> None:
    """The writer's bio box, printed by the byline or under the article: a kept line that opens
    with a name the page's byline gave (over the body's first paragraph, perhaps after a short
    phrase and a comma: "Originally from France, Jane Doe is ..."), alone on its line (or with the other writers' names:
    "Jane Doe and John Roe"), and goes on as a bio ("Jane Doe
    currently works for Example News as a writer. ..."). It stands over the body's first
    paragraph, or is cut short with a link ("... → Learn More"), or closes the article as a staff
    writer's note (``_STAFF_BIO``: "Jane Doe joined the Post in 2015 and covers health."); an
    article's own sentence about its writer stands among its paragraphs. It
    drops as the author boxes do (related). A one-sentence tagline closing the article that names
    the writer's post at a named body (``_AFFILIATION``: "Jane Roe is national administrator of
    Example Group.", an op-ed's) is the byline's note: metadata, as "Jane Doe is a reporter at
    Example News." is; so is one that says what the writer is (``_WRITER_NOTE``: "Jane Roe is an
    executive coach who helps clients plan.", perhaps with one more sentence about her).

    >>> rows = [("title", "Storm heads east"), ("meta", "Jane Doe"),
    ...         ("keep", "Jane Doe currently works for Example News as a writer. She studied in Leeds."),
    ...         ("keep", "Forecasters expect the storm to weaken well before it reaches the coast on Friday.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "byline" if a == "meta" else None)
    >>> author_bio(ls, [None] * 4); [ln.action for ln in ls]
    ['title', 'meta', 'drop', 'keep']
    """
    names = {n for ln in lines if ln.action == "meta" and ln.reason == "byline"
             for n in _NAME_SPLIT.split(_BY.sub("", ln.raw.strip())) if _NAME.match(n)}  # (several: "Jane Doe and John Roe")
    # (a name of three words, the bio may give two: "Harvey Kong Wai-lun" / "Harvey Kong joined ...")
    names |= {" ".join(n.split()[:2]) for n in names if len(n.split()) == 3}
    if not names:
        return
    paras = [i for i, ln in enumerate(lines) if ln.action == "keep"]
    if len(paras) < 2:
        return
    last = _last_paragraph(lines, paras)
    # the first paragraph under the byline block (a standfirst over the byline goes before it)
    byline = next((i for i, ln in enumerate(lines) if ln.action == "meta" and ln.reason == "byline"), -1)
    first = next((i for i in paras if i > byline), paras[0])
    for i in paras:
        text = lines[i].raw
        if i in (paras[0], first) and (lead := _BIO_LEAD.match(text)) is not None:
            text = text[lead.end():]  # (over the body: "Originally from France, Jane Doe is ...")
        name = next((n for n in names if text.startswith(n)), None)
        if (name is not None and i == last and rules[i] is None
                and (_AFFILIATION.match(text.rstrip()[len(name):]) is not None
                     or _WRITER_NOTE.match(text.rstrip()[len(name):]) is not None)):
            lines[i].decide("meta", "byline")
            continue
        if (name is None or rules[i] is not None or _BIO_VERB.match(text[len(name):]) is None
                or not (i in (paras[0], first) or _BLURB_CUT.search(text) or _LINK_CUT.search(text)
                        or i == paras[-1] and _STAFF_BIO.match(text[len(name):]))):
            continue
        lines[i].decide("drop", "related")


# a byline's word before the names: "By Jane Doe"
_BY = regex.compile(r"^(?i:by)\s+")
# a short phrase and a comma opening a writer's bio: "Originally from France, ", "Based in Paris, "
_BIO_LEAD = regex.compile(r"^(?:[\p{L}'’-]+\s+){1,4}[\p{L}'’-]+,\s+(?=\p{Lu})")
_FIELD_LABEL = regex.compile(r"^\p{Lu}[\p{L}'’]*(?:\s+[\p{L}'’]+){0,2}\s*:$")
# a company card's field, its label and value on one line ("Website: apple.com", "IPO: NASDAQ:AAPL",
# "Launch Date: April 1, 1976"): the labels of a database's profile, not an article's fact box
# ("When: 8 p.m., Saturday" may be the article's own)
_CARD_FIELD = regex.compile(r"^(?i:company|website|launch\s+date|founded|founders?|ipo|headquarters|employees|"
                            r"(?:total\s+)?funding|ticker|stock\s+symbol|industry|acquired\s+by|ceo)\s*:\s*\S.{0,40}$")
# a link alone on its line to the rest of a card's summary: "→ Learn more", "Read more »"
_MORE_LINK = regex.compile(r"^[→»›>]?\s*(?i:learn\s+more|read\s+more|more)\s*[→»›>]?$")
_LINK_CUT = regex.compile(r"(?:\.\.\.|…)\s*[→»›>]?\s*(?i:learn more|read more|more|full bio|view bio|bio|full profile)\s*[→»›>]?$")


def fact_box(lines: list[Line], rules: list[Rule | None], least: int = 3) -> None:
    """A fact box after the article (a company's or a topic's card): ``least`` or more pairs in a
    row of a short label ending in a colon ("Website:", "Launch Date:") over its value on the
    next line, a few words with no sentence end ("$2.34B", a date, a link), or a company card's
    fields with label and value on one line (``_CARD_FIELD``: "Website: apple.com", "IPO:
    NASDAQ:AAPL"). Labels and values are residue, and so is the card's summary right under the
    last value when the site cut it short ("... It...") or a link to the rest follows it ("→
    Learn more"). A body's subheads end in a colon only now and then, and are followed by
    paragraphs, not by single words.

    >>> rows = [("keep", "Body of the article, long enough to be a paragraph and end as one."),
    ...         ("keep", "Company:"), ("heading", "Example Corp"), ("keep", "Website:"), ("drop", "http://example.com"),
    ...         ("keep", "Funding:"), ("heading", "$2.5M"), ("keep", "Example Corp makes garden tools. It...")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "footer" if a == "drop" else None)
    >>> fact_box(ls, [None] * len(ls)); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop']
    """
    def value(k: int) -> bool:
        text = lines[k].raw.strip()
        return 0 < _words(text) <= 5 and len(text) <= 40 and not _FIELD_LABEL.match(text) and not text.endswith(".")

    def field(k: int) -> int:
        """Lines the field at ``k`` takes: a label over its value (2), a card's label and its
        value on one line (1), or none (0)."""
        if lines[k].action == "title":
            return 0
        if k + 1 < n and _FIELD_LABEL.match(lines[k].raw.strip()) and value(k + 1):
            return 2
        return 1 if _CARD_FIELD.match(lines[k].raw.strip()) else 0

    i, n = 0, len(lines)
    while i < n - 1:
        j, fields = i, 0
        while j < n and (step := field(j)):
            j, fields = j + step, fields + 1
        if fields < least:
            i += 1
            continue
        for k in range(i, j):
            if lines[k].action != "drop":
                lines[k].decide("drop", "related")
        if j < n and lines[j].kept and lines[j].action != "title" and (
                _BLURB_CUT.search(lines[j].raw) or j + 1 < n and _MORE_LINK.match(lines[j + 1].raw.strip())):
            lines[j].decide("drop", "related")
        i = j


# a review's fact box field, its label of a word or two and its value on one line ("Director: Jane
# Doe", "Running time: 1:50", "Rated: PG-13 for language")
_BOX_FIELD = regex.compile(r"^\p{Lu}\p{Ll}+(?:\s+\p{Ll}+)?\s*:\s*\S.{0,100}$")


def box_tail(lines: list[Line], rules: list[Rule | None], least: int = 2) -> None:
    """The rest of a review's fact box the article closes with: where its last ``least`` kept
    lines are fields ("Director: Anne Fletcher" / "Cast: ..."), the fields right under them that
    the engine dropped by their place alone (no rule named them: "Rated: PG-13 ...", "Running
    time: 1:50") are the box's too, and kept. (An event's box, the rules' ``fact_field``, is
    furniture wherever it stands: ``fact_lines``.)

    >>> rows = [("keep", "The film is a pleasant enough way to pass two hours."), ("heading", "Director: Jane Doe"),
    ...         ("keep", "Cast: John Roe, Mary Major"), ("drop", "Rated: PG-13 for language"),
    ...         ("drop", "Running time: 1:50"), ("drop", "News |")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> box_tail(ls, [None] * len(ls)); [ln.action for ln in ls]
    ['keep', 'heading', 'keep', 'keep', 'keep', 'drop']
    """
    kept = [k for k, ln in enumerate(lines) if ln.kept and ln.action != "title"]
    if len(kept) < least + 1 or not all(_BOX_FIELD.match(lines[k].raw.strip()) for k in kept[-least:]):
        return
    for k in range(kept[-1] + 1, len(lines)):
        ln = lines[k]
        if not (ln.action == "drop" and rules[k] is None and ln.reason in (None, "related", "nav")
                and _BOX_FIELD.match(ln.raw.strip())):
            return
        ln.decide("keep")


# the marker closing a newsletter box inside the article ("after newsletter promotion")
_PROMO_END = regex.compile(r"^(?i:after|end\s+of)\s+(?i:newsletter)\s+(?i:promotion)$")


def newsletter_box(lines: list[Line], reach: int = 5) -> None:
    """A newsletter box inside the article, between its header dropped as an ad ("Sign up to First
    Edition") and the marker that closes it ("after newsletter promotion"): the pitch kept between
    them ("The planet's most important stories. Get all the week's news ...") is the box's.

    >>> rows = [("keep", "Beavers were hunted to extinction in Britain in the 16th century for their fur."),
    ...         ("drop", "Sign up to Down to Earth"), ("keep", "The planet's most important stories. Get all the week's news"),
    ...         ("drop", "after newsletter promotion"), ("keep", "Wild beavers are now found in several English rivers.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "ad" if a == "drop" else None)
    >>> newsletter_box(ls); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop', 'keep']
    """
    for i, ln in enumerate(lines):
        if ln.action != "drop" or ln.reason != "ad" or not _PROMO_END.match(ln.raw.strip()):
            continue
        start = next((k for k in range(i - 1, max(-1, i - 1 - reach), -1)
                      if lines[k].action == "drop" and lines[k].reason == "ad"), None)
        if start is not None:
            for k in range(start + 1, i):
                if lines[k].kept and lines[k].action != "title":
                    lines[k].decide("drop", "ad")


# a newsletter box's own words: its name, its button, its small print
_SIGNUP_WORDED = regex.compile(r"(?i)\b(?:newsletters?|sign(?:ing)?[\s-]+up|subscrib\w*)\b")


def _signup_drop(ln: Line) -> bool:
    return ln.action == "drop" and ln.reason == "ad" and bool(_SIGNUP_WORDED.search(ln.raw))


def signup_blurbs(lines: list[Line], longest: int = 150, reach: int = 2) -> None:
    """A newsletter box's blurb: one short line kept between the box's sign-up lines dropped as ads,
    the one right over it and one under it (a menu's stray line between aside). A short paragraph
    between two bare ad slots ("Advertisement") stays: the lines around it must name the sign-up.

    >>> rows = [("drop", "Sign up for Example News"), ("keep", "The latest news from around the world. Timely."),
    ...         ("drop", "Search"), ("drop", "Subscribe")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "nav" if ln.raw == "Search" else "ad" if a == "drop" else None)
    >>> signup_blurbs(ls); [ln.action for ln in ls]
    ['drop', 'drop', 'drop', 'drop']
    """
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if ln.action != "keep" or len(ln.text) > longest or not _signup_drop(lines[i - 1]):
            continue
        below = next((k for k in range(i + 1, min(len(lines), i + 1 + reach))
                      if not (lines[k].action == "drop" and lines[k].reason == "nav")), None)
        if below is not None and _signup_drop(lines[below]):
            ln.decide("drop", "ad")


def title_over_points(lines: list[Line], rs: RuleSet, most: int = 8, reach: int = 4) -> None:
    """A live page's or a story's summary box right under its head: the headline, the date line,
    the box's label ("Key points", the rules' ``summary_label``), its points. The engine may name the
    last point, standing over the body, the title. A title among the points under such a label,
    with a headline-shaped line within ``reach`` lines over the label (only the date or the page's
    furniture between, nothing kept), gives the title to that line; the point drops with the others
    it was read with.

    >>> from corpuskit.rules import ruleset
    >>> ls = _decided([("drop", "nav", "Storm latest: Thousands without power as warnings extended"),
    ...     ("meta", "published", "Updated 14:32 GMT"), ("drop", "nav", "Key points"),
    ...     ("drop", "related", "More than 50,000 homes without power"),
    ...     ("title", None, "Rail services suspended in the north"),
    ...     ("keep", None, "The electricity network operator says it has restored supply to 20,000 homes.")])
    >>> title_over_points(ls, ruleset("en")); [(ln.action, ln.reason) for ln in ls[:5:4]]
    [('title', None), ('drop', 'related')]
    """
    label = rs.pattern("summary_label")
    t = title_at(lines)
    if label is None or t is None:
        return
    i = next((k for k in range(t - 1, max(-1, t - 1 - most), -1) if label.match(lines[k].raw.strip())), None)
    if i is None or any(lines[k].kept for k in range(i + 1, t)):
        return
    for h in range(i - 1, max(-1, i - 1 - reach), -1):
        ln = lines[h]
        text = ln.raw.strip()
        if ln.action == "drop" and ln.reason in (None, "nav", "related") and _headline(text) and _words(text) >= 5:
            ln.decide("title")
            lines[t].decide("drop", "related")
            return
        if ln.kept or not (ln.action == "meta" or ln.action == "drop" and _words(text) <= 4):
            return


def summary_points(lines: list[Line], rules: list[Rule | None], rs: RuleSet, most: int = 8, longest: int = 200) -> None:
    """A story's summary box, its label kept ("Key points:", the rules' ``summary_label``) over two
    to ``most`` points with no full stop, each a clause of running words: the engine reads the
    points as a related list (short lines in a run) and drops them, though they are the article's
    own and their label stays. Points no rule names, kept or dropped by their place, are kept with
    the label when a kept paragraph stands right over the label or right under the points.

    >>> from corpuskit.rules import ruleset
    >>> rows = [("keep", "Flood warnings have been issued for several rivers after heavy rain soaked the region."),
    ...         ("keep", "Key points:"), ("drop", "Flood warnings are current for the Wilsons and Richmond rivers"),
    ...         ("drop", "More than 200mm of rain has fallen in some areas"),
    ...         ("keep", "The SES spokesperson said people should avoid driving through floodwater on any road.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> summary_points(ls, [None] * 5, ruleset("en")); [ln.action for ln in ls]
    ['keep', 'keep', 'keep', 'keep', 'keep']
    """
    label = rs.pattern("summary_label")
    if label is None:
        return
    for i, ln in enumerate(lines):
        if ln.action not in ("keep", "heading") or not label.match(ln.raw.strip()):
            continue
        j = i + 1
        while (j < len(lines) and j - i <= most and (lines[j].kept or lines[j].reason in ("nav", "related"))
               and lines[j].action != "title" and rules[j] is None):
            text = lines[j].raw.strip()
            if len(text) > longest or _SENTENCE_END.search(text) or not _RUNNING.search(text) or _words(text) < 4:
                break
            j += 1
        points = range(i + 1, j)
        if len(points) < 2 or not ((i > 0 and _paragraph(lines[i - 1])) or (j < len(lines) and _paragraph(lines[j]))):
            continue
        for k in points:
            if lines[k].action == "drop":
                lines[k].decide("keep")


# a value that ends as a told sentence does, on a word ("... with 50 staff or more."), not on an
# abbreviation ("10 p.m.", "Water St.")
_TOLD = regex.compile(r"\p{Ll}{3,}[.!?][\"'”’)]*$")


def fact_lines(lines: list[Line], rs: RuleSet, least: int = 3) -> None:
    """An event's or a venue's fact box, "Label: value" lines in a row (the rules' ``fact_field``:
    "Who: ...", "When: ...", "Where: ...", "Cost: ..."), is page furniture wherever it stands,
    under the headline or after the article: ``least`` lines or more with two labels at least,
    or two under the box's header ("If you go", ``fact_header``), drop with the header. One such
    line alone is the article's ("Where: the festival also has a craft market."), and so is an
    explainer's run of them told in sentences, most ending on a word ("When: The law takes effect
    in January."). A box between the headline and the byline may have given the title to its last
    line: the headline is then the line over the box.

    >>> from corpuskit.rules import ruleset
    >>> rows = [("title", "Jazz festival returns for its 20th year"), ("meta", "By Dana Cole"),
    ...         ("heading", "Who: The Harbour Big Band"), ("keep", "When: Saturday, June 15, noon to 10 p.m."),
    ...         ("keep", "Cost: $15 in advance"), ("keep", "The festival returns to the waterfront this month.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "byline" if a == "meta" else None)
    >>> fact_lines(ls, ruleset("en")); [ln.action for ln in ls]
    ['title', 'meta', 'drop', 'drop', 'drop', 'keep']
    """
    field, header = rs.pattern("fact_field"), rs.pattern("fact_header")
    if field is None:
        return
    n = len(lines)
    i = 0
    while i < n:
        j = i
        while j < n and lines[j].action != "meta" and ":" in lines[j].raw[:30] and field.match(lines[j].raw.strip()):
            j += 1
        if j == i:
            i += 1
            continue
        headed = i > 0 and header is not None and header.match(lines[i - 1].raw.strip()) is not None
        labels = {lines[k].raw.strip().split(":", 1)[0].lower() for k in range(i, j)}
        told = sum(1 for k in range(i, j) if _TOLD.search(lines[k].raw))
        if (j - i >= least or headed and j - i >= 2) and len(labels) >= 2 and 2 * told <= j - i:
            titled = any(lines[k].action == "title" for k in range(i, j))
            for k in range(i - headed, j):
                lines[k].decide("drop", "related")
            if titled:  # the headline over the box (dropped by its place), not the box's last line
                h = next((k for k in range(i - headed - 1, -1, -1) if lines[k].action != "meta"), None)
                if (h is not None and lines[h].action == "drop" and lines[h].reason in ("nav", "related")
                        and _headline(lines[h].raw)):
                    lines[h].decide("title")
        i = j


_CUT_MARK = regex.compile(r"\s*(?:\.\.\.|…)?\s*$")
_SPACES = regex.compile(r"\s+")
# (the copy checks, teaser_copy and stamped_copy, compare texts without their spaces as the
# Chinese ones do: ``classify._spaceless``)


def teaser_copy(lines: list[Line], least: int = 60, most: int = 3) -> None:
    """A page's first kept paragraphs (up to ``most`` in a row) printed again as the body's opening,
    whole or cut short, the body's paragraphs maybe run together in it (an "e-mail this story" box
    or a share card over the article quotes its lead; a photo's caption repeats it with the
    photo's credit in brackets after it), with nothing but widgets, labels or headings between
    them and the body: each is a copy, dropped as ``repeated``; so is a first paragraph printed
    again, word for word, further down (a summary copied from the body). Only the same words, at
    least ``least`` characters of them: a standfirst that sums up the lead in words of its own stays.

    >>> lead = "Ferry fares on the western routes will rise by a tenth next month, the office said on Friday."
    >>> rows = [("keep", lead[:70] + "..."), ("keep", lead + "(Example TV)"), ("drop", "Your Name:"),
    ...         ("keep", lead), ("keep", "Passengers were not pleased.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> teaser_copy(ls); [(ln.action, ln.reason) for ln in ls]
    [('drop', 'repeated'), ('drop', 'repeated'), ('drop', None), ('keep', None), ('keep', None)]
    """
    first = next((i for i, ln in enumerate(lines) if ln.action == "keep"), None)
    if first is None:
        return
    if _printed_again(lines, first, least):
        lines[first].decide("drop", "repeated")
        return
    last = first  # the run of kept paragraphs the copies would be
    while last + 1 < len(lines) and lines[last + 1].action == "keep" and last + 1 - first < most:
        last += 1
    j = _opening_after(lines, last, least)
    if j is None:
        j, last = _opening_after(lines, first, least), first
        if j is None:
            return
    for i in range(first, last + 1):
        if _copy_of_opening(lines, i, j, least):
            lines[i].decide("drop", "repeated")


def _opening_after(lines: list[Line], k: int, least: int) -> int | None:
    """The body's opening after line ``k``: the next kept paragraph of ``least`` characters or
    more (short kept lines, a widget's labels, stand between), with something not kept before it."""
    for j in range(k + 1, len(lines)):
        if lines[j].action == "keep" and len(lines[j].text) >= least:
            return j if any(not lines[m].kept for m in range(k + 1, j)) else None
    return None


def _printed_again(lines: list[Line], i: int, least: int) -> bool:
    """Whether line ``i`` (``least`` characters or more) is printed again, word for word, as a
    kept paragraph further down, past the lead (a summary over the lead copied from the body;
    the copy right under it is the photo's caption repeating the deck, ``repeated_caption``)."""
    if len(lines[i].text) < least:
        return False
    want, past_lead = _spaceless(lines[i].text), False
    for ln in lines[i + 1:]:
        if ln.action != "keep":
            continue
        same = _spaceless(ln.text) == want
        if same and past_lead:
            return True
        past_lead = past_lead or (not same and len(ln.text) >= least)
    return False


_CREDIT_TAIL = regex.compile(r"(?<=[.!?…][\"'”’]?)\s*\([^()]{1,40}\)$")


def _copy_of_opening(lines: list[Line], i: int, j: int, least: int) -> bool:
    """Whether line ``i`` (its cut mark or a bracketed credit after its last sentence left out)
    is the opening of the kept paragraphs from line ``j``, read run together."""
    cut = _CUT_MARK.sub("", _CREDIT_TAIL.sub("", lines[i].text))
    if len(cut) < least:
        return False
    want = _spaceless(cut)
    body = ""
    for k in range(j, len(lines)):
        if len(body) >= len(want) or lines[k].action != "keep":
            break
        body += _spaceless(lines[k].text)
    return body.startswith(want)


# a breadcrumb trail's separator between its steps
_TRAIL_MARK = regex.compile(r"\s(?:>>|>|»|›|\|)\s")


def headline_over_standfirst(lines: list[Line], rules: list[Rule | None], names: "regex.Pattern[str] | None" = None) -> bool:
    """English pages print the headline, then a standfirst, then the byline. When the engine
    took the standfirst for the title, the headline-like line just above it (only ruled
    residue between) that the engine dropped unnamed by any rule is the headline. The
    standfirst is known by the byline/date block under it, or, on a page that opens with the
    headline (a cleaned text, which has lost that block), by reading as a sentence. A line the
    engine took for the title that is several writers' names (``names``, the rules' ``bare_names``:
    "Jane Doe and John Roe") right over the date line is the byline, no standfirst (True: a
    byline found).

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(
    ...     ["World", "Storm heads east as millions travel", "Forecasters see clear skies", "By Jane Doe"])]
    >>> for ln, a in zip(ls, ["drop", "drop", "title", "meta"]): ln.decide(a, "byline" if a == "meta" else None)
    >>> _ = headline_over_standfirst(ls, [None, None, None, None]); [ln.action for ln in ls]
    ['drop', 'title', 'keep', 'meta']
    >>> from corpuskit.rules import ruleset
    >>> ls[2].raw = "Jane Doe and John Roe"; ls[1].decide("drop"); ls[2].decide("title")
    >>> headline_over_standfirst(ls, [None] * 4, ruleset("en").pattern("bare_names"))
    True
    >>> [(ln.action, ln.reason) for ln in ls][1:3]
    [('title', None), ('meta', 'byline')]
    >>> ls[2].raw = "Forecasters see clear skies"
    >>> ls[1].raw = "Home Theater, Set Top Boxes,"; ls[1].decide("drop"); ls[2].decide("title")
    >>> _ = headline_over_standfirst(ls, [None, None, None, None]); [ln.action for ln in ls]
    ['drop', 'drop', 'title', 'meta']
    >>> ls[1].raw = "Example Times Online >> News >> Local"; ls[1].decide("drop")
    >>> _ = headline_over_standfirst(ls, [None, None, None, None]); [ln.action for ln in ls]
    ['drop', 'drop', 'title', 'meta']
    """
    t = title_at(lines)
    if t is None:
        return False
    # (a copy of the lead under the headline, dropped as repeated, stands where a standfirst would
    # not: the title is the headline)
    after = next((k for k in range(t + 1, len(lines))
                  if lines[k].action != "drop" or lines[k].reason == "repeated"), None)
    opens = t == 1 and (_SENTENCE_END.search(lines[t].raw) is not None or len(lines[t].raw) >= 100)
    # a cleaned text opening with the headline over a deck with no full stop that shares more words
    # with the story than the headline does: the deck is no headline; it has four words or more
    # ("Leader memorialized at prayer service"), and the story names the line over it too (at least
    # two of its words)
    deck = (t == 1 and not opens and _words(lines[t].raw) >= 4
            and len(_stems(lines[0].raw) & _kept_stems(lines, 2)) >= 2)
    if not opens and not deck and (after is None or lines[after].action != "meta"):
        return False  # a standfirst sits right above the byline/date block
    p = t - 1
    while p >= 0 and lines[p].action == "drop" and rules[p] is not None and rules[p].action == "drop" \
            and rules[p].reason in ("share", "comments"):
        p -= 1
    if p < 0 or lines[p].action != "drop" or rules[p] is not None:
        return False
    text = lines[p].raw.rstrip()
    shortest = 2 if opens and p == 0 else 4  # (a short headline opening a cleaned text: head_in_menu's)
    if text.endswith("?"):
        shortest = min(shortest, 3)  # (a question asks what no menu item does: "Florida, Alabama grandstanding?")
    if not shortest <= _words(text) <= 30 or _SENTENCE_END.search(text) and not text.endswith("?"):
        return False
    if text.endswith((",", ";", ":", "，", "；", "：", "、")):
        return False  # a list cut off (tags, categories: "Home Theater, Set Top Boxes,"), no headline
    if text.count(":") >= 2:
        return False  # a form's labels ("Search for: In category: Advanced search"), no headline
    if len(_SPACED_ITEMS.split(text)) >= 3:
        return False  # a menu's items set apart by runs of spaces ("HOME: NEWS    STATE NEWS    SPORTS")
    if _TRAIL_MARK.search(text):
        return False  # a breadcrumb trail ("Example Times Online >> News >> UAE"), no headline
    if _GLUED_PHOTO_CREDIT.search(text):
        return False  # a picture's caption closed by its credit ("... in Paris Jane Doe/Reuters")
    if _DATE_START.match(text):
        return False  # a date over the headline ("October 22, 2019 report"), no headline itself
    if text.endswith(lines[t].raw.strip()):
        return False  # a breadcrumb ending with the headline ("Home / India News / <headline>")
    if p > 0 and lines[p - 1].action != "drop" and not (lines[p - 1].action == "meta" and lines[p - 1].reason == "published"):
        return False  # the line above must be residue (or a date): the headline opens the article
    if p > 0 and lines[p - 1].reason == "related" and lines[p - 1].block == lines[p].block:
        return False  # the last item of a related list printed with no blank line between its items
    if (p > 1 and lines[p - 1].reason == "nav" and lines[p - 2].action == "drop"
            and lines[p - 2].block == lines[p - 1].block == lines[p].block != lines[t].block):
        return False  # the last item of a menu printed as one block, the headline apart from it
    body = _kept_stems(lines, t + 1)
    # a link over a headline ("Visit our partner site") names nothing the story does, while the
    # headline does (a witty headline over a deck that is a sentence still wins: "Louder, please")
    if not _SENTENCE_END.search(lines[t].raw) and not _stems(text) & body and _stems(lines[t].raw) & body:
        return False
    # a question is a headline's form too ("Iran: Who's Threatening Whom?"): it stays the title
    # under a longer line sharing a smaller part of its words with the story (a menu's run of
    # links); a deck asking a question under a short headline moves ("Louder, please")
    if lines[t].raw.rstrip().endswith("?") and _words(text) > _words(lines[t].raw):
        over, title = _stems(text), _stems(lines[t].raw)
        if title and len(title & body) * len(over) > len(over & body) * len(title):
            return False
    lines[p].decide("title")
    if names is not None and after == t + 1 and names.match(lines[t].raw.strip()):
        lines[t].decide("meta", "byline")  # no standfirst: the writers' names over the date line
        return True
    lines[t].decide("keep")
    return False



def broken_headline(lines: list[Line]) -> None:
    """A headline printed over two lines, the break in mid-phrase: the engine took the second half
    for the title (it opens in lower case) and left the first half, a short line right above it
    with no blank between and no end mark, as a menu item, a teaser or a heading. The first line
    becomes the title, the two halves joined with a space; the second, now inside it, drops.

    >>> ls = [Line(n=i + 1, raw=t, text=t) for i, t in enumerate(
    ...     ["Harbour council seeks", "vote on new sea wall: cost split in two", "Body text."])]
    >>> for ln, a in zip(ls, ["drop", "title", "keep"]): ln.decide(a, "nav" if a == "drop" else None)
    >>> broken_headline(ls); [ln.action for ln in ls], ls[0].text
    (['title', 'drop', 'keep'], 'Harbour council seeks vote on new sea wall: cost split in two')
    """
    t = title_at(lines)
    if not t:
        return
    head, tail = lines[t - 1], lines[t]
    first, second = head.text.strip(), tail.text.strip()
    if (head.n != tail.n - 1 or not second or not second[0].islower() or not first or not first[0].isupper()
            or head.action == "meta" or (head.action == "drop" and head.reason not in (None, "nav", "related"))
            or not 1 <= _words(first) <= 8 or len(first) > 60 or _SENTENCE_END.search(first)
            or first.endswith((":", ",", "|", "-", "–", "—")) or len(first) + len(second) > 160):
        return
    head.decide("title")
    head.text = f"{first} {second}"
    tail.decide("drop", "repeated")  # its words are now the title's second half



_PLAYER_LINK = regex.compile(r"^(?i:watch|view|play)\s+(?i:on)\s+\p{L}+\s*:\s*[\"“](.+?)[\"”]\s*$")


def player_title(lines: list[Line]) -> None:
    """An embedded player's link out ('Watch on YouTube: "Clip title"', a caption by rule) names
    the clip: the line just above it (blank lines aside) that is that title is the player's, not a
    heading of the story.

    >>> ls = [Line(n=i + 1, raw=t, text=t) for i, t in enumerate(
    ...     ["Body.", "Clip title | Site", 'Watch on YouTube: "Clip title | Site"'])]
    >>> for ln, a in zip(ls, ["keep", "heading", "drop"]): ln.decide(a, "caption" if a == "drop" else None)
    >>> player_title(ls); [ln.action for ln in ls]
    ['keep', 'drop', 'drop']
    """
    for i in range(1, len(lines)):
        m = _PLAYER_LINK.match(lines[i].raw.strip())
        if m and lines[i].action == "drop" and lines[i - 1].kept and lines[i - 1].action != "title":
            if lines[i - 1].raw.strip() == m.group(1).strip():
                lines[i - 1].decide("drop", "caption")


def headline_over_byline(lines: list[Line], rules: list[Rule | None], open_end: regex.Pattern[str] | None = None) -> None:
    """When the engine named no title but found the byline/date block, the headline is the line
    kept just above that block, or, with a standfirst between them, the line above the standfirst
    (clearly shorter than it). The block must open the article: prose follows it. With nothing
    kept above the block, a headline inside it, between the date and the byline, is the title.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(
    ...     ["Menu", "Storm heads east as millions travel home", "By Jane Doe",
    ...      "Forecasters see clear skies for most of the country on the busiest travel day of the year, "
    ...      "the weather service said on Tuesday."])]
    >>> for ln, a in zip(ls, ["drop", "keep", "meta", "keep"]): ln.decide(a, "byline" if a == "meta" else None)
    >>> headline_over_byline(ls, [None] * 4); [ln.action for ln in ls]
    ['drop', 'title', 'meta', 'keep']
    """
    if any(ln.action == "title" for ln in lines):
        return
    b = next((i for i, ln in enumerate(lines) if ln.action == "meta" and ln.reason in ("byline", "published")), None)
    if b is None:
        return
    after = [k for k in range(b + 1, len(lines)) if lines[k].action not in ("drop", "meta")][:5]
    if not any(len(lines[k].raw) >= 100 and _SENTENCE_END.search(lines[k].raw) for k in after):
        return  # no prose under the block: not the article's byline
    above = [k for k in range(b - 1, -1, -1) if lines[k].action != "drop" and lines[k].action != "meta"][:2]

    def headline(k: int) -> bool:
        text = lines[k].raw  # (a line stopping on "the" or "of" is a broken sentence, no headline)
        return lines[k].kept and 4 <= _words(text) <= 30 and len(text) <= 160 and not open_ended(text, open_end)

    if len(above) == 2 and headline(above[1]) and len(lines[above[0]].raw) >= 1.3 * len(lines[above[1]].raw):
        lines[above[1]].decide("title")
        _labels_over(lines, above[1])
    elif above and headline(above[0]):
        lines[above[0]].decide("title")
        _labels_over(lines, above[0])
    elif not above and after and headline(after[0]) and not _SENTENCE_END.search(lines[after[0]].raw):
        # the block opens with the date and the headline stands inside it, over the byline:
        # date / headline / (time, share buttons) / By Jane Doe / prose
        h = after[0]
        k = next((k for k in range(h + 1, len(lines)) if lines[k].action != "drop"), None)
        if (k is not None and lines[k].action == "meta" and lines[k].reason == "byline"
                and all(lines[j].action == "drop" for j in range(b + 1, h))):
            lines[h].decide("title")


def _labels_over(lines: list[Line], t: int) -> None:
    """Over a headline found late, the short lines the engine kept while it had no headline
    (menu items read as subheads: "Politics", "U.S.", "Fox News Poll") are the page's head, not
    the article's: they drop as ``nav``. Sentences and paragraphs over it stay.

    >>> rows = ["Politics", "U.S.", "The vote is on Monday.", "Storm heads east"]
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(rows)]
    >>> for ln, a in zip(ls, ["heading", "keep", "keep", "title"]): ln.decide(a)
    >>> _labels_over(ls, 3); [ln.action for ln in ls]
    ['drop', 'drop', 'keep', 'title']
    """
    for k in range(t):
        raw = lines[k].raw.strip()
        if lines[k].kept and len(raw) < 60 and (_words(raw) < 4 or not _SENTENCE_END.search(raw)):
            lines[k].decide("drop", "nav")


# A browser title bar's line: a headline, then two or more short parts after spaced dashes or bars
# (the section, the date, the site): "Storm heads east - Weather - May 3, 2021"
_BAR_SPLIT = regex.compile(r"\s+[-–—|]\s+")
_TOKEN = regex.compile(r"\p{L}{2,}")
_YEAR = regex.compile(r"\b(?:19|20)\d\d\b")


# a stamp opening a line: a time and a date in numbers ("17:05 09/03/2011 ", "2011-03-09, 17:05 ")
_STAMP = regex.compile(r"^(?:\d{1,4}(?:[:/.-]\d{1,4}){1,2},?\s+){1,2}(?=\S)")


def stamped_copy(lines: list[Line], least: int = 60) -> None:
    """A kept line after the body's first paragraph that opens with a time and date stamp
    (``_STAMP``) and goes on with that paragraph word for word (at least ``least`` characters,
    most of the shorter of the two) is a copy of it: the preview in a box that offers the story
    for a blog or a feed prints the stamp and the lead. It drops as ``repeated``.

    >>> lead = "Ferry fares on the western routes will rise by a tenth next month, the office said on Friday."
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate([lead, "Passengers were not pleased.", "09:15 03/05/2021 " + lead])]
    >>> for ln in ls: ln.decide("keep")
    >>> stamped_copy(ls); [ln.action for ln in ls]
    ['keep', 'keep', 'drop']
    """
    first = next((i for i, ln in enumerate(lines) if ln.action == "keep" and _paragraph(ln)), None)
    if first is None:
        return
    lead = _spaceless(lines[first].text)
    if len(lead) < least:
        return
    for k in range(first + 1, len(lines)):
        m = _STAMP.match(lines[k].raw.strip())
        if not m or not lines[k].kept:
            continue
        rest = _spaceless(lines[k].raw.strip()[m.end():])
        same = 0
        for a, b in zip(rest, lead):
            if a != b:
                break
            same += 1
        if same >= least and same >= 0.8 * min(len(rest), len(lead)):
            lines[k].decide("drop", "repeated")


def title_bar(lines: list[Line], rules: list[Rule | None], months: dict[str, int], far: int = 10) -> None:
    """The engine took for the title a title-bar line (``_BAR_SPLIT``: a headline, then two or
    more short parts such as the section and the date or the site) standing ``far`` lines or
    more above the body, while a short headline stands right over the body's first paragraph
    (only metadata between; kept, or dropped only for its place), all of its words found in the
    bar. That line is
    the on-page headline; the bar is the page's <title> leaked into the text: it moves to
    metadata when one of its parts is a date (the publication date), and drops otherwise.

    >>> rows = [("title", "Storm heads east over the coast - Weather - May 3, 2021")] + [("drop", "Menu")] * 10 + [
    ...         ("heading", "Coast storm heads east"),
    ...         ("keep", "The storm turned east on Monday and is expected to reach the coast by the weekend.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> title_bar(ls, [None] * len(ls), {"may": 5}); [(ln.action, ln.reason) for ln in ls][:1] + [ln.action for ln in ls][-2:]
    [('meta', 'published'), 'title', 'keep']
    """
    t = title_at(lines)
    first = next((i for i, ln in enumerate(lines) if _paragraph(ln) and _RUNNING.search(ln.raw)), None)
    if t is None or first is None or first - t < far:
        return
    parts = _BAR_SPLIT.split(lines[t].raw.strip())
    if len(parts) < 3 or any(len(x) > 40 or not x for x in parts[1:]):
        return
    h = first - 1
    while h > t and lines[h].action == "meta":
        h -= 1
    text = lines[h].raw.strip()
    if (h <= t or rules[h] is not None or lines[h].action not in ("heading", "keep", "drop")
            or lines[h].action == "drop" and lines[h].reason not in (None, "nav", "related")
            or not 2 <= _words(text) <= 12 or _SENTENCE_END.search(text) or text.endswith((":", ",", ";"))):
        return
    words = {w.lower() for w in _TOKEN.findall(text)}
    bar = {w.lower() for w in _TOKEN.findall(lines[t].raw)}
    if len(words) < 2 or not words <= bar:
        return
    lines[h].decide("title")
    dated = any(_bare_date(x, months) and _YEAR.search(x) for x in parts[1:])
    lines[t].decide("meta", "published") if dated else lines[t].decide("drop", "nav")


def section_bar(lines: list[Line], most: int = 3) -> None:
    """The engine took for the title a title-bar line, the headline and one or two short parts
    after spaced bars or dashes (the section, the site: "Storm heads east | Weather"), while the
    headline alone stands within ``most`` lines under it (only dropped lines between): that line
    is the title, and the bar drops (nav).

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Storm heads east | Weather", "Storm heads east",
    ...       "The storm turned east on Monday and is expected to reach the coast by the weekend."])]
    >>> for ln, a in zip(ls, ["title", "heading", "keep"]): ln.decide(a)
    >>> section_bar(ls); [(ln.action, ln.reason) for ln in ls][:2]
    [('drop', 'nav'), ('title', None)]
    """
    t = title_at(lines)
    if t is None:
        return
    parts = _BAR_SPLIT.split(lines[t].raw.strip())
    if not 2 <= len(parts) <= 3 or any(not x or _words(x) > 3 or len(x) > 30 for x in parts[1:]):
        return
    head = _SPACES.sub(" ", parts[0]).strip()
    for k in range(t + 1, min(len(lines), t + 1 + most)):
        if lines[k].action == "drop":
            continue
        if lines[k].action in ("heading", "keep") and _SPACES.sub(" ", lines[k].raw).strip() == head:
            lines[k].decide("title")
            lines[t].decide("drop", "nav")
        return


def _meta_like(ln: Line, r: Rule | None) -> bool:
    """A byline, source or date line: moved to metadata, or named so by a rule (the engine may have
    dropped it with the menu it stands in)."""
    return (ln.action == "meta" and ln.reason in ("byline", "published", "source")) or (
        r is not None and r.action == "meta" and r.reason in ("byline", "published", "source"))


def title_by_byline(lines: list[Line], rules: list[Rule | None], reach: int = 15, far: int = 3) -> None:
    """The headline sits right above the byline/date block that opens the article. When the engine
    took another line for the title, a headline-shaped line there (no rule names it) is the
    headline: the title the engine took was a site's tagline or a promo in the masthead (above
    it, past ``far`` or more menu lines or kept lines), or a photo caption between the block and
    the first paragraph (a credit right under it). The block's byline and date lines become
    metadata again, and a date printed in the masthead above the old title (the site's today)
    drops when the block has the article's own. Where the engine took no title at all (a headline
    reading as a name, "Singer Cautious When Traveling"), that line is the title.

    >>> rows = [("meta", "published", "Mon, 25 Dec 2023"), ("title", None, "The news for people who read"),
    ...         ("drop", "nav", "World"), ("drop", "nav", "Business"), ("drop", "nav", "Sport"),
    ...         ("keep", None, "Harbour town weighs the cost of a new sea wall"), ("meta", "byline", "By Jane Doe"),
    ...         ("meta", "published", "May 14, 2020"),
    ...         ("keep", None, "Engineers say the old wall will not survive another winter, and repairs could take a year.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> title_by_byline(ls, [None] * len(ls)); [ln.action for ln in ls]
    ['drop', 'drop', 'drop', 'drop', 'drop', 'title', 'meta', 'meta', 'keep']

    A bulleted item the engine took for the title is no headline, however few lines part it from
    the line over the block:

    >>> rows = [("title", None, "• Sisters advance at the Open 1/15/2008, 6:26 a.m. EST"), ("drop", "nav", "MORE TENNIS »"),
    ...         ("drop", "nav", "New life for the veteran golfer"), ("meta", "published", "1/10/2008, 6:07 a.m. EST"),
    ...         ("keep", None, "The tour has many rookies this week, and one veteran who feels like one after years away.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> title_by_byline(ls, [None] * len(ls)); [ln.action for ln in ls]
    ['drop', 'drop', 'title', 'meta', 'keep']
    """
    t = title_at(lines)
    first = next((i for i, ln in enumerate(lines) if _paragraph(ln) and _RUNNING.search(ln.raw)), None)
    if first is None:
        return  # (a menu run together ends with "!" too: a paragraph has running words)
    block = []
    for k in range(first - 1, max(-1, first - 1 - reach), -1):
        if lines[k].action in ("keep", "heading"):
            break
        if _meta_like(lines[k], rules[k]):
            block.append(k)
    if not block:
        return
    b = block[-1]
    h, skipped = b - 1, 0
    while h >= 0 and skipped < 3 and lines[h].action == "drop" and (rules[h] is not None or _words(lines[h].raw) <= 3):
        h, skipped = h - 1, skipped + 1
    if (h < 0 or h == t or rules[h] is not None or lines[h].action not in ("keep", "heading", "drop")
            or lines[h].action == "drop" and lines[h].reason not in (
                ("nav", "related", None) if t is None else ("nav", "related"))  # (no title: a line dropped unnamed too)
            or _words(lines[h].raw) < 4 or not _headline(lines[h].raw) or in_separated_list(lines, h)):
        return  # (nor a list's last item, under the separator its other items stand under)
    if t is None:
        old = None
    elif t < h:
        between = sum(1 for k in range(t + 1, h) if lines[k].kept or lines[k].reason in ("nav", "footer", "related"))
        if between < far and not _BULLET.match(lines[t].raw):
            return  # the title over a standfirst: the engine was right (a bulleted item is no headline)
        body = _kept_stems(lines, first)
        if len(_stems(lines[t].raw) & body) > len(_stems(lines[h].raw) & body):
            return  # a promo in a sidebar over the date: the title names more of the story
        old = "nav"
    elif b < t < first and t + 1 < len(lines) and rules[t + 1] is not None and rules[t + 1].reason == "caption":
        old = "caption"
    else:
        return
    lines[h].decide("title")
    if t is not None:
        lines[t].decide("drop", old)
    for k in range(h + 1, first):
        if lines[k].action == "drop" and _meta_like(lines[k], rules[k]):
            lines[k].decide("meta", rules[k].reason)
    if old == "nav":
        for k in range(t + 1, h):  # a menu the engine kept between the masthead and the headline
            if lines[k].kept:
                lines[k].decide("drop", "nav")
    if old == "nav" and any(lines[k].reason == "published" for k in block):
        for k in range(t):
            if lines[k].action == "meta" and lines[k].reason == "published":
                lines[k].decide("drop", "nav")


# a "Previous"/"Next" link to a neighbouring post, its title after a mark or glued to the word
# ("Next: Title", "Previous » Title", "NextTitle of the post")
_PREV_NEXT = regex.compile(r"^(?:Previous|Prev|Next|PREVIOUS|PREV|NEXT)(?:\s+(?i:post|article|story|entry))?"
                           r"(?:\s*[:»›>«‹<|-]\s*|(?=[\p{Lu}\d]))(?P<t>\S.{9,})$")


def prev_next_titles(lines: list[Line]) -> None:
    """A strip of links to the neighbouring posts ("Previous" and "Next" before each post's title)
    that the engine dropped names those posts: the same title elsewhere on the page (a list of
    recent posts over the article, which the engine may even take for the headline) is a link
    too, and drops as related.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(
    ...     ["Ferry fares rise again in spring", "Harbour town weighs a new sea wall", "Body.",
    ...      "PreviousFerry fares rise again in spring"])]
    >>> for ln, a in zip(ls, ["title", "heading", "keep", "drop"]): ln.decide(a)
    >>> prev_next_titles(ls); [ln.action for ln in ls]
    ['drop', 'heading', 'keep', 'drop']
    """
    linked = set()
    for ln in lines:
        m = _PREV_NEXT.match(ln.raw.strip())
        if m and ln.action == "drop":
            linked.add(_SPACES.sub(" ", m["t"]).strip().lower())
    if not linked:
        return
    for ln in lines:
        if ln.action in ("title", "heading", "keep") and _SPACES.sub(" ", ln.raw).strip().lower() in linked:
            ln.decide("drop", "related")


def title_over_deck(lines: list[Line], rules: list[Rule | None], far: int = 3) -> None:
    """A magazine page prints a short headline, then its deck (one sentence), then the body, with
    no byline block between (the byline sits at the end). When the engine took for the title a
    promo in the masthead (``far`` or more menu or promo lines above the headline) and dropped the
    headline with the menu, the headline-shaped line right over the deck that opens the body
    (only residue between the deck and the first paragraph) is the title. The old title drops,
    with any promo the engine kept between the two.

    >>> rows = [("title", None, "Our new travel guide is out"), ("keep", None, "Quiz: Which city are you?"),
    ...         ("drop", "related", "Ten cheap weekends"), ("drop", "nav", "Magazine Logo"),
    ...         ("drop", "nav", "The River Barons"), ("keep", None, "The old shipping families are back in charge."),
    ...         ("drop", "nav", "Jane Roe / Example-Pictures"),
    ...         ("keep", None, "The barges move slowly past the new quay, where the families that once ran the river meet.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> title_over_deck(ls, [None] * len(ls)); [ln.action for ln in ls]
    ['drop', 'drop', 'drop', 'drop', 'title', 'keep', 'drop', 'keep']
    """
    t = title_at(lines)
    first = next((i for i, ln in enumerate(lines) if _paragraph(ln) and _RUNNING.search(ln.raw)), None)
    if t is None or first is None or first <= t:
        return
    kept = [k for k in range(t + 1, first) if lines[k].kept]
    if not kept or lines[kept[-1]].action != "keep":
        return
    d = kept[-1]  # the deck: one sentence, right over the body (only residue between)
    deck = lines[d].raw.strip()
    if not (6 <= _words(deck) <= 30 and _SENTENCE_END.search(deck)) or _SENTENCE_BREAK.search(deck):
        return
    if any(lines[k].action == "meta" for k in range(t + 1, first)):
        return  # a byline block: title_by_byline's layout
    h = d - 1
    if (h <= t or lines[h].action != "drop" or lines[h].reason not in ("nav", "related") or rules[h] is not None
            or not 2 <= _words(lines[h].raw) <= 12 or len(lines[h].raw) > 80
            or lines[h].raw.rstrip().endswith((".", ",", ":", ";"))):
        return
    between = sum(1 for k in range(t + 1, h) if lines[k].kept or lines[k].reason in ("nav", "footer", "related"))
    if between < far:
        return
    lines[h].decide("title")
    lines[t].decide("drop", "nav")
    for k in range(t + 1, h):
        if lines[k].kept:
            lines[k].decide("drop", "nav")


def head_in_menu(lines: list[Line], rules: list[Rule | None], most: int = 2) -> None:
    """An article's head printed under a menu (a rubric, the headline, maybe a one-sentence deck,
    then a date or date-and-author line) can run into the menu's links, and the engine drops
    the headline with them. When the date line (moved to metadata) stands right over the body's
    first paragraph (only widget lines a rule drops and at most ``most`` other lines between),
    the short headline right over it (or over the deck right over it) is the title, when the
    engine took none or took the deck; the deck is the body's first line.

    >>> rows = [("drop", "nav", "Science"), ("drop", "nav", "Culture"), ("drop", "nav", "Ferries and tides"),
    ...         ("drop", "nav", "Low water"), ("title", None, "Can a harbour run dry?"),
    ...         ("meta", "published", "May 3rd 2021"),
    ...         ("keep", None, "The harbour master says the water has never been so low, and the ferries are running late all week.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> head_in_menu(ls, [None] * len(ls)); [ln.action for ln in ls][2:]
    ['drop', 'title', 'keep', 'meta', 'keep']
    """
    t = title_at(lines)
    first = next((i for i, ln in enumerate(lines) if _paragraph(ln) and _RUNNING.search(ln.raw)), None)
    if first is None:
        return
    k, other = first - 1, 0
    while k >= 0 and not (lines[k].action == "meta" and lines[k].reason in ("byline", "published")):
        if lines[k].action == "meta" or rules[k] is None or rules[k].action != "drop":
            other += 1
            if other > most or lines[k].action == "keep" and _SENTENCE_END.search(lines[k].raw):
                return
        k -= 1
    if k < 1:
        return
    d = k - 1  # a deck: one sentence, kept as the title or dropped with the menu
    deck = lines[d].raw.strip()
    has_deck = (lines[d].action in ("title", "drop") and rules[d] is None and 4 <= _words(deck) <= 30
                and _SENTENCE_END.search(deck) is not None and not _SENTENCE_BREAK.search(deck)
                and not _TIME_END.search(deck))  # (a headline ending on the game's time, "..., 7:30 P.m.")
    h = d - 1 if has_deck else d
    text = lines[h].raw.strip() if h >= 0 else ""
    if (h < 1 or lines[h].action != "drop" or lines[h].reason not in ("nav", "related") or rules[h] is not None
            or not 2 <= _words(text) <= 14 or len(text) > 100 or _SENTENCE_END.search(text)
            or text.endswith((",", ":", ";")) or _DATE_START.match(text) or lines[h - 1].kept):
        return
    if t is not None and not (has_deck and t == d):
        return
    lines[h].decide("title")
    if has_deck:
        lines[d].decide("keep")


def label_over_lead(lines: list[Line], rules: list[Rule | None], most: int = 5, run: int = 2,
                    deck_share: float = 0.6) -> None:
    """Nothing stands between a story's headline (or its date line) and its first paragraph but
    labels: the outlet's name, a section, a text-size widget ("Text size A A A"). Up to ``run``
    headings the engine kept there in a row, each of at most ``most`` words and no sentence, with
    only residue between them and the title and between them and the first paragraph (a byline
    block under a heading makes it the deck), are such labels: they drop. (A subhead follows a
    paragraph.)

    >>> rows = [("title", "Storm heads east"), ("heading", "Example Sports"),
    ...         ("keep", "Forecasters expect the storm to weaken well before it reaches the coast on Friday.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> label_over_lead(ls, [None] * 3); [ln.action for ln in ls]
    ['title', 'drop', 'keep']
    """
    t = title_at(lines)
    if t is None:
        return
    heads = []  # the labels: headings kept in a row (only residue between), at most ``run``
    for k in range(t + 1, len(lines)):
        if lines[k].action == "drop":
            continue
        if lines[k].action != "heading" or len(heads) == run:
            break
        text = lines[k].raw.strip()
        if rules[k] is not None or _words(text) > most or _SENTENCE_END.search(text):
            return
        heads.append(k)
    if not heads or k == heads[-1] or not _paragraph(lines[k]) or not _RUNNING.search(lines[k].raw):
        return
    # A deck is no label: most of its words, three or more the headline does not hold, are the
    # article's ("Lavigne lawsuit settled" / "Claims of song plagiarism dropped" / "... claims
    # ... were dropped"). (The headline's words again, "American Gladiators: Hellga" under
    # "Hellga on American Gladiators", are a picture's caption.)
    body, title = _kept_stems(lines, k), _stems(lines[t].raw)
    if any(len(w := _stems(lines[h].raw) - title) >= 3 and _shares(w, body, deck_share) for h in heads):
        return
    for k in heads:
        lines[k].decide("drop", "nav")


def _related_header(ln: Line, rule: Rule | None) -> bool:
    """A short header a related rule names, dropped ("Related Coverage", "More on the courts"):
    what the checks below look under."""
    return rule is not None and rule.reason == "related" and ln.action == "drop" and len(ln.raw) <= 40


def _resumes(lines: list[Line], k: int) -> bool:
    """Whether the article's text resumes from line ``k`` on: a finished paragraph kept there."""
    return any(ln.action == "keep" and _paragraph(ln) for ln in lines[k:])


def related_after_header(lines: list[Line], rules: list[Rule | None], open_end: regex.Pattern[str] | None = None) -> None:
    """Inside the body, a "Related"-type header drops alone; the promo lines under it, up to
    the first line that ends a sentence, are related links too (teasers glue a headline to
    its blurb and end without a full stop; a headline put as a question, its words capitalised,
    is an item too: ``_QUESTION_HEADLINE``). A kept line stopping on a word no headline ends on
    (``open_end``: "Brown's basket gave WSU a") is the article's sentence broken across lines:
    the article resumes there. A header naming one story ("Related Article") heads one link. A
    list printed as one block, then a subhead in a block of its own over a paragraph: the article
    resumes at the subhead.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(
    ...     ["Storm heads east", "Related Coverage", "Factbox: the winners", "The show went on.", "A heading"])]
    >>> ls[0].decide("title"); ls[1].decide("drop", "related"); ls[2].decide("heading")
    >>> r = Rule("drop", "related", regex.compile("^Related"))
    >>> related_after_header(ls, [None, r, None, None, None]); [ln.action for ln in ls]
    ['title', 'drop', 'drop', 'keep', 'keep']
    """
    # (under the headline; where the engine named none yet, under the body's first line)
    t = title_at(lines)
    if t is None:
        t = next((i for i, ln in enumerate(lines) if ln.kept), None)
    if t is None:
        return
    for i, r in enumerate(rules):
        if i < t or not _related_header(lines[i], r) or _LINK_TEXT.search(lines[i].raw):
            continue  # only a bare header ("Related Coverage"), not "Read more: Title"
        one = _ONE_LINK_HEADER.match(lines[i].raw) is not None  # ("Related Article": one link under it)
        items: list[int] = []
        for k in range(i + 1, min(len(lines), i + 16)):
            ln = lines[k]
            if ln.action == "drop":
                if one and ln.reason == "related":
                    break  # (its link, dropped: what follows is the article's)
                items.append(k)
                continue
            if (one_block_list(lines, items, k) and ln.action == "heading" and k + 1 < len(lines)
                    and lines[k + 1].action == "keep" and _SENTENCE_END.search(lines[k + 1].raw)):
                break  # the list printed as one block, then a subhead over a paragraph: the article's
            if ln.action not in ("keep", "heading") or _SENTENCE_END.search(ln.raw) and not _QUESTION_HEADLINE.match(ln.raw.strip()):
                break
            if ln.action == "keep" and (open_ended(ln.text, open_end)
                                        or ln.raw.rstrip().endswith(":") and _words(ln.raw) >= 8):
                break  # (or a sentence leading in to the article's own list: "The closures are:")
            ln.decide("drop", "related")
            items.append(k)
            if one:
                break


def inline_cards(lines: list[Line], rules: list[Rule | None], least: int = 3, longest: int = 120,
                 share: float = 0.5) -> None:
    """Cards for other stories put between the paragraphs (a round-up's links to each story it
    sums up): each a headline over a one- or two-sentence blurb of at most ``longest``
    characters. The engine keeps most as a subhead over a short paragraph and drops some by
    place. At least ``least`` such pairs under the body's first paragraph, the engine having
    dropped one of the headlines as related (no rule naming it), or two of them right under
    paragraphs that tell their story (a paragraph holding ``share`` of the headline's words), are
    cards: all drop as related. (An article's subheads lead into the text under them, not the
    text above them, and into paragraphs the engine keeps whole.)

    >>> para = "Week 19 is over and here is a long recap of the top stories of the past seven days."
    >>> ls = _decided([("title", None, "Week in review"), ("keep", None, para),
    ...     ("heading", None, "Google announces its new phone at a lower price"), ("keep", None, "It has a new chip."),
    ...     ("keep", None, para), ("drop", "related", "Old phone returns with a modern look"),
    ...     ("keep", None, "It comes in three colours."), ("heading", None, "Maker sets a launch date for its new phones"),
    ...     ("keep", None, "All three arrive on May 13.")])
    >>> inline_cards(ls, [None] * 9); [ln.action for ln in ls]
    ['title', 'keep', 'drop', 'drop', 'keep', 'drop', 'drop', 'drop', 'drop']
    """
    first = next((i for i, ln in enumerate(lines) if _paragraph(ln)), None)
    if first is None:
        return
    pairs = []
    for k in range(first + 1, len(lines) - 1):
        h, b = lines[k], lines[k + 1]
        if not (h.action == "heading" or h.action == "keep" and not _SENTENCE_END.search(h.raw)
                or h.action == "drop" and h.reason in (None, "related")) or rules[k] is not None:
            continue
        text = h.raw.strip()
        if len(text) < 25 or _words(text) < 4 or text.endswith("?") or not _headline(text):
            continue
        if b.action != "keep" or not _finished(b) or len(b.raw) > longest or not _blurb(b.raw) or rules[k + 1] is not None:
            continue
        pairs.append(k)
    def recaps(k: int) -> bool:  # the paragraphs right over the card tell its story
        words = _stems(lines[k].raw)
        return any(_shares(words, _stems(lines[j].raw), share) for j in range(max(0, k - 2), k) if _paragraph(lines[j]))

    if len(pairs) >= least and (any(lines[k].action == "drop" and lines[k].reason == "related" for k in pairs)
                                or sum(map(recaps, pairs)) >= 2):
        for k in pairs:
            lines[k].decide("drop", "related")
            lines[k + 1].decide("drop", "related")


_POLL_END = regex.compile(r"^(?i:(?:view|see|show)\s+(?:the\s+)?results|results|(?:past|previous|more)\s+polls|"
                          r"results\s*(?:&|and)\s*(?:past|previous)\s+polls|poll\s+results|vote(?:\s+now)?)\s*[:»›>]?$")
_YES_NO = regex.compile(r"(?:^|(?<=[\s.!]))(?:Yes|No|YES|NO)\b")
_POLL_OPTION = regex.compile(r"^(?i:yes|no|maybe|not\s+sure|undecided|don.t\s+know|other)\b")


def poll_widget(lines: list[Line], least: int = 2, longest: int = 400) -> None:
    """A reader poll: its question, its answers ("Yes to a ban. ...", "No, ...", "Other") one to a
    line, and its results link ("Results & Past Polls", "View results", "Vote"). The answers right
    over the link, at least ``least`` of them opening with "Yes" or "No", drop with the question
    right over them (at most ``longest`` characters): a widget, whatever sentences its answers say.

    >>> ls = _decided([("keep", None, "Should the city ban cars from the old town on weekends?"),
    ...     ("keep", None, "Yes. The streets are too narrow for traffic."), ("keep", None, "No. Shops need the trade."),
    ...     ("drop", None, "Other"), ("drop", "related", "Results & Past Polls")])
    >>> poll_widget(ls); [ln.action for ln in ls]
    ['drop', 'drop', 'drop', 'drop', 'drop']
    """
    for m, ln in enumerate(lines):
        if not _POLL_END.match(ln.raw.strip()):
            continue
        k = m - 1
        while (k >= 0 and _POLL_OPTION.match(lines[k].raw.strip())
               and len(lines[k].raw) <= longest * (1 + len(lines[k].wrapped))):  # (answers joined as one)
            k -= 1
        answers = range(k + 1, m)
        if sum(len(_YES_NO.findall(lines[a].raw)) for a in answers) < least:
            continue
        for a in answers:
            lines[a].decide("drop", "other")
        if k >= 0 and lines[k].action in ("keep", "heading") and len(lines[k].raw) <= longest:
            lines[k].decide("drop", "other")  # the question


def list_block_strays(lines: list[Line], least: int = 4, longest: int = 100) -> None:
    """A list of other stories printed as one block (no blank line between its items) after the
    article, or between the headline and the lead: the engine drops most items as related but may
    keep one as a subhead or a sentence ("Pastor says no storm will stop his sermon.", an item
    naming the story's people). Within a block holding none of the article's paragraphs, at least
    ``least`` items dropped as related and more of them than kept lines, a kept line of at most
    ``longest`` characters with related items right above and below it is one more item.

    >>> items = ["Remains found in shallow grave", "One dead in crash off bridge", "Gas prices fall",
    ...          "Pastor says no storm will stop his sermon.", "Tornado storm reports", "Driver killed in crash"]
    >>> para = "A paragraph of the story, long enough to read as one, that ends as a sentence does."
    >>> ls = _decided([("keep", None, para)] + [("drop", "related", t) for t in items])
    >>> for ln in ls[1:]: ln.block = 1
    >>> ls[4].decide("keep"); list_block_strays(ls); ls[4].action, ls[4].reason
    ('drop', 'related')
    """
    if not any(_paragraph(ln) for ln in lines):
        return
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and lines[j].block == lines[i].block:
            j += 1
        block = lines[i:j]
        related = sum(1 for ln in block if ln.action == "drop" and ln.reason == "related")
        kept = [k for k in range(i, j) if lines[k].kept]
        if related >= least and related > len(kept) and not any(_paragraph(ln) for ln in block):
            for k in kept:
                if (len(lines[k].raw) <= longest and i < k < j - 1
                        and any(g.action == "drop" and g.reason == "related" for g in lines[i:k])
                        and any(g.action == "drop" and g.reason == "related" for g in lines[k + 1:j])):
                    lines[k].decide("drop", "related")
        i = j


# a story's topics run together with commas, three or more, each a capitalised word or a few:
# "War & Conflict, South China Sea, Asia Pacific, China, United States"
_TOPIC_LIST = regex.compile(r"^(?:\p{Lu}[\p{L}\d\x27’-]*(?:\s+(?:&|and|of|the|\p{Lu}[\p{L}\d\x27’-]*)){0,3}\s*,\s*){2,}"
                            r"\p{Lu}[\p{L}\d\x27’-]*(?:\s+(?:&|and|of|the|\p{Lu}[\p{L}\d\x27’-]*)){0,3}$")


def topic_lines(lines: list[Line], reach: int = 2) -> None:
    """The topics printed under each item of a box of other stories (its headline and blurb
    dropped as related, "Politics, Iran, United States" kept under them): a kept line that is only
    topics (``_TOPIC_LIST``) with a related line within ``reach`` lines over it is one more of the
    box's lines.

    >>> ls = _decided([("drop", "related", "Iranian Americans bank on historic nuclear deal"),
    ...                ("keep", None, "Politics, Iran, United States"), ("keep", None, "France, Italy and Spain.")])
    >>> topic_lines(ls); [ln.action for ln in ls]
    ['drop', 'drop', 'keep']
    """
    for i, ln in enumerate(lines):
        if (ln.action == "keep" and _TOPIC_LIST.match(ln.raw.strip())
                and any(lines[k].action == "drop" and lines[k].reason == "related" for k in range(max(0, i - reach), i))):
            ln.decide("drop", "related")


# a line that is only writers' names: "Juliet Eilperin, Steven Mufson", "Brady Dennis and Jane Doe"
_NAMES_ONLY = regex.compile(r"^\p{Lu}[\p{L}.\x27’-]+(?:\s+\p{Lu}[\p{L}.\x27’-]+){1,3}"
                            r"(?:(?:\s*,\s*|\s+and\s+|\s*&\s*)\p{Lu}[\p{L}.\x27’-]+(?:\s+\p{Lu}[\p{L}.\x27’-]+){1,3}){0,3}$")


def story_cards(lines: list[Line], reach: int = 8) -> None:
    """A card for another story put between the paragraphs (a syndicated column carries its
    paper's cards): its headline, its writers' names alone on a line, its blurb (often printed
    twice, for two screen sizes), and the names again in brackets closing it. The names in
    brackets under the same names within ``reach`` lines mark the card: all of it drops as
    related, the headline right over the names too.

    >>> rows = ["Storm heads east", "Rain fell all day on Monday across the region.",
    ...         "Perry picked to head Energy", "Jane Doe, John Roe", "Perry was picked on Tuesday.",
    ...         "(Jane Doe, John Roe)", "The rain is due to stop on Friday, forecasters said."]
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(rows)]
    >>> for ln, a in zip(ls, ["title", "keep", "heading", "heading", "keep", "heading", "keep"]): ln.decide(a)
    >>> story_cards(ls); [ln.action for ln in ls]
    ['title', 'keep', 'drop', 'drop', 'drop', 'drop', 'keep']
    """
    for i, ln in enumerate(lines):
        if not ln.kept or ln.action == "title" or len(ln.raw) > 120:
            continue
        names = ln.raw.strip()
        if _NAMES_ONLY.match(names) is None:
            continue
        echo = f"({names})"
        j = next((k for k in range(i + 1, min(len(lines), i + reach + 1)) if lines[k].raw.strip() == echo), None)
        if j is None or not any(lines[k].kept and _SENTENCE_END.search(lines[k].raw) for k in range(i + 1, j)):
            continue
        first = i - 1 if i > 0 and lines[i - 1].kept and lines[i - 1].action != "title" \
            and not _SENTENCE_END.search(lines[i - 1].raw) else i
        for k in range(first, j + 1):
            if lines[k].action != "drop":
                lines[k].decide("drop", "related")


def blurb_block(lines: list[Line], rules: list[Rule | None], least: int = 3) -> None:
    """Under a related header past the article ("Related Stories"), a block of teasers printed
    line after line with no blank line between them, each one blurb (a sentence or two, no
    headline of its own): when at least ``least`` of them run on and the article's text does not
    resume under them (no finished paragraph after the block), they drop as related. (The
    header's own check stops at the first blurb, which ends a sentence.)

    >>> rows = [("keep", "The harvest went on despite the rain, farmers in the county said on Monday."),
    ...         ("drop", "Related Stories")] + [("keep", f"Teaser number {k} sums up another story here.") for k in range(3)]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> r = Rule("drop", "related", regex.compile("^Related"))
    >>> blurb_block(ls, [None, r, None, None, None]); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop', 'drop']
    """
    for i, r in enumerate(rules):
        if not _related_header(lines[i], r):
            continue
        k = i + 1
        while (k < len(lines) and lines[k].n == lines[k - 1].n + 1 and lines[k].action == "keep"
               and rules[k] is None and _blurb(lines[k].raw) and _SENTENCE_END.search(lines[k].raw)):
            k += 1
        if k - i - 1 < least or _resumes(lines, k):
            continue
        for j in range(i + 1, k):
            lines[j].decide("drop", "related")


def topic_box(lines: list[Line], rules: list[Rule | None], least: int = 2) -> None:
    """Under a related header past the article ("More on the courts"), a box of the site's topic
    pages: each a topic's name (a few words, no sentence end) and a one-sentence blurb under it.
    The header's own check stops at the first blurb (it ends a sentence); here the pairs drop as
    related, when there are at least ``least`` of them and no paragraph is kept after the box
    (the article does not resume).

    >>> rows = [("title", "Court weighs state hiring law"), ("keep", "The court heard the case on Monday and will rule by June."),
    ...         ("drop", "More on the Courts"), ("heading", "The High Court"), ("keep", "Full coverage of the court and its cases."),
    ...         ("heading", "State Laws"), ("keep", "Our coverage of the laws the states pass.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> r = Rule("drop", "related", regex.compile("^More on"))
    >>> topic_box(ls, [None, None, r, None, None, None, None]); [ln.action for ln in ls][2:]
    ['drop', 'drop', 'drop', 'drop', 'drop']
    """
    for i, r in enumerate(rules):
        if not _related_header(lines[i], r):
            continue
        pairs, k = [], i + 1
        while k + 1 < len(lines):
            name, blurb = lines[k], lines[k + 1]
            text = name.raw.strip()
            if (name.action not in ("keep", "heading", "drop") or name.action == "drop" and name.reason not in ("related", "nav")
                    or rules[k] is not None  # (a header or a link a rule names is no topic's name)
                    or not 1 <= _words(text) <= 6 or _SENTENCE_END.search(text) or text.endswith((":", ","))
                    or blurb.action != "keep" or not _SENTENCE_END.search(blurb.raw) or not _blurb(blurb.raw)
                    or len(blurb.raw) > 200):
                break
            pairs.append((k, k + 1))
            k += 2
        if len(pairs) < least or _resumes(lines, k):
            continue
        for a, b in pairs:
            for j in (a, b):
                if lines[j].action != "drop":
                    lines[j].decide("drop", "related")


# a headline put as a question or an exclamation, its words capitalised ("Pop Star Ready To Wed?",
# "Are Aging Rappers on 'Roids?": a word may open with a quotation mark)
_QUESTION_HEADLINE = regex.compile(r"^['‘\"“]?\p{Lu}[\p{L}\d'’.,&:-]*(?:\s+(?:['‘\"“]?\p{Lu}[\p{L}\d'’.,&:-]*|\d[\d,.]*|a|an|the|of|in|on|at|to|for|and|or|with|by"
                                r"|is|are|was|were|be|been|has|have|do|does|did|can|will|it|its|as|from)){1,11}[?!]$")
_LABEL_ALONE = regex.compile(
    r"^(?i:tags?|tagged|topics|keywords|related (?:tags|topics|subjects)|categories|filed under|posted in)\s*:?$")
_LIST_ITEM = regex.compile(r"^[\p{L}\d][\p{L}\d&'’.+-]*(?:\s+[\p{L}\d&'’.+-]+){0,4}$")


def tag_list_under_label(lines: list[Line], rules: list[Rule | None]) -> None:
    """A tag or category label on a line of its own ("Related tags", "Filed under") drops as
    footer; the list it labels, on the next line, is a run of short comma-separated names with
    no sentence end, and drops with it.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(
    ...     ["Related tags", "Harbour Board, Ferries, Jane Doe", "The ferry sails at noon, weather permitting."])]
    >>> ls[0].decide("drop", "footer")
    >>> r = Rule("drop", "footer", regex.compile("^Related tags$"))
    >>> tag_list_under_label(ls, [r, None, None]); [ln.action for ln in ls]
    ['drop', 'drop', 'keep']
    """
    for i, r in enumerate(rules[:-1]):
        if r is None or r.reason != "footer" or not _LABEL_ALONE.match(lines[i].raw.strip()):
            continue
        ln = lines[i + 1]
        items = [x.strip() for x in ln.raw.split(",")]
        if (ln.action in ("keep", "heading") and len(ln.raw) <= 200 and len(items) >= 2
                and not _SENTENCE_END.search(ln.raw) and all(_LIST_ITEM.match(x) for x in items)):
            ln.decide("drop", "footer")


def _bare_date(text: str, months: dict[str, int]) -> bool:
    """A date with no label in front: it opens with a number or a month name.

    >>> _bare_date("August 21, 2019", {"aug": 8}), _bare_date("Date 19.01.2020", {"aug": 8})
    (True, False)
    """
    first = regex.sub(r"\W+$", "", text.split()[0]).lower() if text.split() else ""
    return first[:1].isdigit() or first in months or first[:3] in months


def labelled_meta(lines: list[Line], rules: list[Rule | None], months: dict[str, int]) -> None:
    """A labelled metadata line ("Date 19.01.2020", "Author Jane Doe", "By Jane Doe") dropped
    in the tail, under a related list, is still the article's own when nothing before the
    body gave that kind of metadata (unlike a bare date or name, which lists also show), unless
    it is a list item's own line (``_item_lines``: "Firefighters gain ground" / "By Jane Roe" /
    "Aug. 12, 2023", "Evacuation orders lifted" / "By John Smith" / ...).

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Title here", "Body.", "More stories", "Date 19.01.2020"])]
    >>> for ln, a in zip(ls, ["title", "keep", "drop", "drop"]): ln.decide(a, "related" if a == "drop" else None)
    >>> r = Rule("meta", "published", regex.compile("^Date"))
    >>> labelled_meta(ls, [None, None, None, r], {}); ls[3].action, ls[3].reason
    ('meta', 'published')
    """
    span = _body_span(lines)
    if span is None:
        return
    start, end = span
    before = {ln.reason for ln in lines[:start] if ln.action == "meta"}
    items = _item_lines(lines, rules, end + 1)
    for i in range(end + 1, len(lines)):
        r, ln = rules[i], lines[i]
        if (r is None or r.action != "meta" or ln.action != "drop" or r.reason in before or i in items
                or r.reason == "published" and _bare_date(ln.raw, months)):
            continue
        ln.decide("meta", r.reason)


def _item_lines(lines: list[Line], rules: list[Rule | None], start: int, least: int = 2) -> set[int]:
    """The metadata lines of a list's items from line ``start`` on: each item a headline no rule
    names that the engine dropped, then one to three lines a metadata rule names (its byline,
    its date); at least ``least`` such items, or none is read (one headline over a byline may be
    a list's last item over the article's own credit).

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["More stories", "Firefighters gain ground on mountain blaze",
    ...       "By Jane Roe", "Aug. 12, 2023", "Evacuation orders lifted for two towns", "By John Smith"])]
    >>> for ln in ls: ln.decide("drop", "related")
    >>> by, on = Rule("meta", "byline", regex.compile("^By")), Rule("meta", "published", regex.compile("^Aug"))
    >>> sorted(_item_lines(ls, [Rule("drop", "related", regex.compile("^More")), None, by, on, None, by], 1))
    [2, 3, 5]
    """
    found, count = set(), 0
    for h in range(start, len(lines)):
        text = lines[h].raw.strip()
        if rules[h] is not None or lines[h].action != "drop" or not _headline(text) or _SENTENCE_END.search(text):
            continue
        k = h + 1
        while k < len(lines) and k - h <= 3 and rules[k] is not None and rules[k].action == "meta" and lines[k].action != "keep":
            k += 1
        if k > h + 1:
            found.update(range(h + 1, k))
            count += 1
    return found if count >= least else set()


def comment_meta(lines: list[Line], rules: list[Rule | None]) -> None:
    """Under the header that closes the article for its comments ("Comments", "Log in to post
    comments"), below the last body line, a byline or a date is a comment's header ("Submitted by NAME on
    DATE"), not the article's: it drops with the comments.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Title here", "Body.", "Comments", "Posted by Jane on 1/2/20"])]
    >>> for ln, a in zip(ls, ["title", "keep", "drop", "meta"]): ln.decide(a, "byline" if a == "meta" else None)
    >>> r = Rule("drop", "comments", regex.compile("^Comments$"), ends=True)
    >>> comment_meta(ls, [None, None, r, None]); ls[3].action, ls[3].reason
    ('drop', 'comments')
    """
    span = _body_span(lines)
    if span is None:
        return  # the header must close the body: no body line under it (a counter by the byline does not)
    close = next((i for i in range(span[1] + 1, len(lines)) if rules[i] is not None
                  and rules[i].reason == "comments" and rules[i].ends), None)
    if close is None:
        return
    for ln in lines[close + 1:]:
        if ln.action == "meta" and ln.reason in ("byline", "published"):
            ln.decide("drop", "comments")


# a comment's own buttons: "Quote | Report this post", "Reply · Report abuse", "Like Reply"
_COMMENT_BUTTONS = regex.compile(r"^(?i:(?:quote|reply|report(?:\s+(?:this\s+)?(?:post|comment|abuse))?|like|flag|"
                                 r"recommend|permalink)(?:\s*\(\d+\))?(?:\s*[|·•]\s*|\s+|$))+$")


# a post's stamp: "Posted by: Jane on 4:05pm Tue 1 Jan 08", "Submitted by jdoe at 10:02"
_POSTED_BY = regex.compile(r"^(?i:posted|submitted|written)\s+(?i:by)\s*:?\s+\S.{0,60}?\s+(?i:on|at)\s+\S.{0,40}\d")


def comment_over_stamp(lines: list[Line], rules: list[Rule | None], reach: int = 4) -> None:
    """A blog's comments printed each over its stamp ("7 Comments »" / the first comment's text /
    "Comment by Jane — January 7, 2008 @ 8:21 pm", a comments rule that closes the article): the
    first comment's lines, between the comment count and the first stamp (``reach`` lines at
    most), are comments too.

    >>> rows = [("keep", "The singer was sentenced on Monday."), ("drop", "7 Comments »"),
    ...         ("keep", "could always be worse."), ("drop", "Comment by Al — January 7, 2008 @ 8:21 pm")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "comments" if a == "drop" else None)
    >>> count, stamp = Rule("drop", "comments", regex.compile("x")), Rule("drop", "comments", regex.compile("x"), ends=True)
    >>> comment_over_stamp(ls, [None, count, None, stamp]); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop']
    """
    for k, r in enumerate(rules):
        if r is None or not r.ends or r.reason != "comments":
            continue
        # the count over the first stamp, only kept lines between
        h = next((j for j in range(k - 1, max(-1, k - reach - 2), -1)
                  if rules[j] is not None or not lines[j].kept), None)
        if (h is not None and h < k - 1 and (g := rules[h]) is not None and g.reason == "comments"
                and not g.ends and _COMMENT_COUNT.match(lines[h].raw.strip())):
            for j in range(h + 1, k):
                lines[j].decide("drop", "comments")
        return


# a comment count linking to the comments: "7 Comments »", "12 Responses"
_COMMENT_COUNT = regex.compile(r"^\d+\s+(?i:comments?|responses?|replies)\s*[»›>]?$")


def comment_posts(lines: list[Line], rules: list[Rule | None], most: int = 12) -> None:
    """Readers' comments printed after the article, each as its poster's stamp ("Posted by: NAME on
    TIME", read as a byline or a date, or of that shape), its text, and its buttons ("Quote | Report this
    post", "Reply", a comments rule that closes nothing): the stamp and the kept lines (at most
    ``most``) between it and the buttons drop as comments. The stamp must stand under a body line: the article's own
    byline stands over its body, and a byline closing the article has no buttons under its lines.

    >>> rows = [("title", "Headline here"), ("keep", "The council met on Tuesday."),
    ...         ("meta", "Posted by: Al on 5:17pm Thu 17 Jan 08"), ("keep", "I disagree with the council."),
    ...         ("drop", "Quote | Report this post")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "published" if a == "meta" else None)
    >>> r = Rule("drop", "comments", regex.compile("Report this post$"))
    >>> comment_posts(ls, [None, None, None, None, r]); [(ln.action, ln.reason) for ln in ls[2:4]]
    [('drop', 'comments'), ('drop', 'comments')]
    """
    span = _body_span(lines)
    if span is None:
        return
    for t in range(span[0] + 1, len(lines)):
        r = rules[t]
        if r is None or r.reason != "comments" or r.ends or lines[t].action != "drop" \
                or not _COMMENT_BUTTONS.match(lines[t].raw.strip()):
            continue  # (a counter, "12 comments", is no comment's button)
        text, k = [], t - 1
        while k > span[0] and lines[k].action == "keep" and len(text) <= most and not _POSTED_BY.match(lines[k].raw.strip()):
            text.append(k)
            k -= 1
        stamp = lines[k]
        if not text or len(text) > most or k <= span[0]:
            continue
        if not (stamp.action == "meta" and stamp.reason in ("byline", "published")
                or _POSTED_BY.match(stamp.raw.strip())):
            continue
        for i in (k, *text):
            lines[i].decide("drop", "comments")


def date_lists(lines: list[Line]) -> None:
    """Two or more lines in a row that open with different dates, under the headline and
    joined to the body (a body line right above them, or a kept line among them), are a
    schedule or a list of events: content, not the publication time (a page prints its date
    once; a created and an updated date right under the headline stay metadata).

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Board meetings", "The board meets at City Hall, Room 4, 5th Floor.",
    ...     "Monday, May 4, 2020 at 3:00 PM", "Monday, June 1, 2020 at 3:00 PM"])]
    >>> for ln, a in zip(ls, ["title", "keep", "meta", "meta"]): ln.decide(a, "published" if a == "meta" else None)
    >>> date_lists(ls); [ln.action for ln in ls]
    ['title', 'keep', 'keep', 'keep']
    """
    t = title_at(lines)
    if t is None:
        return
    i = t + 1
    while i < len(lines):
        run = []
        while i < len(lines) and (m := _DATE_START.match(lines[i].raw)) and (
                lines[i].kept or lines[i].reason == "published"):
            run.append((i, m.group(0).lower()))
            i += 1
        dates = {d for _, d in run}
        above = lines[run[0][0] - 1] if run else None
        if len(dates) >= 2 and (above.kept and above.action != "title" or any(lines[k].kept for k, _ in run)):
            for k, _ in run:
                if not lines[k].kept:
                    lines[k].decide("keep")
        i += 1 if not run else 0


def _running(text: str) -> bool:
    """Reads as a sentence that lost its full stop: eight words or more, three of them
    lower-case in a row, no menu separators.

    >>> _running("For a ride to a center, please call (555) 010 - 4400"), _running("Why Sweden Has the World's Safest Roads")
    (True, False)
    """
    return _words(text) >= 8 and "|" not in text and _RUNNING.search(text) is not None


def notice_tail(lines: list[Line], rules: list[Rule | None], short: int = 600, most: int = 3) -> None:
    """The lines right after the body that read as running text (no rule names them; at most
    ``most``) are the notice's last sentences on a short page (under ``short`` characters of
    body: a press notice, a meeting schedule, whose lines often lack full stops). On any page,
    a running line just under the body that opens with a note mark the body uses
    ("**Telephonic" ... "** To request the number, please call ...") is a footnote.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["City opens cooling centers",
    ...     "Centers open at all libraries from Thursday.", "Residents are urged to spend the hottest hours at a center",
    ...     "Privacy | Terms | Contact"])]
    >>> for ln, a in zip(ls, ["title", "keep", "drop", "drop"]): ln.decide(a, "related" if a == "drop" else None)
    >>> notice_tail(ls, [None] * 4); [ln.action for ln in ls]
    ['title', 'keep', 'keep', 'drop']
    """
    span = _body_span(lines)
    if span is None:
        return
    start, end = span
    body = [ln.raw for ln in lines[start:end + 1] if ln.action in ("keep", "heading")]
    if sum(map(len, body)) < short:
        k = end + 1
        while (k < len(lines) and k <= end + most and lines[k].action == "drop" and rules[k] is None
               and _running(lines[k].raw)):
            lines[k].decide("keep")
            k += 1
    marks = {a or b for text in body for a, b in _NOTE_IN.findall(text)}
    if marks:
        for k in range(end + 1, min(len(lines), end + 6)):
            m = _NOTE_LINE.match(lines[k].raw)
            if (m and m.group(1) in marks and lines[k].action == "drop" and rules[k] is None
                    and _running(lines[k].raw)):
                lines[k].decide("keep")


# A comment box's policy notice: what gets a comment removed ("Comments that include insults ...
# will be removed from the site. ..."). It can run long, so it is read after the engine has placed
# the body (as a rule it would turn the box over the byline into the start of a comment section).
_COMMENT_POLICY = regex.compile(
    r"^(?i:comments|posts|replies|entries)\s+(?i:that|which|containing|including|with)\b.{0,120}"
    r"\b(?i:will|may|can)\s+be\s+(?i:removed|deleted|edited|rejected)\b")


def comment_policy(lines: list[Line]) -> None:
    """A kept line that opens as a comment box's policy (``_COMMENT_POLICY``) is a comment widget.

    >>> ls = [Line(n=0, raw=t, text=t) for t in ["Comments that include insults will be removed by the moderators."]]
    >>> ls[0].decide("keep"); comment_policy(ls); (ls[0].action, ls[0].reason)
    ('drop', 'comments')
    """
    for ln in lines:
        if ln.kept and ln.action != "title" and _COMMENT_POLICY.match(ln.raw.strip()):
            ln.decide("drop", "comments")


# a photo's caption closed by the day it was taken: "... during the storm on June 12, 2026."
_DATED_CAPTION_END = regex.compile(rf"(?i)\b(?:on|in|at)\s+(?:{_MONTH}\s+\d{{1,2}},?\s+|\d{{1,2}}\s+{_MONTH}\s+)(?:19|20)\d\d\.?$")
_CONTENT_WORD = regex.compile(r"\p{L}{4,}")


def dated_captions(lines: list[Line], least: int = 3, longest: int = 200) -> None:
    """A photo's caption between the paragraphs: one sentence (at most ``longest`` characters)
    closed by the day the photo shows (``_DATED_CAPTION_END``: "... on June 12, 2026."), standing
    right under the byline block or right after an ad slot, with a paragraph after it, that
    restates the headline (``least`` of its words). The article's own sentences name the day
    as the story's time ("on Friday") and follow on from a paragraph.

    >>> rows = [("title", "Storm Cuts Power Across the Coast"), ("meta", "By Jane Doe"),
    ...         ("keep", "Crews worked to restore power across the coast after the storm on March 3, 2021."),
    ...         ("keep", "The storm cut power to thousands of homes on Monday, the utility said, and crews were out all night.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "byline" if a == "meta" else None)
    >>> dated_captions(ls); [ln.action for ln in ls]
    ['title', 'meta', 'drop', 'keep']
    """
    t = next((ln for ln in lines if ln.action == "title"), None)
    if t is None:
        return
    head = {w.lower() for w in _CONTENT_WORD.findall(t.text)}
    for k in range(1, len(lines) - 1):
        ln, above = lines[k], lines[k - 1]
        if (ln.action != "keep" or len(ln.raw) > longest or not _DATED_CAPTION_END.search(ln.raw.strip())
                or not (above.action == "meta" and above.reason in ("byline", "published")
                        or above.action == "drop" and above.reason == "ad")
                or _SENTENCE_BREAK.search(ln.raw)):
            continue
        below = next((x for x in lines[k + 1:] if x.kept), None)
        if below is None or not _paragraph(below):
            continue
        if len(head & {w.lower() for w in _CONTENT_WORD.findall(ln.raw)}) >= least:
            ln.decide("drop", "caption")


# a sentence closed by the day a photo was taken, its weekday, date and year as a wire's caption
# gives them ("... outside the meeting on Thursday, April 20, 2017."): a story says "on Thursday"
_WEEKDAY_DATE_SENTENCE = regex.compile(
    rf"(?i)\bon\s+(?:mon|tues|wednes|thurs|fri|satur|sun)day,\s+{_MONTH}\s+\d{{1,2}},\s+(?:19|20)\d\d\.(?:\s|$)")


def caption_over_byline(lines: list[Line]) -> None:
    """The lead photo's caption between the headline and the byline block: a kept line whose
    sentence is closed by the photo's weekday and full date ("A fan waits outside the meeting on
    Thursday, April 20, 2017. The team will move ..."), with only residue between it and the
    headline and only residue between it and a byline or date line under it. A deck over the
    byline tells the story, and names no day with its weekday and year.

    >>> page = ["Council backs stadium lease", "A fan waits outside a meeting of the council on "
    ...         "Thursday, April 20, 2017. The team moves in 2020.", "By Jane Doe", "The council backed it."]
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(page)]
    >>> for ln, how in zip(ls, [("title",), ("keep",), ("meta", "byline"), ("keep",)]): ln.decide(*how)
    >>> caption_over_byline(ls); ls[1].action, ls[1].reason
    ('drop', 'caption')
    """
    t = title_at(lines)
    if t is None:
        return
    k = next((j for j in range(t + 1, len(lines)) if lines[j].kept), None)
    if k is None or lines[k].action != "keep" or not _WEEKDAY_DATE_SENTENCE.search(lines[k].raw):
        return
    m = next((j for j in range(k + 1, len(lines)) if lines[j].action != "drop"), None)
    if m is not None and lines[m].action == "meta" and lines[m].reason in ("byline", "published"):
        lines[k].decide("drop", "caption")


# where a picture's scene is set, closing its caption: a place ("... near Ararat.", "... at Glasgow
# Airport", "... in Perthshire on Monday morning") or a part of the day ("... on Friday afternoon.")
_SCENE_END = regex.compile(r"\b(?:in|at|near|outside|inside|on|along|over|across|off|from|by)\s+(?:the\s+)?"
                           r"\p{Lu}[\p{L}\x27’.-]*(?:(?:\s+|,\s*)(?:\p{Lu}[\p{L}\x27’.-]*|of|de|la))*"
                           r"(?:\s+(?:on|in|at)\s+\p{Lu}\p{Ll}+(?:\s+(?:morning|afternoon|evening|night))?)?\.?$"
                           r"|\b(?:on|at)\s+(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|dawn|dusk)"
                           r"(?:\s+(?:morning|afternoon|evening|night))?\.?$")
# the caption's subject and verb, before the scene's first preposition ("Smoke rises", "Passengers wait")
_SCENE_HEAD = regex.compile(r"^(.*?)(?:\s(?:in|at|near|outside|inside|on|along|over|across|off|from|for|to|"
                            r"with|during|after|before|as|by|through|into|past|towards?|under|behind|beside|around|"
                            r"between|among|up|down)\s|[,;:(–—]|$)")
# an event's schedule or a stance told in the present ("The trial resumes in Sydney on Monday.", "The
# council meets on Tuesday", "The minister denies any wrongdoing in Canberra"), or a figure ("The
# company employs 4,000 people in Ohio"): the story's own sentence, no scene a picture shows
_SCHEDULE = regex.compile(r"\b(?:continues?|resumes?|runs?|begins?|starts?|ends?|opens?|closes?|reopens?|"
                          r"takes?\s+place|goes\s+ahead|kicks?\s+off|wraps?\s+up|moves?|heads?|returns?|"
                          r"remains?|stays?|lasts?|falls?|sits?|lies|costs?|means?|needs?|wants?|hopes?|plans?|aims?|expects?|faces?|"
                          r"meets?|travels?|goes|go|comes?|gets?|employs?|owns?|operates?|serves?|"
                          r"denies|deny|claims?|believes?|insists?|argues?|admits?|accepts?|rejects?|supports?|opposes?|"
                          r"estimates?|thinks?|knows?|feels?|agrees?|disagrees?|warns?|urges?|calls?|asks?)\b|\d")
# _TENSED's words but a participle, anywhere before the scene ("a flooded street" is a caption's)
_FINITE = regex.compile(_TENSED.pattern.replace(r"\p{Ll}{2,}ed|", "", 1))
# a subject that points back to the paragraph above: a sentence of the story, no caption
_BACK_SUBJECT = regex.compile(r"^(?:It|He|She|They|We|This|That|These|Those|There|Its|His|Her|Their|Such|Both|Several|Few|"
                              r"Some|Many|Most|Others?|Another|Each|All|Here|Now|Then|So|But|And|Yet)\b")


def _scene_caption(text: str, longest: int = 160) -> bool:
    """Whether ``text`` reads as a picture's caption set at a place or a time: one sentence of
    four words or more (at most ``longest`` characters), no quotation, no first or second person,
    no reporting verb, no subject pointing back to a paragraph, no tense a paragraph tells its
    story in before the scene's first preposition (nor, but for a participle, before the scene), and closed by the scene's place or time
    (``_SCENE_END``).

    >>> _scene_caption("Smoke rises over the Pyrenees Highway near Ararat.")
    True
    >>> _scene_caption("Passengers wait for news of delayed flights at Glasgow Airport.")
    True
    >>> _scene_caption("The fire started near Ararat.")
    False
    >>> _scene_caption("It burns out of control near Ararat.")
    False
    >>> _scene_caption("The trial resumes in the Supreme Court in Sydney on Monday.")
    False
    """
    text = text.strip()
    if (not 25 <= len(text) <= longest or _words(text) < 4 or _SENTENCE_BREAK.search(text) or _PERSON.search(text)
            or _REPORTED.search(text) or _OPENER.match(text) or _BACK_SUBJECT.match(text) or text.endswith(("?", "!", ":"))):
        return False
    end = _SCENE_END.search(text)
    if end is None:
        return False
    head = _SCENE_HEAD.match(text).group(1)
    return (2 <= _words(head) <= 8 and not _TENSED.search(head) and not _SCHEDULE.search(head)
            and not _FINITE.search(text, 0, end.start()))  # ("Several of the contenders ... were not ...")


def scene_captions(lines: list[Line], rules: list[Rule | None], least: int = 2) -> None:
    """Photo captions with no credit and no label between the paragraphs, written as a sentence
    set at a place or a time (``_scene_caption``: "Smoke rises over the highway near Ararat.",
    "CFA volunteers prepare to defend properties in Beaufort on Friday afternoon."). Each stands
    alone between two paragraphs, no rule naming it; such a line is a caption where the page
    prints ``least`` or more of them, counting the ones the engine already dropped there (a
    caption with no full stop reads as a label and drops) and the captions a rule named between
    paragraphs: a story's own short sentence set at a place stands alone on a page with no
    pictures.

    >>> para = "Crews worked through the night to restore power to thousands of homes across the region, the utility said."
    >>> rows = [("title", "Storm cuts power"), ("keep", para), ("keep", "Waves crash over the harbour wall at Ardrossan."),
    ...         ("keep", para), ("drop", "A fallen tree blocks a road in Perthshire"), ("keep", para)]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> scene_captions(ls, [None] * 6); [ln.action for ln in ls]
    ['title', 'keep', 'drop', 'keep', 'drop', 'keep']
    """
    span = _body_span(lines)
    if span is None:
        return
    a, b = span

    def between(k: int) -> bool:  # alone between two paragraphs (residue aside)
        up = next((x for x in range(k - 1, a - 1, -1) if lines[x].kept), None)
        down = next((x for x in range(k + 1, b + 1) if lines[x].kept), None)
        return (up is not None and down is not None and _paragraph(lines[up]) and _paragraph(lines[down])
                and lines[k - 1].action != "heading")

    found, seen = [], 0
    for k in range(a + 1, b):
        ln = lines[k]
        if ln.action == "keep" and rules[k] is None and _scene_caption(ln.raw) and between(k):
            found.append(k)
        elif ln.action == "drop" and (ln.reason == "caption" or rules[k] is None and _scene_caption(ln.raw)) and between(k):
            seen += 1
    if found and len(found) + seen >= least:
        for k in found:
            lines[k].decide("drop", "caption")


# a reprint's note naming the outlet the story first ran in: "This article first appeared in X.",
# "Originally published in X", "This story was originally published by X"
_REPRINT = regex.compile(r"^(?i:this\s+\w+\s+(?:was\s+)?(?:(?:originally|first)\s+)?|originally\s+)"
                         r"(?i:appeared|published|ran)\s+(?i:on|in|at|by)\s+\p{Lu}")


def reprint_teasers(lines: list[Line], rules: list[Rule | None], least: int = 2, longest: int = 200) -> None:
    """Teasers of the site's other stories printed with no header under a reprint's note closing
    the article ("This article first appeared in X."): under the note (itself under two or more
    paragraphs) stand ``least`` or more headline-shaped lines no rule names, the first right under
    it (or under the writer's one-line bio), each over a short blurb (at most ``longest`` characters, as every kept line under the note
    is). A reprint's note is the article's last line: the teasers drop (related).

    >>> para = "Crews worked through the night to restore power to thousands of homes across the region, the utility said."
    >>> rows = [("title", "Storm cuts power"), ("keep", para), ("keep", para), ("meta", "This article first appeared in Example Weekly."),
    ...         ("drop", "Load shedding leaves small firms in the dark"), ("keep", "Owners say the outages cost them dearly."),
    ...         ("keep", "The city's water crisis, five years on"), ("keep", "The city came close to Day Zero.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "source" if a == "meta" else None)
    >>> reprint_teasers(ls, [None] * len(ls)); [ln.action for ln in ls[3:]]
    ['meta', 'drop', 'drop', 'drop', 'drop']
    """
    for k, ln in enumerate(lines):
        if ln.action != "meta" or ln.reason != "source" or not _REPRINT.match(ln.raw.strip()):
            continue
        if sum(1 for x in lines[:k] if _paragraph(x)) < 2:
            continue  # (a note over the article: the story follows it)
        under = [x for x in range(k + 1, len(lines)) if rules[x] is None and lines[x].action != "meta"]
        heads = [x for x in under if _headline(lines[x].raw.strip())]
        kept = [x for x in under if lines[x].kept]
        if (not kept or len(heads) < least or heads[0] not in under[:2] or lines[heads[0]].action == "title"
                or any(len(lines[x].raw) > longest for x in kept)):
            continue
        for x in kept:
            lines[x].decide("drop", "related")
        return


# A blog post's closing credit naming where the writer found the story: "(via Example Blog)",
# "[h/t Jane Doe]", "(Thanks, Jane!)", "Via: Example Blog".
_VIA = regex.compile(
    r"^[(\[](?i:via|h/t|hat tip|thanks|thx)\b[^()\[\]]{2,80}[)\]]$|^(?i:via|h/t|hat tip)\s*:\s*\S.{0,80}$")


# a live post's stamp: a time alone, perhaps after its label, no date ("Updated at 18.10 BST",
# "Posted 9:45am ET", "14:05 GMT")
_POST_STAMP = regex.compile(r"^(?:(?i:updated|posted|published|last\s+updated)(?:\s+(?i:at))?\s*:?\s*)?"
                            r"(?:[01]?\d|2[0-3])[:.][0-5]\d(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+\p{Lu}{2,5})?$")


def post_stamps(lines: list[Line]) -> None:
    """A live blog's post stamps inside the body: time lines the rules read as the publication
    line ("Updated at 18.10 BST") standing between the article's paragraphs are the posts', not
    the article's: they drop, and with them such a stamp under the last post. One alone under
    the last paragraph of an article stays its metadata.

    >>> rows = [("title", "Storm live"), ("keep", "Power is out."), ("meta", "Updated at 14.05 GMT"),
    ...         ("keep", "Roads are shut."), ("meta", "Updated at 13.40 GMT")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "published" if a == "meta" else None)
    >>> post_stamps(ls); [ln.action for ln in ls]
    ['title', 'keep', 'drop', 'keep', 'drop']
    """
    span = _body_span(lines)
    if span is None:
        return
    stamps = [i for i in range(span[0] + 1, len(lines)) if lines[i].action == "meta"
              and lines[i].reason == "published" and _POST_STAMP.match(lines[i].raw.strip())]
    if not any(i < span[1] for i in stamps):
        return
    for i in stamps:
        lines[i].decide("drop", "other")


def post_credit(lines: list[Line], rules: list[Rule | None], most: int = 2) -> None:
    """A short post ends where its last paragraph does for the engine, so its closing lines
    under it fall with the residue after it: the title of the link the post points to and the
    credit naming where the writer found it ("(via Example Blog)", ``_VIA``). A credit line
    right under the body, with at most ``most`` short lines no rule names between them (a
    link's title, no sentence), closes the post: it and those lines are the post's own.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Storm heads east",
    ...     "A cartoonist drew the storm for a local paper.", "The storm we love to hate", "(via Example Blog)",
    ...     "Read the rest"])]
    >>> for ln, a in zip(ls, ["title", "keep", "drop", "drop", "drop"]): ln.decide(a, "related" if a == "drop" else None)
    >>> post_credit(ls, [None] * 5); [ln.action for ln in ls]
    ['title', 'keep', 'keep', 'keep', 'drop']
    """
    span = _body_span(lines)
    if span is None:
        return
    end = span[1]
    for k in range(end + 1, min(len(lines), end + most + 2)):
        ln = lines[k]
        if ln.action != "drop" or rules[k] is not None and rules[k].action != "meta":
            return
        if _VIA.match(ln.raw.strip()):
            for j in range(end + 1, k + 1):
                lines[j].decide("keep")
            return
        if len(ln.raw) > 100 or _SENTENCE_END.search(ln.raw) or rules[k] is not None:
            return


# a label or kicker and a colon ("Watch: ...", "Bad weather: Top tips"), a question teaser
# answered after it ("What do X and Y have in common? Z answers"), a menu separator, a
# caption's pointer to who is where in the photo ("(left)")
_PROMO_SHAPE = regex.compile(r"\((?i:left|right|center|centre|top|bottom|pictured|above|below)\)|:\s|\?\s+\S|\s[|•·»›]\s|\d{1,2}:\d{2}$")


def _finished(ln: Line) -> bool:
    """A kept body line that ends a sentence."""
    return ln.action == "keep" and _ends_sentence(ln.raw)


@lru_cache(maxsize=4096)  # (``_finished`` is asked of the same lines by many checks)
def _ends_sentence(text: str) -> bool:
    return _SENTENCE_END.search(text) is not None


def _paragraph(ln: Line) -> bool:
    """A kept body paragraph: a finished sentence of some length."""
    return _finished(ln) and len(ln.raw) >= 80


def long_subheads(lines: list[Line], rules: list[Rule | None], shortest: int, longest: int = 80,
                  least: int = 3) -> None:
    """A line longer than the engine's headings (``shortest`` characters) and at most
    ``longest``, standing right between two finished paragraphs, is the article's subhead
    when it reads as one: no sentence end, no promo shape (a kicker label, a question teaser
    with its answer, a separator, a video's running time, a caption's "(left)"). A promo link in a player or a
    related box has widget lines, not paragraphs, on one side. Only a page with ``least`` such
    lines or more: subheads come in a series, while a photo caption of the same shape between
    two paragraphs is one or two on a page.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate([
    ...     "The council met on Tuesday and voted to close the old harbour bridge for repairs next spring.",
    ...     "Engineers warn the harbour bridge repairs could take two full years",
    ...     "The bridge, built in 1931, carries twelve thousand cars a day, and its closure will add an hour.",
    ...     "What do pandas and pianos have in common? A zoo keeper answers here",
    ...     "The council expects the work to start in March, weather permitting, and to cost four million."])]
    >>> for ln, a in zip(ls, ["keep", "drop", "keep", "drop", "keep"]): ln.decide(a, "related" if a == "drop" else None)
    >>> long_subheads(ls, [None] * 5, 50, least=1); [ln.action for ln in ls]
    ['keep', 'heading', 'keep', 'drop', 'keep']
    """
    found = []
    for i in range(1, len(lines) - 1):
        ln, prev, nxt = lines[i], lines[i - 1], lines[i + 1]
        text = ln.raw.strip()
        if (ln.action != "drop" or rules[i] is not None or ln.reason not in ("related", "nav")
                or not shortest < len(text) <= longest or _words(text) < 4
                or _SENTENCE_END.search(text) or text.endswith((",", ":", ";")) or _PROMO_SHAPE.search(text)):
            continue
        if _finished(prev) and _paragraph(nxt):
            found.append(ln)
    if len(found) >= least:
        for ln in found:
            ln.decide("heading")


_BLURB_CUT = regex.compile(r"(?:\.\.\.|…|→|»)\]?\s*$|(?i:continue reading|read more)\W*$")
_SENTENCE_BREAK = regex.compile(r"[.!?][\"'”’)]*\s+[\"“‘(]?\p{Lu}")


def _blurb(text: str) -> bool:
    """A teaser's blurb: cut short by the site, or one or two sentences.

    >>> _blurb("Experts say the storm may turn north."), _blurb("One. Two. Three sentences make a paragraph.")
    (True, False)
    """
    # (the cheap length test first: most paragraphs are longer)
    return (len(text) <= 320 and len(_SENTENCE_BREAK.findall(text)) <= 1) or bool(_BLURB_CUT.search(text))


# what a page prints between two paragraphs of its article: a picture's caption and credit, an
# ad, a share or app widget (a teaser's blurb sits under its headline instead)
_BETWEEN_PARAGRAPHS = frozenset(("caption", "ad", "share", "app"))


def _follows_on(lines: list[Line], i: int, rules: list[Rule | None]) -> bool:
    """The paragraph at ``i`` follows on from a finished paragraph above it, past the captions,
    ads and widgets between them, and past residue the rules name (an in-article promo, "Read
    more:", with the link under its label): a teaser's headline is no rule's.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Rain fell all day.", "A flooded street", "Photo: AP", "Trains stopped."])]
    >>> for ln, (a, r) in zip(ls, [("keep", None), ("drop", "caption"), ("drop", "caption"), ("keep", None)]): ln.decide(a, r)
    >>> _follows_on(ls, 3, [None] * 4), _follows_on(ls, 0, [None] * 4)
    (True, False)
    """
    def between(k: int) -> bool:
        if lines[k].action != "drop":
            return False
        if lines[k].reason in _BETWEEN_PARAGRAPHS or rules[k] is not None:
            return True
        return k > 0 and rules[k - 1] is not None and lines[k - 1].action == "drop" and lines[k - 1].raw.rstrip().endswith(":")

    k = i - 1
    while k >= 0 and between(k):
        k -= 1
    return k >= 0 and lines[k].action == "keep" and _SENTENCE_END.search(lines[k].raw) is not None


def teaser_page(lines: list[Line], rules: list[Rule | None], least: int = 6, share: float = 0.8) -> bool:
    """A home page or section front has no article: what the engine kept is a list of
    teasers, each a blurb under a headline or a label of its own. When at least ``least``
    kept paragraphs are there and ``share`` of them both sit under a line that is no finished
    paragraph (a headline, a heading, a dropped label: none follows on from the paragraph
    above it, as an article's do, past a caption, an ad, a widget or a promo between them) and read as a blurb (one or two sentences, or cut short
    with an ellipsis), the page has no body: every kept line is dropped as related, and the
    answer is True (the page carries the ``no-article`` flag).

    >>> rows = []
    >>> for k in range(6):
    ...     rows += [(f"Storm number {k} heads east", "heading"), (f"Forecasters expect storm {k} to weaken.", "keep")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (t, _) in enumerate(rows)]
    >>> for ln, (_, a) in zip(ls, rows): ln.decide(a)
    >>> teaser_page(ls, [None] * len(ls)), {ln.action for ln in ls}
    (True, {'drop'})
    """
    # (a line opening with a date, an event's in a schedule, is no teaser's blurb)
    paras = [i for i, ln in enumerate(lines)
             if ln.action == "keep" and _words(ln.raw) >= 5 and not _DATE_START.match(ln.raw)]
    if len(paras) < least:
        return False
    solo = sum(1 for i in paras if not _follows_on(lines, i, rules))
    if solo < share * len(paras):  # an article's paragraphs follow on: no need to read the blurbs
        return False
    blurbs = sum(1 for i in paras if _blurb(lines[i].raw))
    if blurbs >= share * len(paras) and not _numbered_heads(lines, paras) and not _on_title(lines, paras):
        for ln in lines:
            if ln.kept:
                ln.decide("drop", "related")
        return True
    return False


_ITEM_NUMBER = regex.compile(r"^\(?(\d{1,2})[.):]\s+\S")


def _numbered_heads(lines: list[Line], paras: list[int], share: float = 0.6) -> bool:
    """Whether the paragraphs stand under subheads numbered one after another from 1 ("1. Turn
    the thermostat down", "2. Bleed your radiators", ...), ``share`` of them or more: a list
    article's items, each with its own paragraph, not a section front's teasers.

    >>> rows = ["Five ways to save", "1. Turn it down", "It saves a tenth of the bill.", "2. Bleed radiators",
    ...         "Trapped air stops them heating.", "3. Use a timer", "Heating an empty home wastes money."]
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(rows)]
    >>> _numbered_heads(ls, [2, 4, 6]), _numbered_heads(ls[:3] + ls[5:], [2, 4])
    (True, False)
    """
    numbers = []
    for i in paras:
        k = i - 1
        while k >= 0 and not lines[k].raw.strip():
            k -= 1
        m = _ITEM_NUMBER.match(lines[k].raw.strip()) if k >= 0 else None
        if m is not None:
            numbers.append(int(m[1]))
    return (len(numbers) >= 3 and len(numbers) >= share * len(paras)
            and numbers == list(range(numbers[0], numbers[0] + len(numbers))) and numbers[0] <= 1)


# words of four letters or more (cut to five, as _stems does) any headline may share with any text
_COMMON_STEMS = frozenset(w[:5] for w in ("that", "this", "with", "from", "have", "will", "were", "been",
                                          "they", "their", "there", "what", "when", "which", "into", "over",
                                          "after", "about", "more", "than", "said", "says", "year", "years",
                                          "could", "would", "should", "your", "here", "just", "like"))


def _on_title(lines: list[Line], paras: list[int], share: float = 0.6) -> bool:
    """Whether ``share`` of the paragraphs or more share a word with the title: one story's
    sections, each on its subject ("Five ways to cut your heating bill" over "Heating an empty home
    wastes money"), not a section front's blurbs, each of its own story.

    >>> rows = ["Five ways to cut your heating bill", "Heating an empty home wastes money.",
    ...         "Lower the thermostat to cut the bill.", "Museum returns carvings to the island."]
    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(rows)]
    >>> ls[0].decide("title"); _on_title(ls, [1, 2]), _on_title(ls, [1, 2, 3], share=0.8)
    (True, False)
    """
    t = title_at(lines)
    if t is None:
        return False
    words = _stems(lines[t].raw) - _COMMON_STEMS
    if not words:
        return False
    return sum(1 for i in paras if words & _stems(lines[i].raw)) >= share * len(paras)


# The document flag of a page that holds no article (a home page, a section front): the
# quality filter rejects it with that reason, not as too short.
NO_ARTICLE = "no-article"


def _headline(text: str) -> bool:
    """Reads as a headline: 3-30 words, no full stop (a question or a quotation may end it)."""
    return 3 <= _words(text) <= 30 and len(text) <= 160 and not text.rstrip("\"'”’)").endswith((".", ",", ":", ";"))


def teaser_items(lines: list[Line], rules: list[Rule | None], span: int = 8, siblings: int = 2) -> None:
    """A list of teasers after the article (a "More from" box, a blog's next posts): each item a
    headline, a one- or two-sentence blurb and often a link ("Read the rest"). The engine drops
    most items by place but may keep a blurb. A kept blurb below the article's first paragraph
    whose line above is a teaser's headline dropped by place (no rule names it), whose line below
    is dropped too, and that has ``siblings`` long blurbs or list links dropped as related within
    ``span`` lines, one of them a blurb, is one more item: it drops with them; so does a blurb cut short ("... rules ...")
    over the teaser's label and age ("News" / "2 hours ago"), the only item of its box. The article's
    own last paragraphs follow a paragraph, not a headline, and have no dropped blurbs around them.

    >>> rows = [("title", "Storm heads east"), ("keep", "Forecasters expect the storm to weaken well before it reaches the coast on Friday."),
    ...         ("drop", "Museum returns carvings to the island"), ("drop", "The carvings left the island a century ago on a merchant ship, and came home this week."),
    ...         ("drop", "Ferry stops for the winter"), ("keep", "The port says the boats have lost money for three years in a row."),
    ...         ("drop", "Read the rest"), ("drop", "Bakery becomes the busiest shop in town"),
    ...         ("drop", "The owners opened at dawn every day for ten years, and the queue now reaches the corner.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> r = Rule("drop", "related", regex.compile("^Read the rest$"))
    >>> teaser_items(ls, [None] * 6 + [r, None, None]); [ln.action for ln in ls][:6]
    ['title', 'keep', 'drop', 'drop', 'drop', 'drop']
    """
    first = next((i for i, ln in enumerate(lines) if _paragraph(ln)), None)
    if first is None:
        return
    for k in range(first + 1, len(lines) - 1):
        ln, above, below = lines[k], lines[k - 1], lines[k + 1]
        # the decisions around the line first: they rule out most lines before any text is read
        if (ln.action != "keep" or above.action != "drop" or below.action != "drop" or rules[k - 1] is not None
                or above.reason not in ("related", "nav") or below.reason not in ("related", "nav")
                or not _headline(above.raw) or not _blurb(ln.raw)):
            continue
        near = [j for j in range(max(first + 1, k - span), min(len(lines), k + span + 1))
                if j != k and lines[j].action == "drop" and lines[j].reason == "related" and (
                    rules[j] is not None  # a list's link ("Read the rest")
                    or len(lines[j].raw) >= 80 and (_SENTENCE_END.search(lines[j].raw) or _BLURB_CUT.search(lines[j].raw)))]
        # (one of them a blurb: a list's header and links alone around a paragraph make no box)
        boxed = len(near) >= siblings and any(rules[j] is None for j in near)
        if boxed or _BLURB_CUT.search(ln.raw) and _dated_teaser(lines, k + 1):
            ln.decide("drop", "related")


# a teaser's age, alone under its blurb ("2 hours ago", ``fullmatch``) or after its byline
# ("By AFP 4 hrs ago", ``search``)
_AGE = regex.compile(r"(?i)\b(?:\d+|an?|one)\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?|weeks?|months?)\s+ago$")


def _dated_teaser(lines: list[Line], k: int, most: int = 2) -> bool:
    """A teaser's stamp (its age, "2 hours ago", or a date) dropped within ``most`` lines from ``k``,
    after at most a section label: a blurb cut short over it is a teaser's, alone in its box."""
    for j in range(k, min(len(lines), k + most)):
        if lines[j].action != "drop":
            return False
        text = lines[j].raw.strip()
        if _AGE.fullmatch(text) or _DATE_START.match(text):
            return True
    return False


# an item of a numbered list of stories, its headline closed by its date:
# "12 Ferry fares rise again Tuesday Feb 8", "3 Storm heads east March 3, 2021"
_NUMBERED_ITEM = regex.compile(
    rf"(?i)^(?P<k>\d{{1,3}})\.?\s+\S.{{8,150}}?\s+(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?|\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?)$")


def numbered_teasers(lines: list[Line], least: int = 3, gap: int = 3) -> None:
    """A numbered list of stories after the article (a story's timeline of earlier reports, a
    most-read box): three or more items in a row counting up or down by one, each a headline
    closed by its date, at most ``gap`` lines apart, with the blurb under each, under a line the
    engine dropped (the list's label, a comment link). The engine drops some items by place but
    keeps other items as headings, and the blurbs: the items and their blurbs all drop as related.

    >>> rows = [("keep", "Forecasters expect the storm to weaken well before it reaches the coast on Friday."),
    ...         ("drop", "Earlier reports"), ("drop", "12 Ferry fares rise again Tuesday Feb 8"), ("keep", "The port raised fares for the third time."),
    ...         ("heading", "11 Museum returns carvings Monday Feb 7"), ("keep", "The carvings came home this week."),
    ...         ("drop", "10 Bakery opens at dawn Friday Jan 28"), ("keep", "The queue now reaches the corner.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> numbered_teasers(ls); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop', 'drop']
    """
    first = next((i for i, ln in enumerate(lines) if _paragraph(ln)), None)
    if first is None:
        return
    items = [(i, int(m["k"])) for i in range(first + 1, len(lines))
             if not _paragraph(lines[i]) and (m := _NUMBERED_ITEM.match(lines[i].raw.strip()))]
    runs: list[list[int]] = []  # positions of items counting by one, one way, ``gap`` lines apart at most
    run, step = [], 0
    for (i, k), (j, q) in zip([(-gap - 1, 0)] + items, items):
        if abs(q - k) == 1 and j - i <= gap and (len(run) < 2 or q - k == step):
            run, step = (run or [i]) + [j], q - k
        else:
            runs.append(run)
            run = [j]
    runs.append(run)
    for run in runs:
        if len(run) < least or not any(lines[i].action == "drop" for i in run) or lines[run[0] - 1].kept:
            continue  # (an article's own list: introduced by a kept line, its items kept)
        for a, b in zip(run, run[1:] + [None]):
            end = b if b is not None else min(len(lines), a + gap)
            for k in range(a, end):
                if b is None and k > a and not (lines[k].kept and _blurb(lines[k].raw)):
                    break
                lines[k].decide("drop", "related")


# a line opening with its timestamp: "Updated 5 minutes ago ...", "Posted 3/4/2011 ..."
_STAMP_OPEN = regex.compile(r"^(?i:updated|posted|published)\s+(?:\d+\s+\p{L}+\s+ago\b|\d)")


def inline_boxes(lines: list[Line], least: int = 2, most: int = 6) -> None:
    """A box of links set inside the article ("More world news", "Only on Example.com"): between
    two paragraphs, a short label the engine kept as a heading (at most ``most`` words, no
    sentence), then the box's items, ``least`` or more of them dropped as links (related, nav),
    others kept: a headline, its blurb, an item opening with its timestamp. Everything the engine
    kept or moved to metadata between the label and the next paragraph is the box's: it drops
    as related, but for the article's byline block right over that paragraph (two metadata lines
    or more, only the story's tools under them). (A subhead between paragraphs has no links dropped
    under it.)

    >>> rows = [("keep", "Forecasters expect the storm to weaken well before it reaches the coast on Friday."),
    ...         ("heading", "More weather news"), ("heading", "Ferry fares rise again"),
    ...         ("keep", "The port raised fares for the third time."), ("drop", "Museum returns carvings"),
    ...         ("drop", "Bakery opens at dawn"),
    ...         ("keep", "The weather service said the storm would bring heavy rain to the hills on Saturday.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> inline_boxes(ls); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop', 'drop', 'drop', 'keep']
    >>> ls[6:6] = [Line(n=8, raw="First Published: 11:47 IST(11/1/2008)", text=""),
    ...            Line(n=9, raw="Last Updated: 11:48 IST(11/1/2008)", text=""), Line(n=10, raw="Print", text="")]
    >>> for ln, (a, r) in zip(ls, [("keep", None), ("heading", None), ("heading", None), ("keep", None), ("drop", "related"),
    ...         ("drop", "related"), ("meta", "published"), ("meta", "published"), ("drop", "share"), ("keep", None)]):
    ...     ln.decide(a, r)
    >>> inline_boxes(ls); [ln.action for ln in ls]
    ['keep', 'drop', 'drop', 'drop', 'drop', 'drop', 'meta', 'meta', 'drop', 'keep']
    """
    if not any(ln.action == "heading" for ln in lines):
        return  # no label (most pages): the paragraphs need not be read
    paras = [i for i, ln in enumerate(lines) if _paragraph(ln) and _RUNNING.search(ln.raw)
             and not _STAMP_OPEN.match(ln.raw) and not _DATE_START.match(ln.raw)]  # (an item: its time first)
    for a, b in zip(paras, paras[1:]):
        if b - a < least + 2:
            continue
        gap = range(a + 1, b)
        label = next((k for k in gap if lines[k].action != "drop"), None)
        if label is None or lines[label].action != "heading":
            continue
        text = lines[label].raw.strip()
        if _words(text) > most or _SENTENCE_END.search(text):
            continue
        if sum(1 for k in gap if k > label and lines[k].action == "drop" and lines[k].reason in ("related", "nav")) < least:
            continue
        # (the article's own byline block right over the paragraph, two metadata lines or more with
        # only the story's tools under them, stays: "First Published: 11:47 IST(11/1/2008)" / "Last
        # Updated: ..." / Print / Email; a list item's date stands alone)
        top = b
        while top - 1 > label and lines[top - 1].action in ("drop", "meta"):
            top -= 1
        if sum(1 for k in range(top, b) if lines[k].action == "meta") < 2:
            top = b
        for k in range(label, top):
            if lines[k].action != "drop":
                lines[k].decide("drop", "related")


# an item of a bulleted list: the bullet (``classify._BULLET``), then a short text
_BULLET_ITEM = regex.compile(_BULLET.pattern + r"\s*\S")
# a sentence that leads into a list: it ends open, on a lower-case word or a colon ("... have
# been featured in", "... have included", "... including:")
_LEAD_OPEN = regex.compile(r"(?:\b\p{Ll}+|:)\s*$")
# a link box's header, however long: it speaks to the reader of stories and links to read
_LINK_BOX_WORDS = regex.compile(r"(?i)\b(?:you|your|read|related|stories|articles|links?|see also|recommended|"
                                r"popular|latest|click|also like|more on)\b")


@lru_cache(maxsize=4096)  # (asked of a page's lines by two checks, and again when settling)
def _lead_in(text: str, least: int = 8) -> bool:
    """A prose sentence that introduces a list: ``least`` words or more, running lower-case
    words, and an open end (a colon or a lower-case word, no full stop); not a link box's header
    ("You may also want to read these stories from").

    >>> _lead_in("In the past year the employers that hired our graduates have included")
    True
    >>> _lead_in("More from our site"), _lead_in("Employers that hired graduates this year were many.")
    (False, False)
    >>> _lead_in("You may also want to read these stories from our archive on")
    False
    """
    return (_words(text) >= least and _RUNNING.search(text) is not None and _LEAD_OPEN.search(text) is not None
            and not _LINK_BOX_WORDS.search(text))


def _paragraph_over(lines: list[Line], a: int, reach: int, ends: Container[int] = ()) -> bool:
    """A kept paragraph (or the end of a list in ``ends``) stands over line ``a``, within
    ``reach`` dropped lines."""
    for k in range(a - 1, max(-1, a - 2 - reach), -1):
        if k in ends or _paragraph(lines[k]):
            return True
        if lines[k].action != "drop":
            return False
    return False


def list_lead_in(lines: list[Line], rules: list[Rule | None], least: int = 2, longest: int = 60,
                 reach: int = 2) -> None:
    """A bulleted list inside the article, introduced by a prose sentence: the engine takes the
    sentence and the list's short items (names of outlets, firms, places) for a menu or a
    related list. A sentence that reads as a lead-in (``_lead_in``: prose with an open end),
    kept or dropped by place (no rule names it), right over ``least`` or more bullet items of at most
    ``longest`` characters, is the article's when the body goes on under the list (a kept
    paragraph, or another such list first) and stands over it (a kept paragraph within
    ``reach`` dropped lines, or such a list): the sentence and its items are kept. A menu or a
    related list has no prose lead-in, and one after the article has no paragraph under it.
    A list may also close the article (``_closing_list``): its lead-in a kept line ending on a colon,
    its items clauses of running words (advice, steps), not headlines or names.

    >>> rows = [("keep", "Graduates of the course found work faster than any class before them, the college said."),
    ...         ("drop", "In the past year the employers that hired graduates straight from the course have included"),
    ...         ("drop", "• Northshore Shipyards"), ("drop", "• Bayline Ferries"),
    ...         ("keep", "Several smaller firms in the valley also took on apprentices from the course this year.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> list_lead_in(ls, [None] * 5); [ln.action for ln in ls]
    ['keep', 'keep', 'keep', 'keep', 'keep']
    """
    place = ("nav", "related", "footer")
    blocks: list[tuple[int, int]] = []  # (lead-in, last item)
    for i, ln in enumerate(lines):
        if (not (ln.action == "keep" or ln.action == "drop" and ln.reason in place) or rules[i] is not None
                or _BULLET_ITEM.match(ln.raw) or not _lead_in(ln.raw.strip())):
            continue
        j = i + 1
        while (j < len(lines) and rules[j] is None and _BULLET_ITEM.match(lines[j].raw)
               and len(lines[j].raw.strip()) <= longest
               and (lines[j].kept or lines[j].action == "drop" and lines[j].reason in place)):
            j += 1
        if j - i - 1 >= least and any(lines[k].action == "drop" for k in range(i, j)):
            blocks.append((i, j - 1))
    if not blocks:
        return
    heads = {a: b for a, b in blocks}
    ends = {b: a for a, b in blocks}

    def body_after(b: int) -> bool:
        k = b + 1
        while k in heads:  # another list with its lead-in right under this one
            k = heads[k] + 1
        return k < len(lines) and _paragraph(lines[k])

    for a, b in blocks:
        if body_after(b) and _paragraph_over(lines, a, reach, ends):
            for k in range(a, b + 1):
                lines[k].decide("keep")
    _closing_list(lines, rules, reach)


# the forms a list's items share: a bracket closing it ("Jane Doe (Example University)"), a label
# and its value ("Goalkeeper: Jane Doe"), a dash between two parts, a number opening it
_ITEM_FORMS = (regex.compile(r"\)$"), regex.compile(r"^[^:]{1,40}:\s+\S"), regex.compile(r"\s[-–—]\s"),
               regex.compile(r"^[*•·]?\s*\d"))
# a list's footnote under its items: "* - Players with the national team.", "† On loan."
_LIST_NOTE = regex.compile(r"^(?:\*+\s*[-–—:=]\s*|[†‡]+\s*[-–—:=]?\s*|(?i:notes?)\s*:\s*)\S")


def _list_line(ln: Line) -> bool:
    """A line the engine kept, read as a subhead, or dropped by place (a list's item to it)."""
    return ln.action in ("keep", "heading") or ln.action == "drop" and ln.reason in ("related", "nav")


def colon_list(lines: list[Line], rules: list[Rule | None], least: int = 3, longest: int = 80,
               share: float = 0.8) -> None:
    """A list the article leads into with a colon ("Below is the list of players who have been
    invited:") and prints with no bullets, one short item per line, each of the same form (a
    name with its college in brackets): the engine takes the run of short lines for a related
    list (some of its items subheads). Such a run (``least`` or more items of at most ``longest``
    characters, one at least dropped, at least
    ``share`` of them of one form of ``_ITEM_FORMS``, perhaps a footnote to the list under them)
    right under a kept lead-in no rule names, closed by the article's own end (its copyright
    notice, or the end of a cleaned text) or by a paragraph, is the article's: kept.

    >>> ls = _decided([("keep", None, "Below is the list of players who have been invited to the combine:"),
    ...     ("drop", "related", "Jane Doe (Example University)"), ("drop", "related", "Ann Roe (State College)"),
    ...     ("drop", "related", "* Mary Poe (Harbour University)"), ("drop", "related", "* - Players with the national team."),
    ...     ("drop", "related", "All rights reserved. This copyrighted material may not be published.")])
    >>> c = Rule("drop", "copyright", regex.compile("rights reserved"))
    >>> colon_list(ls, [None] * 5 + [c]); [ln.action for ln in ls]
    ['keep', 'keep', 'keep', 'keep', 'keep', 'drop']
    """
    for i, ln in enumerate(lines):
        text = ln.raw.strip()
        if ln.action != "keep" or rules[i] is not None or not text.endswith(":") or not _lead_in(text, 6):
            continue
        j = i + 1
        while (j < len(lines) and _list_line(lines[j]) and rules[j] is None and len(lines[j].raw.strip()) <= longest
               and not _LIST_NOTE.match(lines[j].raw.strip())):
            j += 1
        items = range(i + 1, j)
        if j < len(lines) and _list_line(lines[j]) and rules[j] is None and _LIST_NOTE.match(lines[j].raw.strip()):
            j += 1  # the list's footnote
        if len(items) < least or not any(lines[k].action == "drop" for k in items):
            continue
        # (the end of the text: a cleaned text, which has lost the notice, closes with the list)
        closed = j >= len(lines) or (rules[j] is not None and rules[j].reason == "copyright") or _paragraph(lines[j])
        alike = any(sum(1 for k in items if form.search(lines[k].raw.strip())) >= share * len(items)
                    for form in _ITEM_FORMS)
        if closed and alike:
            for k in range(i + 1, j):
                lines[k].decide("keep")


# an item that reads as a clause, an instruction or a step: a word, then running lower-case words
# ("Walk away slowly", "Do not chase or pursue suspects")
_CLAUSE_ITEM = regex.compile(_BULLET.pattern + r"\s*\p{L}[\p{L}\x27’-]*(?:\s+\p{Ll}[\p{L}\x27’-]*){2,}")


def _closing_list(lines: list[Line], rules: list[Rule | None], reach: int, least: int = 2,
                  longest: int = 160) -> None:
    """A bulleted list that closes the article: a kept sentence leading into it (``_lead_in``)
    that ends on a colon ("... for their own safety, to:"), over a paragraph within ``reach``
    dropped lines, right over ``least`` or more bullet items of at most ``longest`` characters,
    each a clause of running lower-case words (advice, steps: ``_CLAUSE_ITEM``), dropped by
    place; nothing under the list is kept. The items are the article's: kept. A related list's
    items are headlines or names, and its header is no kept sentence ending on a colon.

    >>> rows = [("keep", "The council met on Monday and agreed new advice for walkers on the coastal path."),
    ...         ("keep", "A ranger said that anyone who meets a loose bull on the path should, for their own safety:"),
    ...         ("drop", "• Stay calm and walk away slowly"), ("drop", "• Do not run or turn your back on the animal"),
    ...         ("drop", "Leave a Reply")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> _closing_list(ls, [None] * 5, 2); [ln.action for ln in ls]
    ['keep', 'keep', 'keep', 'keep', 'drop']
    """
    place = ("nav", "related", "footer")
    for i, ln in enumerate(lines):
        if (ln.action != "keep" or rules[i] is not None or not ln.raw.rstrip().endswith(":")
                or _BULLET_ITEM.match(ln.raw) or not _lead_in(ln.raw.strip())):
            continue
        j = i + 1
        while (j < len(lines) and rules[j] is None and _CLAUSE_ITEM.match(lines[j].raw)
               and len(lines[j].raw.strip()) <= longest
               and lines[j].action == "drop" and lines[j].reason in place):
            j += 1
        if j - i - 1 < least or any(ln2.kept for ln2 in lines[j:]):
            continue
        if _paragraph_over(lines, i, reach):
            for k in range(i + 1, j):
                lines[k].decide("keep")


# a menu's links run together: a lower-case word end glued to the next link's capital
# ("HomeAbout", "AcademicsUC", "ResearchNews")
_GLUED_LINK = regex.compile(r"\p{Ll}{2}\p{Lu}")


def glued_menu_title(lines: list[Line], rules: list[Rule | None], least: int = 4, reach: int = 3) -> None:
    """A site menu whose links the scraper ran together into one line ("About UsUC AcademicsUC
    AdmissionsNews": ``least`` or more word ends glued to a capital, no sentence punctuation) is
    navigation, never the title. When the engine took one for the title, the headline is the
    first line kept under it when that reads as a headline (``_headline``, no rule names it)
    and the article's byline or date line follows within ``reach`` lines (a deck may stand
    between): it becomes the title, and the menu drops.

    >>> rows = [("title", None, "Campus VisitsHC HomeAbout HCHC AcademicsHC AdmissionsHC ResearchNews"),
    ...         ("heading", None, "College engineers win national design prize"),
    ...         ("keep", None, "A team of students won the national bridge design contest with a folding footbridge."),
    ...         ("meta", "byline", "By: Jane Doe")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> glued_menu_title(ls, [None] * 4); [ln.action for ln in ls]
    ['drop', 'title', 'keep', 'meta']
    """
    t = title_at(lines)
    if t is None:
        return
    text = lines[t].raw
    if len(_GLUED_LINK.findall(text)) < least or regex.search(r"[.,;:!?]", text):
        return
    h = next((k for k in range(t + 1, len(lines)) if lines[k].kept), None)
    if h is None or rules[h] is not None or not _headline(lines[h].raw.strip()):
        return
    if not any(lines[k].action == "meta" and lines[k].reason in ("byline", "published")
               for k in range(h + 1, min(len(lines), h + 1 + reach))):
        return
    lines[h].decide("title")
    lines[t].decide("drop", "nav")


# a date label left without its date ("Published", "on", "Updated:"), and a deck line's mark
_EMPTY_STAMP = regex.compile(r"^(?i:published|updated|posted|last\s+updated|on)\s*:?$")
_DECK_MARK = regex.compile(r"^[-–•]\s*\p{L}")


def headline_over_stamp(lines: list[Line], rules: list[Rule | None]) -> None:
    """A headline over its date stamp ("Published" / "on", the date itself missing) can be dropped
    with the menu over it, and the engine then takes the first line of the deck under the stamp
    for the title, though a deck line opens with a dash or a bullet ("-Five lawmakers at the
    Assembly"), which no headline does. When the title is such a line, and right over it stand
    only date lines (the labels, or a date moved to metadata) over a headline-shaped line dropped
    by place (``_headline``, no rule naming it), that line is the title, and the deck line is kept;
    so is the page's first line right over the deck line (the cleaned text, its stamp gone).

    >>> rows = [("drop", "nav", "Regional News"), ("drop", "nav", "Floods cut roads in the delta"),
    ...         ("drop", "nav", "Published"), ("drop", "nav", "on"), ("title", None, "-Thousands moved to higher ground")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> headline_over_stamp(ls, [None, None, object(), object(), None]); [ln.action for ln in ls]
    ['drop', 'title', 'drop', 'drop', 'keep']
    """
    t = title_at(lines)
    if t is None or not _DECK_MARK.match(lines[t].raw.strip()):
        return
    h = t - 1
    while h >= 0 and (_EMPTY_STAMP.match(lines[h].raw.strip())
                      or lines[h].action == "meta" and lines[h].reason == "published"):
        h -= 1
    if h < 0 or h == t - 1 and h > 0:
        return  # (a cleaned text opens with the headline, its stamp gone)
    ln = lines[h]
    if (ln.action == "drop" and ln.reason in ("nav", "related") and rules[h] is None
            and _headline(ln.raw.strip()) and not _DECK_MARK.match(ln.raw.strip())):
        ln.decide("title")
        lines[t].decide("keep")


# a lead opening with its place in capitals and a colon: "PETALING JAYA: Police have ..."
_COLON_DATELINE = regex.compile(r"^\p{Lu}{2,}(?:[ .-]+\p{Lu}{2,}){0,3}:\s+\p{Lu}")
# a caption's words for the picture it stands under: "A scene from a video clip of ...", "A view of
# ...", "... are seen outside ...", "(left)"
_PICTURE = regex.compile(r"^(?:An?|The)\s+(?:\p{L}+\s+){0,2}(?i:scene|still|view|photo|photograph|picture|image|"
                         r"screenshot|screengrab|frame|grab)\s+(?i:from|of|shows?)\b|\b(?:is|are|was|were)\s+(?:seen|pictured)\b|"
                         r"\((?i:left|right|centre|center|pictured|above|below)\)")


def colon_dateline_lead(lines: list[Line], most: int = 2, longest: int = 300) -> None:
    """A lead that opens with its place in capitals and a colon ("RIVERTON: Police have ...")
    marks where the story starts, as a wire dateline does (``wire_lead``): up to ``most`` lines
    kept between the title and that lead, each one sentence of at most ``longest`` characters
    with no such dateline, that speak of a picture (``_PICTURE``: "A scene from a video ...",
    "... is seen ...", "(left)"), are the lead photo's captions. A standfirst in that place (a
    cleaned text has no byline between) tells the story, not a picture.

    >>> rows = [("title", "Police question activist over rally speech"),
    ...         ("keep", "A still from a video of a crowd gathered outside the court while the leader was charged."),
    ...         ("keep", "RIVERTON: Police have called in a man who criticised the government in a speech last week.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> colon_dateline_lead(ls); [ln.action for ln in ls]
    ['title', 'drop', 'keep']
    """
    t = title_at(lines)
    if t is None:
        return
    kept = [k for k in range(t + 1, len(lines)) if lines[k].kept][:most + 1]
    lead = next((j for j, k in enumerate(kept) if _COLON_DATELINE.match(lines[k].raw.strip())), None)
    if not lead:
        return  # no such lead, or nothing kept over it
    over = kept[:lead]
    if all(_PICTURE.search(lines[k].raw) and lines[k].action == "keep" and len(lines[k].raw.strip()) <= longest
           and _SENTENCE_END.search(lines[k].raw.strip()) and not _SENTENCE_BREAK.search(lines[k].raw.strip())
           for k in over):
        for k in over:
            lines[k].decide("drop", "caption")


# a credit closing the story's last paragraph: an agency's or outlet's initials after a dash or in
# brackets, after the sentence's end ("... at 03-1234567. - FMT", "... on Monday. (AFP)")
_CLOSING_CREDIT = regex.compile(r"[.!?”\"’]\s*(?!\(?(?:END|ENDS|MORE|UPDATE|UPDATED|VIDEO|PHOTOS?|AUDIO|WATCH|LIVE|PDF)\b)"
                             r"(?:[-–—]\s*(?P<a>\p{Lu}{2,6})|\((?P<b>\p{Lu}{2,6})\))\s*$")


def closing_credit(lines: list[Line]) -> None:
    """The outlet a story was taken from, credited at the end of its last paragraph by its
    initials ("... may contact the police. - FMT", "... on Monday. (AFP)"): the source. The
    paragraph stays as it is; the credit is read for metadata (``moved``), as a line of its own
    signing off the story would be.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Headline here", "Anyone with information may call the station. - ABC"])]
    >>> ls[0].decide("title"); closing_credit(ls); ls[1].moved
    [('source', 'ABC')]
    >>> ls[1].moved, ls[1].raw = [], "The full report is on the council's website for all to read. (PDF)"
    >>> closing_credit(ls); ls[1].moved
    []
    """
    last = next((ln for ln in reversed(lines) if ln.action == "keep"), None)
    if last is None or _words(last.raw) < 8:
        return
    m = _CLOSING_CREDIT.search(last.raw.rstrip())
    if m and ("source", m["a"] or m["b"]) not in last.moved:
        last.moved.append(("source", m["a"] or m["b"]))


# a sign-off under the last paragraph after a bullet or a dash: an agency's initials ("• NAN", "— AFP")
_BULLET_CREDIT = regex.compile(r"^\s*(?:[•●▪·]|-{1,2}|–|—)\s*(?P<s>\p{Lu}{2,5})$")
# capitals that sign off nothing: a section, a widget, a wire's end mark
_NOT_CREDIT = regex.compile(r"^(?:END|ENDS|MORE|TOP|HOME|NEWS|MENU|TAGS|LIVE|VIDEO|PHOTO|PHOTOS|AUDIO|WATCH|PDF|READ|"
                            r"SHARE|PRINT|EMAIL|NEXT|PREV|BACK|SPORT|SPORTS|OPED|FAQ|RSS|ADS|AD|UPDATE)$")


def bullet_credit(lines: list[Line]) -> None:
    """An agency's initials alone under the story's last paragraph, after a bullet or a dash
    ("• NAN", "— AFP"), sign the story off: its source. Only a lone sign-off: a bullet list of
    capitalised items (a menu) has more bullets under it.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Headline here", "The police confirmed the arrest.", "• NAN", "Tags"])]
    >>> for ln, a in zip(ls, ["title", "keep", "drop", "drop"]): ln.decide(a, None if a != "drop" else "nav")
    >>> bullet_credit(ls); ls[2].action, ls[2].reason
    ('meta', 'source')
    """
    span = _body_span(lines)
    if span is None or span[1] + 1 >= len(lines):
        return
    last, ln = lines[span[1]], lines[span[1] + 1]
    m = _BULLET_CREDIT.match(ln.raw)
    if (not m or _NOT_CREDIT.match(m["s"]) or ln.action == "meta" or not _SENTENCE_END.search(last.raw.rstrip())
            or span[1] + 2 < len(lines) and _BULLET.match(lines[span[1] + 2].raw)):
        return
    ln.decide("meta", "source")


# a comment printed as an item of the blog's numbered comment list ("1. Thanks for ...")
_COMMENT_ITEM = regex.compile(r"^\s*(?P<n>\d{1,3})\.\s+\S")


def comment_list(lines: list[Line], rules: list[Rule | None]) -> None:
    """A blog's comments printed as a numbered list between the post and the header of its reply
    form ("1. Thanks to ..." over "Leave a Reply"): the kept lines right over the header that
    number 1, 2, ... in turn, each a finished paragraph, under a finished paragraph of the post
    that numbers nothing (a list the post leads into with a colon is the post's).

    >>> rows = [("title", "Headline here"), ("keep", "The man was taken to hospital."),
    ...         ("keep", "1. Thanks to the crews for their quick work."), ("drop", "Leave a Reply")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> r = Rule("drop", "comments", regex.compile("^Leave a Reply$"), ends=True)
    >>> comment_list(ls, [None, None, None, r]); ls[2].action, ls[2].reason
    ('drop', 'comments')
    """
    span = _body_span(lines)
    if span is None:
        return
    close = next((i for i in range(span[1] + 1, len(lines)) if rules[i] is not None
                  and rules[i].reason == "comments" and rules[i].ends), None)
    if close is None or any(ln.kept for ln in lines[span[1] + 1:close]):
        return
    run, k = [], span[1]
    while k > span[0]:
        m = _COMMENT_ITEM.match(lines[k].raw)
        if not m or lines[k].action != "keep" or not _SENTENCE_END.search(lines[k].raw.rstrip()):
            break
        run.append((k, int(m["n"])))
        k -= 1
    if not run or [n for _, n in reversed(run)] != list(range(1, len(run) + 1)):
        return
    above = lines[k]
    if above.action != "keep" or _COMMENT_ITEM.match(above.raw) or not _SENTENCE_END.search(above.raw.rstrip()):
        return
    for i, _ in run:
        lines[i].decide("drop", "comments")


# a news release service's label for the kind of release, over or under its headline
_RELEASE_TYPE = regex.compile(r"^(?i:(?:news|press|media)\s+(?:release|advisory)|(?:(?:grant|award|grant\s+and\s+award|"
                              r"meeting|event|book|course|business|product|funding|research|personnel)\s+)announcement|"
                              r"peer[- ]reviewed\s+publication|reports?\s+and\s+proceedings)$")
def release_labels(lines: list[Line]) -> None:
    """A news release as a release service prints it: the kind of release ("Grant and Award
    Announcement") and the issuer's name under it, short labels between the headline (and its
    subtitle) and the lead, are the service's labels, not the release's subheads. (The lead's
    dateline with its date, "RIVERSIDE, Calif.-- May 13, 2003 --", is a dateline edit of the rules.)

    >>> rows = [("title", "Harbour lab wins a grant"), ("heading", "Grant and Award Announcement"),
    ...         ("heading", "University of the Harbour"), ("keep", "The lab has won.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> release_labels(ls); [ln.action for ln in ls]
    ['title', 'drop', 'drop', 'keep']
    """
    t = title_at(lines)
    lead = next((i for i, ln in enumerate(lines) if ln.action == "keep" and (t is None or i > t)), None)
    if lead is None or t is None:
        return
    label = next((i for i in range(t + 1, lead) if _RELEASE_TYPE.match(lines[i].raw.strip())), None)
    if label is None:
        return
    lines[label].decide("drop", "nav")
    for k in range(label + 1, lead):
        ln = lines[k]
        if ln.action in ("heading", "keep") and len(ln.raw.strip()) <= 80 and not _SENTENCE_END.search(ln.raw.rstrip()):
            ln.decide("drop", "nav")


# a byline glued after the last sentence of the story: the writer's name, a slash, the outlet
# ("... he said. Jane Doe/EXN"); capitalised words of letters only, so a fraction ("3/4"), a path or
# an address ("example.com/News") is no byline
_GLUED_BYLINE = regex.compile(r"(?<=[.!?\"”’])\s+(?P<b>\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,3}/"
                              r"\p{Lu}[\p{L}&-]*(?:\s+\p{Lu}[\p{L}&-]*){0,2})\s*$")


# the writer's name alone glued after the last sentence (two or three capitalised words, or all in
# lower case, as some South Asian papers print it: "... he added. jane doe"), ``b`` either form
_GLUED_NAME = regex.compile(r"(?<=[.!?][\"”’]?)\s+(?P<b>\p{Lu}\p{Ll}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]+){1,2}"
                            r"|(?P<lower>\p{Ll}{3,}(?:\s+\p{Ll}{3,}){1,2}))$")


def glued_byline(lines: list[Line], least: int = 60) -> None:
    """A byline glued to the end of the story's last paragraph, after its last sentence ("... he
    said. Jane Doe/EXN", or the name alone on a page with no byline), names the writer. The paragraph stays as it is; the byline is read for
    metadata (``moved``). Only a long paragraph: a photo's caption closed by its credit is one
    short sentence (the caption rules drop it).

    >>> ls = [Line(n=0, raw=t, text=t) for t in ["The police said the road would stay closed until the weekend. "
    ...       "Drivers were told to use the coast road instead, the spokesman said. Jane Doe/EXN"]]
    >>> ls[0].decide("keep"); glued_byline(ls); ls[0].moved
    [('byline', 'Jane Doe/EXN')]
    """
    last = next((ln for ln in reversed(lines) if ln.action == "keep"), None)
    if last is None:
        return
    m = _GLUED_BYLINE.search(last.raw.rstrip())
    if m and m.start() >= least and ("byline", m["b"]) not in last.moved:
        last.moved.append(("byline", m["b"]))
        return
    # The writer's name alone, glued after the closing quote or stop ("... an elaborate drama.”
    # Jane Doe"), as Indian papers sign a story: on a page with no byline, a name whose words the
    # article never uses (a name the story speaks of, "... he said. John Roe", is the story's).
    m = _GLUED_NAME.search(last.raw.rstrip())
    if (m is None or m.start() < least or _WIDGET_WORD.search(m["b"]) or not (m["lower"] or _NAME.match(m["b"]))
            or any(ln.action == "meta" and ln.reason == "byline" or any(r == "byline" for r, _ in ln.moved)
                   for ln in lines)):
        return
    body = "\n".join(ln.raw for ln in lines if ln.kept and ln is not last) + last.raw[:m.start()]
    if not any(regex.search(rf"\b{regex.escape(w)}\b", body) for w in m["b"].split()):
        last.moved.append(("byline", m["b"]))


def teaser_bylines(lines: list[Line]) -> None:
    """A byline with an age ("By AFP 4 hrs ago") after the article's last kept line is a teaser's,
    in a list of other stories: it drops with the list (related), and names no author of the
    article.

    >>> rows = [("title", None, "Headline"), ("keep", None, "Body text."), ("drop", "nav", "Football"),
    ...         ("meta", "byline", "By Jane Doe 4 hrs ago")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> teaser_bylines(ls); ls[3].action, ls[3].reason
    ('drop', 'related')
    """
    span = _body_span(lines)
    if span is None:
        return
    for ln in lines[span[1] + 1:]:
        if ln.action == "meta" and ln.reason == "byline" and _AGE.search(ln.raw.strip()):
            ln.decide("drop", "related")


def tail_teasers(lines: list[Line], rules: list[Rule | None], reach: int = 12, paras: int = 3) -> None:
    """Other stories listed under a related header after the article ("Read on:", a header that
    closes the article or a short label), each its
    headline, its writer ("by Jane Doe") and its date, as an online magazine prints them: from the
    first such teaser (a headline-shaped line, a byline right under it, a date within two lines
    more), at most ``reach`` lines under the header, everything the engine kept or read as
    metadata drops as related. The teasers' bylines and dates are not the article's, and the
    article's end, its writer's bio over the header, stays its end. The header must close at
    least ``paras`` paragraphs of the article.

    >>> para = "A paragraph of the story, long enough to read as one, that ends as a sentence does."
    >>> ls = _decided([("title", None, "Headline here"), ("keep", None, para), ("keep", None, para),
    ...     ("keep", None, para), ("drop", "related", "Read on:"),
    ...     ("drop", "related", "The truth about the credit crunch"), ("meta", "byline", "by Jane Roe"),
    ...     ("meta", "published", "10 January 2008"), ("keep", None, "Is it ethical to use low-energy bulbs?")])
    >>> r = Rule("drop", "related", regex.compile("^Read on:$"))
    >>> tail_teasers(ls, [None] * 4 + [r] + [None] * 4); [(ln.action, ln.reason) for ln in ls[6:]]
    [('drop', 'related'), ('drop', 'related'), ('drop', 'related')]
    """
    above = 0  # the article's paragraphs over line h
    for h, r in enumerate(rules):
        if h and _paragraph(lines[h - 1]):
            above += 1
        if r is None or r.reason != "related" or lines[h].action != "drop":
            continue
        if not (r.ends or lines[h].raw.rstrip().endswith(":") or _words(lines[h].raw) <= 4):
            continue  # a header ("Read on:", "Related"), not one link
        if above < paras:
            continue
        first = next((x for x in range(h + 1, min(len(lines) - 2, h + 1 + reach)) if _teaser_at(lines, x)), None)
        if first is None:
            continue
        for ln in lines[first:]:
            if ln.action in ("keep", "heading", "meta"):
                ln.decide("drop", "related")
        return


def card_box(lines: list[Line], rules: list[Rule | None], least: int = 2) -> None:
    """A box of other stories set anywhere in the page under a related header ("Recommended"),
    each card three lines: its headline, its writer's bare name, its date. The engine reads the
    names and dates as the article's byline and publication time; from ``least`` cards in a row
    under the header, the cards drop as related (the article's own byline block has no header
    over it).

    >>> ls = _decided([("drop", "related", "Recommended"),
    ...     ("drop", "nav", "Remembering the city's most mesmerizing sign"), ("drop", "nav", "Jane Roe"),
    ...     ("meta", "published", "Jul 17, 2014"), ("keep", None, "Navigator: Ode to the dead mall"),
    ...     ("drop", "nav", "John Doe"), ("meta", "published", "Mar 9, 2018")])
    >>> r = Rule("drop", "related", regex.compile("^Recommended$"))
    >>> card_box(ls, [r] + [None] * 6); sorted({(ln.action, ln.reason) for ln in ls[1:]})
    [('drop', 'related')]
    """
    for h, r in enumerate(rules):
        if r is None or r.reason != "related" or lines[h].action != "drop" or _words(lines[h].raw) > 4:
            continue
        k, cards = h + 1, 0
        while k + 2 < len(lines):
            head, name, date = lines[k], lines[k + 1], lines[k + 2]
            if not (head.action in ("drop", "keep", "heading") and rules[k] is None
                    and 3 <= _words(head.raw) <= 15 and not _ends_sentence(head.raw.rstrip('"”’'))
                    and name.action in ("drop", "meta") and name.reason in ("nav", "related", "byline", None)
                    and _name_shaped(name.raw.strip())
                    and date.action == "meta" and date.reason == "published"):
                break
            k, cards = k + 3, cards + 1
        if cards >= least:
            for ln in lines[h + 1:k]:
                ln.decide("drop", "related")


def featured_teaser(lines: list[Line], gap: int = 3) -> None:
    """The summary of the first story in a list under the article (its headline over it, the
    others' headlines under it, each dropped as related): the page's last kept line, standing
    between two related lines, ``gap`` lines or more under the article's last paragraph with the
    article's closing furniture between (a source line, a toolbar, a search box). A last
    paragraph with a related link over it and the list's header under it follows the article
    right away.

    >>> para = "A paragraph of the story, long enough to read as one, that ends as a sentence does."
    >>> ls = _decided([("title", None, "Headline here"), ("keep", None, para), ("drop", "nav", "EMAIL STORY  PRINT"),
    ...     ("drop", "nav", "login | subscribe"), ("drop", "related", "Workers to strike"),
    ...     ("keep", None, para), ("drop", "related", "Murder hunt prompts reward")])
    >>> featured_teaser(ls); ls[5].action, ls[5].reason
    ('drop', 'related')
    """
    last = next((k for k in range(len(lines) - 1, -1, -1) if lines[k].action == "keep"), None)
    if last is None or last + 1 >= len(lines) or last < 1:
        return
    def related(k: int) -> bool:
        return lines[k].action == "drop" and lines[k].reason == "related"
    if not (related(last - 1) and related(last + 1) and _paragraph(lines[last])):
        return
    prev = next((k for k in range(last - 1, -1, -1) if lines[k].kept), None)
    if prev is None or last - prev <= gap:
        return
    if not any(lines[k].action == "meta" or lines[k].reason in ("nav", "share", "copyright", "footer")
               for k in range(prev + 1, last)):
        return
    lines[last].decide("drop", "related")


# the small words a headline leaves in lower case that _STEM_WORD reads (four letters or more:
# "a", "of", "the" never reach the check)
_MINOR_WORDS = frozenset(("with", "from"))
_ONE_WORD_FIELD = regex.compile(r"^\s*\p{L}+\s*:")


def _title_cased(text: str) -> bool:
    """Four words or more, every one capitalised but the small words: a headline's style, which a
    sentence's clauses do not keep up.

    >>> _title_cased("Summer Guide 2021: Beaches, Boat Trips, & Night Markets")
    True
    >>> _title_cased("Rain, wind, and more rain: the forecast for the weekend")
    False
    """
    words = [w for w in _STEM_WORD.findall(text) if w.lower() not in _MINOR_WORDS]
    return len(words) >= 4 and all(w[0].isupper() for w in words)


def tail_headlines(lines: list[Line], least: int = 3) -> None:
    """Other stories' headlines the page lists after the article, under a label no list names or
    none: the kept lines after the article's last finished paragraph, at least ``least`` of them,
    none ending a sentence (but a headline put as a question), each headline-shaped or a short
    label, with nothing kept after them. The engine keeps them when one holds two commas (read as a
    clause broken off), or when they head a list whose later items it dropped as related: such a
    line, its words capitalised as a headline's, or two related items right under the run (or two
    dropped items under a run holding a label that ends in a colon), must be there. All drop as
    related.

    >>> para = "A paragraph of the story, long enough to read as one, that ends as a sentence does."
    >>> ls = _decided([("title", None, "Headline here"), ("keep", None, para), ("keep", None, para),
    ...     ("heading", None, "Spotlight"), ("heading", None, "Meet the Family Keeping the Lamp Lit"),
    ...     ("keep", None, "Summer Guide: Beaches, Boat Trips, & Night Markets"), ("drop", "nav", "Privacy")])
    >>> tail_headlines(ls); [ln.action for ln in ls]
    ['title', 'keep', 'keep', 'drop', 'drop', 'drop', 'drop']
    """
    run = []
    for i in range(len(lines) - 1, -1, -1):
        ln = lines[i]
        if ln.action not in ("keep", "heading"):
            if ln.kept:
                return  # the headline: the article is all run
            continue
        text = ln.raw.strip()
        asked = text.endswith("?") and not _SENTENCE_BREAK.search(text) and _words(text) <= 15
        if _SENTENCE_END.search(ln.raw) and not asked:
            break
        if not (_headline(text) or asked or _words(text) <= 3):
            return
        run.append(i)
    else:
        return
    if len(run) < least:
        return
    listed = [ln for ln in lines[run[0] + 1:run[0] + 5] if ln.action == "drop"][:2]
    # (an article's own list closing it is bulleted as often, a review's fact box holds its fields,
    # "Director: X", "Cast: Y": such a run is no list's head)
    # (or a label of a few words ending in a colon among them, over items the engine dropped, of
    # whatever kind: "out this week:" / a title / "recent releases:" / titles it read as a menu)
    labelled = any(lines[i].raw.strip().endswith(":") and _words(lines[i].raw) <= 4 for i in run)
    heads_list = (len(listed) == 2 and (labelled or all(ln.reason == "related" for ln in listed))
                  and not any(_BULLET.match(lines[i].raw) for i in run)
                  and sum(1 for i in run if _ONE_WORD_FIELD.match(lines[i].raw)) < 2)
    if not heads_list and not any(lines[i].action == "keep" and lines[i].raw.count(",") >= 2
                                  and _title_cased(lines[i].raw) and not _ONE_WORD_FIELD.match(lines[i].raw)
                                  for i in run):
        return  # (a one-word label's list of names is a review's fact box: "Cast: Jane Doe, John Roe, ...")
    if not any(_paragraph(ln) for ln in lines[:run[-1]]):
        return
    for i in run:
        lines[i].decide("drop", "related")


def first_heading_title(lines: list[Line], reach: int = 4) -> None:
    """A page where the engine named no title at all, whose first kept line is a heading of two
    words or more (a film review's title over its credits, "Om Shanti Om" / "Director: X") with a
    paragraph within ``reach`` kept lines under it, and naming something the article names: that
    heading is the title.

    >>> para = "The movie is about a junior artist who wants to be a star, and Om gets his wish at last."
    >>> ls = _decided([("drop", "nav", "Home > Show Time"), ("heading", None, "Om Shanti Om"),
    ...     ("heading", None, "Director: Farah Khan"), ("keep", None, para)])
    >>> first_heading_title(ls); [ln.action for ln in ls]
    ['drop', 'title', 'heading', 'keep']
    """
    if any(ln.action == "title" for ln in lines):
        return
    first = next((i for i, ln in enumerate(lines) if ln.kept), None)
    if first is None or lines[first].action != "heading":
        return
    text = lines[first].raw.strip()
    if _words(text) < 2 or _SENTENCE_END.search(text) or not _headline(text) and _words(text) > 2:
        return
    kept = [k for k in range(first + 1, len(lines)) if lines[k].kept][:reach]
    if not any(_paragraph(lines[k]) for k in kept):
        return
    words = set(_NAME_WORD.findall(text))
    if words and not words & set(_NAME_WORD.findall(" ".join(lines[k].raw for k in kept))):
        return
    lines[first].decide("title")


# a column's name, a dash or a bar, then the date alone: "Friday Financial Five – December 4, 2015"
# (three words or more: "Top Story - Aug. 22, 2022" is a label's two)
_COLUMN_DATED = regex.compile(
    r"^(?!(?i:posted|published|updated|filed|last|staff|by|news|story)\b)\p{Lu}[\p{L}&'’-]*(?:\s+[\p{L}&'’-]+){2,7}\s+[-–—|]\s+"
    r"(?:(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\d{1,2}\s+(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\w*\.?,?\s+(?:19|20)\d\d)$")


def dated_column_title(lines: list[Line], reach: int = 4) -> None:
    """A page whose first date line over the body is a column's name and the date
    (``_COLUMN_DATED``: "Friday Financial Five – December 4, 2015"), with the story's own date or
    byline within ``reach`` lines under it (or opening the page: a cleaned text), and no title over
    it: that line is the headline (the column's issue is named by its date), no date line. A title
    the engine took under that byline block (the column's first subhead, "Tackling the year-end
    checklist") is a heading again.

    >>> ls = _decided([("drop", "nav", "Business"), ("meta", "published", "Friday Financial Five – December 4, 2015"),
    ...     ("meta", "published", "Friday, December 04, 2015"), ("meta", "byline", "Jane Roe, Example Contributor"),
    ...     ("keep", None, "The end of the year is a good time to review the financial picture, and to plan the next one.")])
    >>> dated_column_title(ls); [ln.action for ln in ls]
    ['drop', 'title', 'meta', 'meta', 'keep']
    """
    t = title_at(lines)
    first = next((i for i, ln in enumerate(lines) if _paragraph(ln)), None)
    if first is None or t is not None and t > first:
        return
    p = next((i for i in range(first) if lines[i].action == "meta" and lines[i].reason == "published"), None)
    if p is None or not _COLUMN_DATED.match(lines[p].raw.strip()) or t is not None and t < p:
        return
    # (a cleaned text opens with it, its date and byline lines gone)
    if p != 0 and not any(lines[k].action == "meta" and lines[k].reason in ("published", "byline")
                          for k in range(p + 1, min(first, p + reach + 1))):
        return
    if t is not None:
        if any(lines[k].kept for k in range(p + 1, t)) or p != 0 and not any(
                lines[k].action == "meta" for k in range(p + 1, t)):
            return  # (the title stands over the body's text or right under the dated label: the headline)
        lines[t].decide("heading")
    lines[p].decide("title")


def _teaser_at(lines: list[Line], x: int) -> bool:
    """A teaser opens at ``x``: a headline-shaped line, a byline right under it, a date (a line
    read as the date, or opening with one) within two lines under the byline."""
    if not _headline(lines[x].raw.strip()) or lines[x].action == "meta":
        return False
    by = lines[x + 1]
    if by.action != "meta" or by.reason != "byline":
        return False
    return any(ln.action == "meta" and ln.reason == "published" or _DATE_START.match(ln.raw.strip())
               for ln in lines[x + 2:x + 4])


def headline_under_date_field(lines: list[Line], rules: list[Rule | None], top: int = 3, reach: int = 4) -> None:
    """A scraper's date field glued before the page's first word (cut for metadata before the
    rules look: "date 2021-05-03 Menu") stands over the headline as a date line would, but the
    engine no longer sees a date there and may name no title. When none was named, the first
    line kept under a line among the page's first ``top`` that had its date cut, with only
    dropped lines between (a menu, a section label), reading as a headline (``_headline``, no
    rule naming it) over a paragraph within ``reach`` lines, is the title.

    >>> rows = [("drop", "nav", "Menu"), ("drop", "nav", "Operations"), ("heading", None, "Inland Industry Keeps Building"),
    ...         ("keep", None, "Several well-known plant closures have drawn attention away from the many factories still going up.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> ls[0].moved.append(("published", "date 2021-05-03")); headline_under_date_field(ls, [None] * 4); ls[2].action
    'title'
    """
    if any(ln.action == "title" for ln in lines):
        return
    d = next((i for i, ln in enumerate(lines[:top]) if any(r == "published" for r, _ in ln.moved)), None)
    if d is None:
        return
    h = next((k for k in range(d + 1, len(lines)) if lines[k].action != "drop"), None)
    if h is None or not lines[h].kept or rules[h] is not None or not _headline(lines[h].raw.strip()):
        return
    if any(_paragraph(lines[k]) for k in range(h + 1, min(len(lines), h + 1 + reach))):
        lines[h].decide("title")


def masthead_date(lines: list[Line], least: int = 2, longest: int = 40) -> None:
    """A date line alone over the site's tools (text size, site search, a section menu) is the
    site's "today" in its masthead, not the story's date: a bare date line (at most ``longest``
    characters) taken for the publication date, above the title with ``least`` or more lines
    dropped as the site's navigation between them and nothing kept or moved to metadata there,
    drops as navigation. A story's own date stands next to its headline or byline.

    >>> rows = [("meta", "published", "Tuesday, March 2, 2021"), ("drop", "nav", "Text Size"),
    ...         ("drop", "nav", "Site Search"), ("title", None, "Harbour pilot says the ferry engines failed")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> masthead_date(ls); [ln.action for ln in ls]
    ['drop', 'drop', 'drop', 'title']
    """
    t = title_at(lines)
    if t is None:
        return
    for p in range(t):
        ln = lines[p]
        text = ln.raw.strip()
        if ln.action != "meta" or ln.reason != "published" or len(text) > longest or not _DATE_START.match(text):
            continue
        between = lines[p + 1:t]
        if len(between) >= least and all(g.action == "drop" and g.reason in ("nav", "related") for g in between):
            ln.decide("drop", "nav")


def banner_date(lines: list[Line], longest: int = 40, reach: int = 4) -> None:
    """A bare date over the headline that is later than the date under it (in the byline block,
    within ``reach`` lines) is the site's "today" in its banner, the day the page was saved, not the
    story's: it drops as navigation, and the byline's date is the publication date. The same
    date twice, or a story's date over its headline with none under it, stays.

    >>> ls = _decided([("meta", "published", "Wednesday, 16 January 2008"), ("title", None, "Schools told not to upgrade"),
    ...     ("meta", "byline", "By Jane Doe | Monday, 14 January, 2008"), ("keep", None, "The agency said so.")])
    >>> banner_date(ls); ls[0].action, ls[0].reason
    ('drop', 'nav')
    """
    t = title_at(lines)
    if t is None:
        return
    under = None
    for ln in lines[t + 1:t + 1 + reach]:  # (the standfirst may stand between)
        if ln.action == "meta" and ln.reason in ("published", "byline"):
            under = to_iso(ln.raw)
            if under:
                break
    if not under:
        return
    for ln in lines[max(0, t - 3):t]:
        text = ln.raw.strip()
        if ln.action == "meta" and ln.reason == "published" and len(text) <= longest and _DATE_START.match(text):
            over = to_iso(text)
            if over and over[:10] > under[:10]:
                ln.decide("drop", "nav")


def repeated_caption(lines: list[Line], least: int = 20) -> None:
    """A photo's caption that repeats the line printed right above it word for word (the deck
    under the headline, used again as the lead photo's caption): a kept line equal to the line
    above it, right over a line dropped as a caption or credit, is part of the photo.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Deck sentence here.", "Deck sentence here.",
    ...     "Image: Jane Roe", "Body one."])]
    >>> for ln, a in zip(ls, ["keep", "keep", "drop", "keep"]): ln.decide(a, "caption" if a == "drop" else None)
    >>> repeated_caption(ls); ls[1].action, ls[1].reason
    ('drop', 'caption')
    """
    for i in range(1, len(lines) - 1):
        ln, above, nxt = lines[i], lines[i - 1], lines[i + 1]
        if (ln.action == "keep" and above.kept and ln.raw.strip() and ln.raw.strip() == above.raw.strip()
                and nxt.action == "drop" and nxt.reason == "caption"):
            ln.decide("drop", "caption")
    # The caption printed again without its credit, right under its toggle ("Geese at dawn. Jane
    # Doe/AP hide caption" / "toggle caption Jane Doe/AP" / "Geese at dawn." / "Jane Doe/AP"): a kept
    # line that opens a caption dropped at most two lines above it.
    for i in range(1, len(lines)):
        ln, text = lines[i], lines[i].raw.strip()
        if ln.action != "keep" or len(text) < least:
            continue
        if any(c.action == "drop" and c.reason == "caption" and len(c.raw.strip()) > len(text)
               and c.raw.strip().startswith(text) for c in lines[max(0, i - 2):i]):
            ln.decide("drop", "caption")
    # The lead photo's caption over the lead, closing with the lead's own first sentence (a wire's
    # caption: "Jane Doe in action in 2007. Holders Egypt maintained their form with a win over
    # Mali." over "CAIRO (AFP) - Holders Egypt maintained their form with a win over Mali Thursday."):
    # the first kept line under the headline whose last sentence, ``least`` characters or more, the
    # line under it holds, less its full stop.
    t = title_at(lines)
    first = next((i for i in range(t + 1, len(lines)) if lines[i].action in ("keep", "heading")), None) if t is not None else None
    if first is not None and first + 1 < len(lines) and lines[first].action == "keep" and lines[first + 1].action == "keep":
        text = lines[first].raw.strip()
        cut = text.rfind(". ", 0, len(text) - 1)
        tail = text[cut + 2:].rstrip(".") if cut > 0 else ""
        if len(tail) >= 2 * least and tail in lines[first + 1].raw:
            lines[first].decide("drop", "caption")

# a letter's signature: the writer's name, perhaps with the town after a comma or a dash
# ("Jane Doe", "Jane Doe, Westbury", "Jane Doe - Westbury"), and a town alone on a line
_SIGNATURE = regex.compile(r"^\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|da|del|van|von|la|le|bin|al)){1,3}"
                           r"(?:\s*(?:,|\s[-–—])\s*\p{Lu}[\p{L}'’.-]+(?:\s+\p{Lu}[\p{L}'’.-]+){0,2})?$")
_PLACE = regex.compile(r"^\p{Lu}[\p{L}'’.-]+(?:[\s,]+\p{Lu}[\p{L}'’.-]+){0,2}$")
# a word of an outlet's name ("Metro Daily", "Arts Review"): a teaser's source label, no signature
_OUTLET_WORD = regex.compile(r"\b(?:Post|Times|News|Press|Journal|Today|Daily|Weekly|Herald|Tribune|Gazette|"
                             r"Chronicle|Telegraph|Magazine|Review|Wire|Agency|Desk|Media|Online|TV|Radio)\b")


def letter_signatures(lines: list[Line], rules: list[Rule | None], least: int = 2) -> None:
    """A page of letters to the editor: each letter, under its own headline, is signed with the
    writer's name (and town) on the line under its last paragraph ("Jane Doe, Westbury", or "Jane
    Doe" over "Westbury"), which the engine keeps as a subhead (or, under the last letter, drops by
    place). A short name-shaped line (no widget's word, no rule's) right under a finished paragraph
    and over no paragraph (over the next letter's headline, or ending the text), with the town
    perhaps on the line under it, is a signature when
    the page has ``least`` such lines, one of them under two paragraphs (one letter alone, a
    subhead over a section of a story, a home page's teasers each a blurb over its outlet's name
    stay as they were): the name is the byline (the town line drops).

    >>> rows = [("keep", "Many of my neighbours are in their eighties and do not drive to the clinic."),
    ...         ("keep", "The authority should look for savings elsewhere before it cuts the route."),
    ...         ("heading", "Margaret O'Neill"), ("heading", "Eastfield"), ("heading", "Speed cameras save lives"),
    ...         ("keep", "Since the cameras went up there have been no serious crashes outside the school."),
    ...         ("heading", "Tom Baker, Westbury")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> letter_signatures(ls, [None] * len(ls)); [ln.label() for ln in ls]
    ['keep', 'keep', 'meta:byline', 'drop:byline', 'heading', 'keep', 'meta:byline']
    """
    found = []
    for i in range(1, len(lines)):
        ln = lines[i]
        if not _finished(lines[i - 1]) or rules[i] is not None or not (
                ln.action == "heading" or ln.action == "drop" and ln.reason in ("nav", "related")):
            continue
        text = ln.raw.strip()
        if not _SIGNATURE.match(text) or _WIDGET_WORD.search(text) or _OUTLET_WORD.search(text):
            continue
        k = i + 1
        place = None
        if (k < len(lines) and lines[k].action in ("heading", "drop") and rules[k] is None and _PLACE.match(lines[k].raw.strip())
                and _words(lines[k].raw) <= 2 and not _SIGNATURE.match(lines[k].raw.strip())):
            place, k = k, k + 1
        if k < len(lines) and lines[k].action == "keep":
            continue
        found.append((i, place))
    if len(found) < least or not any(i >= 2 and _finished(lines[i - 2]) for i, _ in found):
        return
    for i, place in found:
        lines[i].decide("meta", "byline")
        if place is not None:
            lines[place].decide("drop", "byline")


def numbered_widget(lines: list[Line]) -> None:
    """A "Most read" widget between paragraphs prints its rank numbers alone on their lines, each
    over a headline ("1" / "Headline one" / "2" / "Headline two"); the engine drops the first
    items with the numbers but may keep the last headline, over the resumed text, as a subhead. A
    heading right under a bare rank number, with the previous rank and its dropped headline over
    it, is the widget's item (a listicle's numbered sections have their paragraphs between).

    >>> rows = [("keep", "Body."), ("drop", "1"), ("drop", "Other story one"), ("drop", "2"),
    ...         ("heading", "Other story two"), ("keep", "Body again.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "nav" if a == "drop" else None)
    >>> numbered_widget(ls); ls[4].label()
    'drop:related'
    """
    for i in range(3, len(lines)):
        ln, num, prev = lines[i], lines[i - 1].raw.strip(), lines[i - 3].raw.strip()
        if (ln.action == "heading" and num.isdigit() and prev.isdigit() and int(num) == int(prev) + 1
                and all(lines[k].action == "drop" for k in (i - 3, i - 2, i - 1))):
            ln.decide("drop", "related")


def name_caption(lines: list[Line]) -> None:
    """A photo's caption that only names the person it shows ("Yoon Suk Yeol"), printed alone
    between two paragraphs, has a subhead's shape. A line kept as a heading that is only a name
    (two to four capitalised words, no widget's word), between two body paragraphs, one of which
    names that person (by any word of the name: "Yoon said"), when the body names them in full
    somewhere, is the photo's caption; not when the page has another heading that is only a name
    (a list of profiles, an interview's speakers, each a heading over their part).

    >>> rows = [("keep", "Supervisor Linda Carr said the board would take up the measure at its April meeting."),
    ...         ("heading", "Linda Carr"),
    ...         ("keep", "Carr said the garage was needed to support new businesses on the town's Main Street.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> name_caption(ls); ls[1].action, ls[1].reason
    ('drop', 'caption')
    """
    names = [i for i, ln in enumerate(lines) if ln.action == "heading" and _NAME.match(ln.raw.strip())
             and not _WIDGET_WORD.search(ln.raw)]
    if len(names) != 1:
        return
    i = names[0]
    if i == 0 or i + 1 >= len(lines) or not (_paragraph(lines[i - 1]) and _paragraph(lines[i + 1])):
        return
    text = lines[i].raw.strip()
    name = regex.compile(r"(?<!\w)" + regex.escape(text) + r"(?!\w)")
    if not any(ln.action == "keep" and name.search(ln.raw) for ln in lines):
        return
    words = [regex.escape(w) for w in text.split() if len(w) >= 3] or [regex.escape(text)]
    part = regex.compile(r"(?<!\w)(?:" + "|".join(words) + r")(?!\w)")
    if part.search(lines[i - 1].raw) or part.search(lines[i + 1].raw):
        lines[i].decide("drop", "caption")


def alt_over_caption(lines: list[Line], most: int = 8) -> None:
    """A photo's alt text printed over its caption: a short line (at most ``most`` words, no
    sentence) right above a line dropped as a caption that repeats it word for word ("Jane Doe" /
    "Mayor Jane Doe at the quay. John Roe/Example Agency") is part of the photo.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Jane Doe", "Mayor Jane Doe at the quay. John Roe/Agency"])]
    >>> for ln, a in zip(ls, ["heading", "drop"]): ln.decide(a, "caption" if a == "drop" else None)
    >>> alt_over_caption(ls); ls[0].action, ls[0].reason
    ('drop', 'caption')
    """
    for i in range(len(lines) - 1):
        ln, cap = lines[i], lines[i + 1]
        if ln.action not in ("keep", "heading") or cap.action != "drop" or cap.reason != "caption":
            continue
        alt = ln.raw.strip()
        if not alt or _words(alt) > most or _SENTENCE_END.search(alt):
            continue
        if regex.search(r"(?<!\w)" + regex.escape(alt) + r"(?!\w)", cap.raw) and cap.raw.strip() != alt:
            ln.decide("drop", "caption")


def headline_over_photo(lines: list[Line], rules: list[Rule | None], least: int = 20) -> None:
    """A page that opens with its headline, then the lead photo's alt text and caption, then the
    body, and no byline block: when the engine named no title it drops the headline with the menu
    above it. The headline-shaped line (at least ``least`` characters) right over the captions,
    with nothing kept above it and only the captions (and ad labels) between it and the body's first
    line, is the title (a numbered listicle's headline too, which a rule reads as a promo); so is
    such a line opening the text right over the body, as the cleaned page prints it.

    >>> rows = [("drop", "nav", "Home"), ("drop", "related", "Ten things to know about the harbour today"),
    ...         ("drop", "caption", "The old quay. John Roe/Example Agency"),
    ...         ("keep", None, "Good morning! Here is the harbour news you need to know this week.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, _, t) in enumerate(rows)]
    >>> for ln, (a, r, _) in zip(ls, rows): ln.decide(a, r)
    >>> headline_over_photo(ls, [None] * len(ls)); ls[1].action
    'title'
    """
    if any(ln.action == "title" for ln in lines):
        return
    f = next((i for i, ln in enumerate(lines) if ln.kept), None)
    if f is None:
        return
    h, captions = f - 1, 0
    while h >= 0 and lines[h].action == "drop" and lines[h].reason in ("caption", "ad"):
        captions += lines[h].reason == "caption"
        h -= 1
    if h < 0 or not captions and h > 0:  # no captions: the headline opens the text (a cleaned page)
        return
    ln = lines[h]
    if (ln.action != "drop" or ln.reason not in ("nav", "related")
            or rules[h] is not None and rules[h].reason != "related"  # a listicle's headline reads as a promo
            or len(ln.raw.strip()) < least or not _headline(ln.raw.strip())
            or _LINK_LEAD.match(ln.raw.strip())):  # (a link to another story: "Read more: X")
        return
    ln.decide("title")


# a video player's control over the video's title: "close Video", "Now Playing"
# (not "Video" alone: a section's label over a headline as often)
_VIDEO_CONTROL = regex.compile(r"^(?i:close\s+video|now\s+playing|play\s+video|show\s+caption|hide\s+caption)$")


def video_titles(lines: list[Line], longest: int = 120) -> None:
    """A video's title right under its player's control ("close Video" / "Top headlines for March
    14"): a heading's shape with no full stop, the video's caption, not a subhead of the text.

    >>> ls = _decided([("drop", "nav", "close Video"), ("heading", None, "Top headlines for March 14"),
    ...                ("keep", None, "A sheriff says an investigation into stolen farm equipment has ended.")])
    >>> video_titles(ls); [ln.action for ln in ls]
    ['drop', 'drop', 'keep']
    """
    for i in range(1, len(lines)):
        ln, label = lines[i], lines[i - 1]
        if (ln.action == "heading" and label.action == "drop" and _VIDEO_CONTROL.match(label.raw.strip())
                and len(ln.raw.strip()) <= longest and not _SENTENCE_END.search(ln.raw.strip())):
            ln.decide("drop", "caption")


def title_under_caption_label(lines: list[Line], rules: list[Rule | None], reach: int = 12, least: int = 20) -> None:
    """The line the engine took for the title stands right under a caption's label ("Image caption,",
    "Caption:") or a video player's control ("close Video"), the lead photo's caption or the video's
    title over the text: a caption. The headline is the nearest
    headline-shaped line over it (within ``reach`` lines, ``least`` characters or more, no rule naming
    it) that shares the article's words; else the page has none.

    >>> body = "Tram services across the region have been suspended after overhead cables were damaged in high winds."
    >>> rows = [("drop", "nav", "Tram services suspended after overhead cable damage"), ("drop", "nav", "3 hours ago"),
    ...         ("drop", "caption", "Image caption,"), ("title", None, "Trams were halted across the network on Monday"),
    ...         ("meta", "byline", "By Jane Roe"), ("keep", None, body)]
    >>> ls = _decided(rows); title_under_caption_label(ls, [None] * len(ls)); [ln.action for ln in ls][:4]
    ['title', 'drop', 'drop', 'drop']
    """
    t = next((i for i, ln in enumerate(lines) if ln.action == "title"), None)
    if t is None or t == 0:
        return
    label = lines[t - 1]
    if not (label.action == "drop" and (label.reason == "caption" and label.raw.rstrip().endswith((",", ":"))
                                        or _VIDEO_CONTROL.match(label.raw.strip()))
            and len(label.raw.strip()) <= 30):
        return
    lines[t].decide("drop", "caption")
    body = _kept_stems(lines, t + 1)
    for h in range(t - 2, max(-1, t - 2 - reach), -1):
        ln, head = lines[h], lines[h].raw.strip()
        if (ln.action == "drop" and ln.reason in ("nav", "related") and rules[h] is None and len(head) >= least
                and _headline(head) and not _LINK_LEAD.match(head) and _shares(set(_stems(head)), body, 0.3)):
            ln.decide("title")
            return


def headline_over_caption_deck(lines: list[Line], rules: list[Rule | None], least: int = 20, words: int = 8) -> None:
    """The headline, the lead photo's caption, the standfirst: the engine took the standfirst (no
    full stop, a sentence's length) for the title and dropped the headline over the caption with the
    menu. A headline-shaped line (``least`` characters or more, no rule naming it) right over a
    caption right over the title, shorter than the title, which reads as a standfirst (``words`` words
    or more), and sharing the article's words, is the title; the standfirst is kept under it.

    >>> body = "Treasury officials are trumpeting job cuts at agencies and boards across the country this week."
    >>> rows = [("drop", "nav", "Ottawa cuts already vacant positions"),
    ...         ("drop", "caption", "The minister in Ottawa. THE EXAMPLE PRESS/Jane Roe"),
    ...         ("title", None, "Of 245 appointments to be cut, many have been vacant for years"), ("keep", None, body),
    ...         ("keep", None, "Many of the cuts are of vacant positions on boards that have not met in years, officials said.")]
    >>> ls = _decided(rows); headline_over_caption_deck(ls, [None] * len(ls)); [ln.action for ln in ls][:3]
    ['title', 'drop', 'heading']
    """
    t = next((i for i, ln in enumerate(lines) if ln.action == "title"), None)
    if t is None or t < 2 or lines[t - 1].action != "drop" or lines[t - 1].reason != "caption":
        return
    h, title = t - 2, lines[t].raw.strip()
    head = lines[h].raw.strip()
    if (lines[h].action != "drop" or lines[h].reason not in ("nav", "related") or rules[h] is not None
            or len(head) < least or len(head) >= len(title) or not _headline(head)
            or _SENTENCE_END.search(title) or _words(title) < words or _LINK_LEAD.match(head)):
        return
    body = _kept_stems(lines, t + 1)
    if not (_shares(set(_stems(head)), body, 0.3) and _shares(set(_stems(title)), body, 0.3)):
        return
    lines[h].decide("title")
    lines[t].decide("heading")


# a link to another story by its label: "Read more: X", "See also: X", "Watch: X"
_LINK_LEAD = regex.compile(r"^(?i:read\s+more|read\s+also|also\s+read|see\s+also|more|related|watch|listen|read)\s*[:：]")


def headline_under_captions(lines: list[Line], share: float = 0.3, longest: int = 250) -> None:
    """A broadcaster's page that prints its date line, then the photo gallery's captions, then the
    headline right over the body (a station's name over the date): the engine reads the captions
    as the body's first paragraphs and the headline as a subhead among them (or a related
    headline). A heading right over
    the first paragraph (or over a line of the site's address there), headline-shaped and sharing
    ``share`` of its words with the article, under a run of caption-length sentences (kept, or
    dropped as captions) that stands right under the date line, is the title; the run's kept
    lines are captions, and a title above them (the station's name) is residue.

    >>> ls = _decided([("meta", "published", "Mon. Dec. 31 2007 2:49 PM ET"),
    ...     ("keep", None, "The chief speaks with reporters at a checkpoint on Monday."),
    ...     ("heading", None, "Police say enough after drivers charged"),
    ...     ("keep", None, "Police say enough is enough after two drivers were charged with impaired driving on Sunday.")])
    >>> headline_under_captions(ls); [(ln.action, ln.reason) for ln in ls[1:3]]
    [('drop', 'caption'), ('title', None)]
    """
    p = next((i for i, ln in enumerate(lines) if ln.action == "keep" and _paragraph(ln) and len(ln.raw) > longest
              or ln.action == "keep" and _paragraph(ln) and i > 0 and lines[i - 1].action == "heading"), None)
    if p is None:
        return
    h = p - 1
    if h > 0 and lines[h].action == "heading" and _SITE_ADDRESS.match(lines[h].raw.strip()):
        h -= 1  # the site's address under the headline
    ln = lines[h] if h >= 0 else None
    if (ln is None or not (ln.action == "heading" or ln.action == "drop" and ln.reason in (None, "nav", "related"))
            or len(ln.raw.strip()) < 20 or not _headline(ln.raw.strip())):
        return  # (a subhead to the engine, or a related headline by its place under the captions)
    if not _shares(_stems(ln.raw), _kept_stems(lines, p), share):
        return
    k = h - 1
    run = []
    while k >= 0 and (lines[k].action == "keep" and _finished(lines[k]) and len(lines[k].raw) <= longest
                      or lines[k].action == "drop" and lines[k].reason == "caption"):
        run.append(k)
        k -= 1
    if not run or k < 0 or lines[k].action != "meta" or lines[k].reason != "published":
        return
    title = title_at(lines)
    if title is not None and title > k:
        return  # a headline named under the date line: the run is its body
    if (title is not None and _words(lines[title].raw) > _words(ln.raw)
            and _shares(_stems(lines[title].raw), _kept_stems(lines, k + 1), share)):
        return  # a headline over the date line, longer than the heading and speaking of the text under
        # it (not a station's name): the run is the body's short paragraphs, the heading a box
        # inside it ("Profile | Jane Doe")
    for i in run:
        if lines[i].action == "keep":
            lines[i].decide("drop", "caption")
    if title is not None:
        lines[title].decide("drop", "nav")
    ln.decide("title")
    for g in lines[:k]:
        if g.action == "meta" and g.reason == "byline" and _words(g.raw) <= 3 and not g.raw.lower().startswith("by"):
            g.decide("drop", "nav")  # (labels over the date line read as bylines for want of a headline)


_READ_TIME = regex.compile(r"^\d{1,3}\s+(?i:min(?:ute)?s?)\s+(?i:read)\b.{0,30}$")


def headline_over_widgets(lines: list[Line], reach: int = 60, share: float = 0.5) -> None:
    """A page that prints its date lines and headline, then a block of story tools and other
    stories' lists, then the byline and the body: the engine names the last list item over the
    byline the title. When the title shares few words with the article, a headline-shaped line
    right under a date line or a reading time ("3 min read") (within ``reach`` lines above the
    title, nothing kept between) that shares at least ``share`` of its words with the article,
    and more than twice as many as the title does, is the title; the item drops as related.

    >>> ls = _decided([("meta", "published", "Published: Jan 08, 2008 03:58 PM"),
    ...     ("drop", "nav", "Players to be evaluated at the combine this weekend"), ("drop", "nav", "Story Tools"),
    ...     ("drop", "related", "Most Popular"), ("title", None, "Universities consider naming rights"),
    ...     ("meta", "byline", "By Jane Doe"),
    ...     ("keep", None, "More than sixty players will be evaluated by the coaches at the combine this weekend.")])
    >>> headline_over_widgets(ls); [(ln.action, ln.reason) for ln in (ls[1], ls[4])]
    [('title', None), ('drop', 'related')]
    """
    t = title_at(lines)
    if t is None:
        return
    body = _kept_stems(lines, t + 1)
    named = len(_stems(lines[t].raw) & body)  # the title's words the article uses
    if not body:
        return
    for h in range(t - 1, max(-1, t - 1 - reach), -1):
        ln = lines[h]
        if ln.kept:
            return
        text = ln.raw.strip()
        if (ln.action != "drop" or ln.reason not in (None, "nav", "related") or len(text) < 20
                or not _headline(text) or _words(text) < 4):
            continue
        above = lines[h - 1] if h > 0 else None
        if above is None or above.action == "meta" and above.reason != "published":
            continue
        if above.action != "meta" and not (above.action == "drop" and len(above.raw) <= 60
                                           and (to_iso(above.raw) or _READ_TIME.match(above.raw.strip()))):
            continue  # (a date line: read as the date, or dropped, "Modified: Jan 08, 2008 04:04 PM")
        if _shares(_stems(text), body, share) and len(_stems(text) & body) > 2 * named:
            ln.decide("title")
            lines[t].decide("drop", "related")
            return


# a site's address alone on its line: "toronto.example.ca", "www.example.com"
_SITE_ADDRESS = regex.compile(r"^(?:https?://)?(?:[\w-]+\.)+(?:com|ca|org|net|co\.uk|com\.au|co\.nz|co|uk|in|au|nz|ie|us)/?$")


# a quotation opening a paragraph, then who said it: "We cannot wait," the mayor told reporters
_QUOTE_SAID = regex.compile(r"^[\"“‘][^\"“”]{3,300}[,?!]\s*[\"”’]\s+(?:[\p{L}\x27’.-]+\s+){0,10}?"
                            r"(?i:said|says|told|asked|added|yelled|shouted|wrote|replied|explained|insisted|warned|"
                            r"argued|recalled|tweeted|continued|noted|cried|screamed|declared)\b")


def quote_paragraphs(lines: list[Line]) -> None:
    """A quotation paragraph whose closing full stop the scraper lost ("We cannot wait," one of the
    mayor's aides told reporters) reads to the engine like a promo link between the paragraphs and
    drops by place. Such a line (no rule names it), with a body paragraph kept right above and right
    below it, is the article's own text.

    >>> rows = [("keep", "The mayor spoke at the quay on Friday morning, before the vote, to a large crowd."),
    ...         ("drop", '"We cannot wait," one of the aides told reporters at the quay'),
    ...         ("keep", "The council will vote on the plan next week, after a final report from engineers.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> quote_paragraphs(ls); ls[1].action
    'keep'
    """
    for i in range(1, len(lines) - 1):
        ln = lines[i]
        if ln.action != "drop" or ln.reason not in ("related", "nav") or ln.edits:
            continue
        if not (_paragraph(lines[i - 1]) and _paragraph(lines[i + 1])):
            continue
        if _QUOTE_SAID.match(ln.raw.strip()) and _words(ln.raw) >= 8:
            ln.decide("keep")


def widget_button(lines: list[Line], most: int = 3) -> None:
    """A widget's prompt that names the service it links to ("Read a summary of this article on
    BRIEF.", dropped as a share tool) is followed by that service's button: its name alone on the
    next line ("BRIEF"), which the engine may keep as a subhead. A short line (at most ``most``
    words, no sentence) right under a dropped share line that ends with the same words drops with it.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Read a summary of this article on BRIEF.",
    ...     "BRIEF", "Body."])]
    >>> for ln, a in zip(ls, ["drop", "heading", "keep"]): ln.decide(a, "share" if a == "drop" else None)
    >>> widget_button(ls); ls[1].action, ls[1].reason
    ('drop', 'share')
    """
    for i in range(1, len(lines)):
        ln, prev = lines[i], lines[i - 1]
        if prev.action != "drop" or prev.reason != "share" or ln.action not in ("keep", "heading"):
            continue
        name = ln.raw.strip()
        if not name or len(name.split()) > most or _SENTENCE_END.search(name):
            continue
        head = prev.raw.strip().rstrip(".!:»›> ")
        if head != name and head.endswith(" " + name):
            ln.decide("drop", "share")


_STEM_WORD = regex.compile(r"\p{L}{4,}")


@lru_cache(maxsize=4096)  # (the article's lines are read by several checks, and again when settling)
def _stems(text: str) -> frozenset[str]:
    """A line's words of four letters or more, cut to five (minister, ministers)."""
    return frozenset(w[:5] for w in _STEM_WORD.findall(text.lower()))


def _kept_stems(lines: list[Line], start: int) -> set[str]:
    """The words (``_stems``) of the lines kept from ``start`` on: the article, as the checks
    compare a line against it."""
    return set().union(*(_stems(ln.raw) for ln in lines[start:] if ln.action == "keep"))


def _shares(words: set[str], body: set[str], share: float) -> bool:
    """Whether a line's ``words`` (none: no) are at least ``share`` of them in ``body``.

    >>> _shares({"storm", "heads"}, {"storm", "coast"}, 0.5), _shares(set(), {"storm"}, 0.5)
    (True, False)
    """
    return bool(words) and len(words & body) >= share * len(words)


def head_teasers(lines: list[Line], least: int = 3, share: float = 0.3) -> None:
    """Other stories' headlines listed between the headline's byline and the lead with no header
    (a box the page floats beside the article): a run of at least ``least`` headline-shaped lines
    right over the lead, no prose among them, that the engine kept as subheads one under another
    (or dropped as residue), most of them sharing less than ``share`` of their words with the
    article, drop as related. An article's own summary points share its words.

    >>> rows = [("title", "Schools told not to upgrade software"), ("meta", "By Jane Doe"),
    ...         ("heading", "Council names new harbour master for 2008"), ("heading", "Rugby captain hits fake website"),
    ...         ("heading", "Cable company faces new competitor"),
    ...         ("keep", "British schools should not upgrade their software, an agency said in a report on Tuesday.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "byline" if a == "meta" else None)
    >>> head_teasers(ls); [ln.reason for ln in ls[2:5]]
    ['related', 'related', 'related']
    """
    t = title_at(lines)
    if t is None:
        return
    lead = next((i for i in range(t + 1, len(lines)) if lines[i].action == "keep" and _paragraph(lines[i])), None)
    if lead is None:
        return
    run, k = [], lead - 1
    while k > t and (lines[k].action == "heading" or lines[k].action == "drop" and lines[k].reason in (None, "related")) \
            and _headline(lines[k].raw.strip()):
        run.append(k)
        k -= 1
    if len(run) < least or not any(lines[i].action == "heading" for i in run):
        return
    if lines[k].action not in ("meta", "drop", "title"):  # (under the byline block, its tools, or the headline)
        return
    body = _kept_stems(lines, lead)
    apart = sum(1 for i in run if not _shares(_stems(lines[i].raw), body, share))
    if 2 * apart > len(run):
        for i in run:
            lines[i].decide("drop", "related")


def deck_under_title(lines: list[Line], rules: list[Rule | None], least: int = 6, longest: int = 250,
                     share: float = 0.3) -> None:
    """A deck (standfirst) printed right under the headline with no full stop, over the lead, with
    no byline between (or a cleaned text, which has lost the byline), reads to the engine as a
    promo between the headline and the body and drops by place. Such a line, no rule naming it,
    written as a sentence (at least ``least`` words, ``longest`` characters at most, three words in
    lower case in a row, no date), right over a body paragraph, and sharing ``share`` of its words
    with the kept text (at least three), is the article's deck: a heading.

    >>> rows = [("title", "Masks a must outdoors from Monday"),
    ...         ("drop", "Ministers repeat calls to stay home as the rules are tightened further"),
    ...         ("keep", "Everyone must now wear a mask when they leave home, ministers said on Friday, "
    ...                  "as the rules were tightened further after another rise in cases.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "related" if a == "drop" else None)
    >>> deck_under_title(ls, [None] * 3); ls[1].action
    'heading'
    """
    t = title_at(lines)
    if t is None or t + 2 >= len(lines):
        return
    k = t + 1
    ln, lead = lines[k], lines[k + 1]
    if ln.action != "drop" or ln.reason not in ("nav", "related") or rules[k] is not None or ln.edits:
        return
    text = ln.raw.strip()
    if (not least <= _words(text) <= 40 or len(text) > longest or not text[:1].isupper()
            or not _RUNNING.search(text) or _DATE_START.match(text) or not _paragraph(lead)):
        return
    mine = _stems(text)
    body = _kept_stems(lines, k + 1)
    common = len(mine & body)
    if common >= 3 and common >= share * len(mine):
        ln.decide("heading")


def _story_mark(ln: Line) -> str | None:
    """The kind of mark (``byline`` or ``dateline``) of a line that opens a story under its
    headline: a byline, a wire dateline alone on its line, or a lead opening with a wire
    dateline; None for any other line."""
    if ln.action == "meta":
        if _HANDLE.match(ln.raw.strip()):
            return None  # an author's handle alone: part of a byline block, it opens no story
        return ln.reason if ln.reason in ("byline", "dateline") else None
    return "dateline" if "dateline" in ln.edits else None


def roundup_heads(lines: list[Line], rules: list[Rule | None], roundup: "regex.Pattern[str] | None") -> None:
    """A page of briefs, its headline saying so (``roundup``: "State news briefs: ..., and more
    state news stories"), prints each brief under a headline of its own, often past a separator
    line ("-----"). Such a headline the engine dropped (headline-long, no rule naming it) between
    the article's paragraphs, under a kept paragraph (past separators) and over one, is the
    article's subhead.

    >>> rows = [("title", "County news briefs: the council delays its vote, and more"),
    ...         ("keep", "CENTRETOWN -- The council put off its vote on the harbour plan until next month."),
    ...         ("drop", "-----"), ("drop", "Judge allows lawsuit over the old mill fire to go ahead"),
    ...         ("keep", "CENTRETOWN -- A judge ruled on Monday that the lawsuit over the fire may go ahead.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a)
    >>> roundup_heads(ls, [None] * len(ls), regex.compile(r"\\bbriefs\\b")); ls[3].action
    'heading'
    """
    t = title_at(lines)
    if t is None or roundup is None or not roundup.search(lines[t].raw):
        return
    for h in range(t + 2, len(lines) - 1):
        ln = lines[h]
        if (ln.action != "drop" or ln.reason not in (None, "nav", "related") or rules[h] is not None
                or not _headline(ln.raw) or not _sentence_kept(lines[h + 1])):
            continue
        k = h - 1
        while k > t and lines[k].action == "drop" and not any(ch.isalnum() for ch in lines[k].raw):
            k -= 1  # (separator lines: "-----", "* * *")
        if _sentence_kept(lines[k]):
            ln.decide("heading")


def _sentence_kept(ln: Line) -> bool:
    """A kept line that ends as a sentence does, however short."""
    return ln.action == "keep" and _finished(ln)


def next_story(lines: list[Line], rules: list[Rule | None], least: int = 40, paras: int = 2,
               reach: int = 3, roundup: "regex.Pattern[str] | None" = None) -> None:
    """A listing, archive or digest page (a blog's month archive, a wire digest) prints whole
    stories one after the other, each a headline over a byline or a wire dateline and its body.
    Only the first is the page's article. When the article opens that way (its headline, then
    a byline or a dateline before or in its lead), a later headline-shaped line (no title, no
    metadata) that sits under at least ``paras`` kept paragraphs (``least`` words) of the
    article and over a byline or a dateline (only dropped lines, at most ``reach`` of them,
    between; a photo's credit), with a paragraph under that, opens the next story (a line the
    engine dropped as a caption or an ad, or that a rule names, such as "Read more: X", is
    none): it and all that follows drop as ``next_story``. The next story's mark is of the
    kind the article's was (a listing repeats its template), and under a line the engine kept
    (a subhead) only a wire dateline counts: a live blog's entries carry bylines of their own. A subhead over a paragraph, a pull quote or a dateline
    quoted in the text has no byline or dateline of its own under it. (The walk, shared with
    the Chinese pages': ``classify.next_story_walk``.)

    >>> rows = [("title", "Storm heads east"), ("meta", "By Jane Doe"),
    ...         ("keep", "Forecasters said the storm would turn east on Tuesday, bringing heavy rain "
    ...                  "and strong winds to the whole of the coast for at least two days."),
    ...         ("keep", "Ferries were cancelled and schools closed early as the wind rose along the coast, "
    ...                  "officials said, and the river was expected to peak on Wednesday night."),
    ...         ("drop", "Council delays vote on harbour plan"), ("meta", "By John Roe"),
    ...         ("keep", "The council put off its vote on the harbour plan until next month, after "
    ...                  "residents asked for more time to read the report.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "byline" if a == "meta" else None)
    >>> next_story(ls, [None] * len(ls)); [(ln.action, ln.reason) for ln in ls[4:]]
    [('drop', 'next_story'), ('drop', 'next_story'), ('drop', 'next_story')]
    """
    t = title_at(lines)
    if t is None or roundup is not None and roundup.search(lines[t].raw):
        return  # (a page of briefs, its headline says so: "State news briefs: ..., and more")
    b = next((k for k in range(t + 1, len(lines)) if lines[k].action == "keep"), None)
    if b is None:
        return

    def paragraph(k: int) -> int | None:
        return _words(lines[k].raw) if lines[k].action == "keep" and _SENTENCE_END.search(lines[k].raw) else None

    def story_at(h: int) -> tuple[int, int] | None:  # a headline, then the next story's mark
        ln = lines[h]
        if (ln.action in ("title", "meta")
                or ln.action == "drop" and ln.reason not in (None, "nav", "related")  # a caption, an ad
                or rules[h] is not None  # a link or label a rule names ("Read more: X")
                or not _headline(ln.raw) or _story_mark(ln)):
            return None
        m = next((k for k in range(h + 1, min(len(lines), h + reach + 2))
                  if lines[k].action != "drop" or _story_mark(lines[k])), None)
        if m is None or lines[m].action == "title":
            return None
        if ln.kept and lines[m].action == "meta" and lines[m].reason == "byline":
            return None  # a subhead the engine kept, over a byline: a live blog's next entry, not a story
        return h, m

    def lead(m: int) -> bool:
        ld = m if lines[m].kept else next((k for k in range(m + 1, min(len(lines), m + reach + 2))
                                           if lines[k].action != "drop"), None)
        return ld is not None and lines[ld].action == "keep" and _paragraph(lines[ld])

    next_story_walk(lines, range(max(0, t - 2), b + 1), b, _story_mark, paragraph, story_at, lead,
                    paras, least, relabel_to_mark=True)


# a line opening with a time of day ("10:42 a.m.", "9.15pm")
_TIME_OPEN = regex.compile(r"^\d{1,2}[:.]\d{2}(?!\d)")
# a capitalised word inside a sentence (after a word in lower case or a comma): a name
_INNER_NAME = regex.compile(r"(?<=[\p{Ll}\d,;] )\p{Lu}[\p{Ll}'’]+")


def _names(text: str) -> set[str]:
    """The names a line holds: its capitalised words inside sentences, in lower case."""
    return {w.lower() for w in _INNER_NAME.findall(text)}


def unmarked_story(lines: list[Line], rules: list[Rule | None]) -> None:
    """A page that prints a further story under the article with nothing of the article's
    template to open it (a radio or blog page with a second story under the first, neither
    with a byline): when the article closes with its copyright notice or end mark (or a
    credit glued to its last paragraph, or alone under it: "Source: X") and right under the close a headline-shaped line no
    rule names stands over a paragraph whose names are hardly any of the article's, the
    headline and all under it drop as ``next_story``. A photo's copyright notice inside an
    article, over a subhead, has the article's people and places under it.
    (The walk: ``classify.unmarked_story_walk``.)

    >>> rows = [("title", "Five music myths that will not die"),
    ...         ("keep", "Everyone likes a good myth, and the music world has more than its share of them to pass round."),
    ...         ("keep", "Some say the Beatles never wrote their own songs, and others that Elvis still tours in Canada."),
    ...         ("drop", "© 2024 Some Radio, a division of Some Media Inc."),
    ...         ("drop", "Heron chicks draw crowds to Riverside pond"),
    ...         ("keep", "A pair of herons has raised three chicks at the pond in Riverside Park, and Mayor Jane Holt came to see them."),
    ...         ("keep", "Bird lovers from across Oakford have set up telescopes on the bank, said warden Tom Reyes.")]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (_, t) in enumerate(rows)]
    >>> for ln, (a, _) in zip(ls, rows): ln.decide(a, "copyright" if a == "drop" else None)
    >>> ls[4].decide("drop", "related")
    >>> unmarked_story(ls, [None] * len(ls)); [(ln.action, ln.reason) for ln in ls[3:]]
    [('drop', 'copyright'), ('drop', 'next_story'), ('drop', 'next_story'), ('drop', 'next_story')]
    """
    first = next((i for i, ln in enumerate(lines) if ln.action in ("keep", "heading")), None)
    if first is None:
        return

    def headline(k: int) -> bool:  # (a question under the close: a Q&A's next question)
        text = lines[k].raw.strip()
        return rules[k] is None and _headline(text) and not text.endswith("?") and not inside(k)

    def paragraph(k: int) -> bool:
        return _paragraph(lines[k])

    def inside(k: int) -> bool:  # a live blog's time stamp, an update stamp, a Q&A's question
        text = lines[k].raw.strip()
        return (_DATE_START.match(text) is not None or _STAMP_OPEN.match(text) is not None
                or _TIME_OPEN.match(text) is not None or lines[k].kept and _headline(text) and text.endswith("?"))

    unmarked_story_walk(lines, first, lambda k: article_closes(lines[k]), headline, paragraph, _names, inside)


def _index_entry(lines: list[Line], rules: list[Rule | None], d: int, reach: int = 6) -> tuple[int, list[int], int] | None:
    """An entry of a blog's index from line ``d``: a full date alone on its line, then (past
    photo captions and credits, at most ``reach`` lines) a headline-shaped line no rule names,
    then its paragraphs (captions and credits among them), then a link to the rest ("Continue
    reading", "Read more") a rule names; the headline's index, the paragraphs' and the link's."""
    date = lines[d].raw.strip()
    if not _DATE_START.match(date) or _words(date) > 6:
        return None
    h = next((k for k in range(d + 1, min(len(lines), d + reach + 2))
              if lines[k].action != "drop" or lines[k].reason not in ("caption", "copyright")), None)
    if h is None or rules[h] is not None or not _headline(lines[h].raw) or _DATE_START.match(lines[h].raw):
        return None
    paras = []
    for k in range(h + 1, len(lines)):
        ln = lines[k]
        text = ln.raw.strip()
        if ln.action == "drop" and ln.reason in ("caption", "copyright") and not _SENTENCE_END.search(text):
            continue  # a photo's credit
        if rules[k] is not None and _words(text) <= 4 and _BLURB_CUT.search(text):
            return (h, paras, k) if paras else None
        if _SENTENCE_END.search(text) and _words(text) >= 8 and rules[k] is None:
            paras.append(k)
            continue
        if ln.action == "drop" and ln.reason == "caption":
            continue
        return None
    return None


def index_first_entry(lines: list[Line], rules: list[Rule | None], least: int = 2) -> None:
    """A blog's tag or date index prints its entries one under the other, each a date line
    over its headline over the opening paragraphs of the post, cut off by a link to the rest
    ("Continue reading"); the engine may take a later entry for the article (the one with the
    longest opening), or keep the next entries' openings as more of the article. When the
    page's body starts with at least ``least`` such entries one right under the other
    (``_index_entry``), and the engine kept nothing above the first, the first entry is the
    page's article: its date the publication time, its headline the title, its paragraphs the
    body (a caption keeps its reason); all from its link on drops as ``next_story``. An
    article followed by a box of the blog's other posts keeps its body above the box.

    >>> rows = [("Jan 11 2016", "nav"), ("Emptying the canal", "nav"),
    ...         ("Residents came to see what the canal had hidden under its waters for fifteen years.", "nav"),
    ...         ("Continue reading", "related"), ("Dec 30 2015", "nav"), ("The most-read stories of the year", "nav"),
    ...         ("These were the most-read stories of the year on the blog, and we wish you a happy New Year.", "nav"),
    ...         ("Continue reading", "related"), ("Dec 9 2015", "published"), ("Where attacks have no name", "title"),
    ...         ("When the capital held a memorial service for the victims, television channels far away broadcast it live.", None)]
    >>> ls = [Line(n=i, raw=t, text=t) for i, (t, _) in enumerate(rows)]
    >>> for ln, (_, r) in zip(ls, rows):
    ...     a = {"published": "meta", "title": "title", None: "keep"}.get(r, "drop"); ln.decide(a, r if a in ("meta", "drop") else None)
    >>> rules = [object() if t == "Continue reading" else None for t, _ in rows]
    >>> index_first_entry(ls, rules); [(ln.action, ln.reason) for ln in ls[:5]], {ln.reason for ln in ls[5:]}
    ([('meta', 'published'), ('title', None), ('keep', None), ('drop', 'related'), ('drop', 'next_story')], {'next_story'})
    """
    d = next((i for i, ln in enumerate(lines) if _DATE_START.match(ln.raw.strip()) and _words(ln.raw) <= 6), None)
    if d is None or any(ln.kept or ln.action == "meta" and ln.reason != "published" for ln in lines[:d]):
        return
    entries, k = [], d
    while k < len(lines) and len(entries) < least:
        found = _index_entry(lines, rules, k)
        if found is None:
            return
        entries.append(found)
        k = found[2] + 1
    h, paras, link = entries[0]
    for ln in lines:
        if ln.action == "title":
            ln.decide("drop", "next_story")
    lines[d].decide("meta", "published")
    lines[h].decide("title")
    for p in paras:
        if lines[p].action != "drop" or lines[p].reason != "caption":
            lines[p].decide("keep")
    for ln in lines[link + 1:]:
        if ln.action != "drop" or ln.reason in ("nav", "related", "other"):
            ln.decide("drop", "next_story")


# a share box naming the story it shares: "Share All sharing options for: <headline>", "Share this
# story: <headline>"
_SHARE_FOR = regex.compile(r"^(?i:share(?:\s+all\s+sharing\s+options)?\s+for|share\s+this\s+(?:story|article))\s*:\s*(\S.{9,250})$")


def share_box_title(lines: list[Line]) -> None:
    """The headline a share box names ("Share All sharing options for: X"): the line over the box
    holding X is the title, however it ends (a headline of two sentences, "A small city made its
    buses free. Four years later, here's what it learned.", reads as prose). The line taken for
    the title instead, under it, is kept as text when it reads as the standfirst (a sentence, or
    a long line), else dropped.

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Buses went free. Here is what happened.",
    ...     "Ridership doubled. Who pays now?", "Share All sharing options for: Buses went free. Here is what happened.", "Body."])]
    >>> ls[0].decide("drop", "nav"); ls[1].decide("title"); ls[2].decide("drop", "share")
    >>> share_box_title(ls); [ln.action for ln in ls]
    ['title', 'keep', 'drop', 'keep']
    """
    for i, ln in enumerate(lines):
        m = _SHARE_FOR.match(ln.raw.strip())
        if m is None or ln.kept:
            continue
        named = m[1].strip()
        j = next((k for k in range(i) if lines[k].raw.strip() == named), None)
        if j is None or lines[j].action == "title":
            return
        for k, other in enumerate(lines):
            if other.action == "title" and j < k < i:
                # (under the headline: its standfirst, a sentence or a long line; a short line
                # that is neither is the head's furniture)
                if _SENTENCE_END.search(other.raw.strip()) or len(other.raw.strip()) >= 60:
                    other.decide("keep")
                else:
                    other.decide("drop", "nav")
            elif other.action == "title":
                return  # (a title elsewhere: the page's checks found another layout)
        lines[j].decide("title")
        return


_BIO_OPENING = regex.compile(r"^(\p{Lu}[\p{L}'’.-]+(?:\s+(?:\p{Lu}[\p{L}'’.-]+|de|da|del|van|von|la|le|bin|al)){0,3})"
                             r"(?:,\s+an?\s+[^,]{3,80},)?\s+is\s+an?\s")


def subject_bios(lines: list[Line]) -> None:
    """A sentence about who someone is, read as a writer's note (``Jane Doe is a photographer
    who ...``), kept as the article's text when it stands between two kept paragraphs and the
    person's surname comes back in the article's other kept lines: the story's subject, not its
    writer (a writer's note closes the story, and the story does not speak of its writer).

    >>> ls = [Line(n=i, raw=t, text=t) for i, t in enumerate(["Dancers at home, by Jane Roe's camera.",
    ...     "Jane Roe is a photographer who has shot dancers for a decade.", "Roe began the series in 2019."])]
    >>> ls[1].decide("meta", "byline")
    >>> subject_bios(ls); ls[1].action
    'keep'
    """
    for i, ln in enumerate(lines):
        if ln.action != "meta" or ln.reason != "byline" or not 0 < i < len(lines) - 1:
            continue
        m = _BIO_OPENING.match(ln.text)
        if m is None or lines[i - 1].action != "keep" or lines[i + 1].action != "keep":
            continue
        surname = m[1].split()[-1]
        named = regex.compile(rf"\b{regex.escape(surname)}\b")
        if len(surname) >= 3 and any(named.search(other.text) for k, other in enumerate(lines) if k != i and other.kept):
            ln.decide("keep")


def refine(lines: list[Line], rs: RuleSet) -> list[str]:
    """Apply the English layout checks, in order, to a page the engine has decided; the
    document flags the page earns (``NO_ARTICLE``)."""
    rules = _rule_of(lines, rs)
    open_end = compiled_open_end(rs.settings.get("open_end", ""))  # (a sentence broken across lines)
    broken_sentence(lines, rules, open_end)
    gallery(lines, rules)
    gallery_promo(lines)
    caption_labels(lines, rules)
    player_title(lines)
    wire_lead(lines)
    wire_credits(lines, rs)
    related_after_header(lines, rules, open_end)
    story_cards(lines)
    topic_box(lines, rules)
    blurb_block(lines, rules)
    prev_next_titles(lines)
    tag_list_under_label(lines, rules)
    labelled_meta(lines, rules, rs.months)
    comment_meta(lines, rules)
    comment_posts(lines, rules)
    comment_over_stamp(lines, rules)
    headline_under_captions(lines)
    date_lists(lines)
    notice_tail(lines, rules)
    tail_teasers(lines, rules)
    featured_teaser(lines)
    caption_copies(lines)
    lightbox_captions(lines)
    retold_captions(lines)
    topic_lines(lines)
    tail_headlines(lines)
    card_box(lines, rules)  # (before name_bylines: the cards' names are no byline)
    name_bylines(lines, rules, rs)
    provided_by(lines)  # (after it: the issuer under the label read as a writer by the date)
    author_popup(lines, rules)
    place_under_credit(lines, rules)
    author_bio(lines, rules)
    fact_box(lines, rules)
    teaser_copy(lines)
    if headline_over_standfirst(lines, rules, rs.pattern("bare_names")):
        author_bio(lines, rules)  # (again: the writers' names are known only now)
    headline_over_byline(lines, rules, open_end)
    broken_headline(lines)
    title_by_byline(lines, rules)
    headline_over_widgets(lines)
    fact_lines(lines, rs)  # (after it: the line over the byline block may be the box's)
    box_tail(lines, rules)  # (after it: an event's box is dropped first)
    title_over_points(lines, rs)  # (before summary_points, which may keep the points)
    summary_points(lines, rules, rs)
    newsletter_box(lines)
    signup_blurbs(lines)
    title_over_deck(lines, rules)
    head_teasers(lines)
    glued_menu_title(lines, rules)
    headline_under_date_field(lines, rules)
    headline_over_stamp(lines, rules)
    masthead_date(lines)
    banner_date(lines)
    colon_dateline_lead(lines)
    closing_credit(lines)
    bullet_credit(lines)
    glued_byline(lines)
    comment_list(lines, rules)
    release_labels(lines)
    teaser_bylines(lines)
    head_in_menu(lines, rules)
    alt_over_caption(lines)  # (before label_over_lead: a photo's alt text under the headline is no label)
    label_over_lead(lines, rules)
    name_caption(lines)
    numbered_widget(lines)
    letter_signatures(lines, rules)
    repeated_caption(lines)
    headline_over_photo(lines, rules)
    title_under_caption_label(lines, rules)
    video_titles(lines)
    headline_over_caption_deck(lines, rules)
    deck_under_title(lines, rules)
    title_bar(lines, rules, rs.months)
    section_bar(lines)
    long_subheads(lines, rules, rs.settings["heading_max"])
    teaser_items(lines, rules)
    inline_boxes(lines)
    numbered_teasers(lines)
    comment_policy(lines)
    caption_over_credit(lines, rules)
    caption_over_pager(lines, rules)
    promo_items(lines, rules)
    credit_pairs(lines, rules)
    lead_photo_caption(lines)
    caption_over_byline(lines)
    dated_captions(lines)
    scene_captions(lines, rules)
    reprint_teasers(lines, rules)
    stamped_copy(lines)
    post_stamps(lines)
    post_credit(lines, rules)  # (after the teasers: a blurb kept among them is no body)
    widget_button(lines)
    quote_paragraphs(lines)
    list_lead_in(lines, rules)
    index_first_entry(lines, rules)
    roundup = rs.pattern("roundup_title")
    next_story(lines, rules, roundup=roundup)
    roundup_heads(lines, rules, roundup)
    unmarked_story(lines, rules)
    if teaser_page(lines, rules):
        return [NO_ARTICLE]
    first_heading_title(lines)
    dated_column_title(lines)
    share_box_title(lines)
    inline_cards(lines, rules)  # (after it: a home page's teasers are the page, not cards in an article)
    list_block_strays(lines)
    poll_widget(lines)
    colon_list(lines, rules)  # (after it: a roster's items are no teasers' blurbs)
    subject_bios(lines)
    return []
