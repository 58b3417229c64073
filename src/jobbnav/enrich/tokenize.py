"""Text preparation for matching: a same-length folded copy, sentences and section headings.

`match_text` keeps every character offset of the input (one character in, one out), so a span
found in the folded copy is a span of the original text: letters and digits are lower-cased,
everything else becomes a space. That also makes "B-körkort", "B körkort" and "B/körkort" equal.
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from itertools import chain

__all__ = ["fold_surface", "match_text", "prepare_text", "sentence_spans", "word_spans"]

_NON_WORD = re.compile(r"[^\w+#]|_")
# A sentence ends at: white space after . ! ? before a capital/digit/bullet; after ; before
# any letter too (a clause with its own cue: "…senare år; behörighet i fysik är meriterande");
# a newline; a bullet; a dash between spaces before a capital, or before a clause of three
# words or more ("på engelska – svenska är inget krav", but "Svenska – krav" is one line; also
# a dash opening a list line). The pattern
# opens with the one character every ending starts with, which lets the engine skip ordinary
# text in C, then looks back at it to tell the endings apart. The separator is group 1 after
# . ! ? ; and the whole match otherwise.
# An abbreviation that introduces what follows ends no sentence, though a capital follows it:
# "Meriterande med utbildning, t.ex. Lantmästare eller Agronom" is one sentence, its cue and all.
# ("m.m.", "etc.", "osv." do end sentences, so they are not here.)
_NO_END_AFTER = ("t.ex.", "t. ex.", "t ex.", "tex.", "ex.", "bl.a.", "bl. a.", "bl a.", "bla.",
                 "s.k.", "e.g.", "i.e.", "inkl.", "exkl.", "dvs.", "d.v.s.", "resp.", "ca.",
                 "t.o.m.", "fr.o.m.", "p.g.a.", "pga.", "jfr.")
_NOT_AN_ABBREVIATION = "".join(rf"(?<!\b(?i:{re.escape(a)}))" for a in _NO_END_AFTER)
_SENTENCE_END = re.compile(
    r"[.!?;\n•▪►●–-](?:(?<=[.!?;])" + _NOT_AN_ABBREVIATION +
    r"(\s+)(?=[A-ZÅÄÖ0-9•\-\"“(]|(?<=;\s)[^\W\d_])|(?<=\n)\s*|"
    r"(?<=[•▪►●])\s*|(?<=\s[–-])\s+(?=[A-ZÅÄÖ]|[^\W\d_]+[ \t]+[^\W\d_]+[ \t]+[^\W\d_]))")
_WORD = re.compile(r"[^\W_]+(?:[+#]+)?")


_SWEDISH_LETTERS = frozenset("åäö")


class _FoldTable(dict[int, str]):
    """str.translate table, filled on first sight of each character: a non-word character
    becomes a space, a letter its lower case (unless lower-casing changes its length, e.g.
    "İ", which stays as it is) without accents other than Swedish å, ä, ö. One C-level pass
    instead of a regex and a lower()."""

    def __missing__(self, code: int) -> str:
        ch = chr(code)
        if _NON_WORD.match(ch):
            out = " "
        else:
            lowered = ch.lower()
            out = lowered if len(lowered) == 1 else ch
            if len(lowered) == 1 and out not in _SWEDISH_LETTERS:
                plain = unicodedata.normalize("NFD", out)[0]  # "à la carte", "crème", "café"
                out = plain if plain.isascii() and plain.isalpha() else out
        self[code] = out
        return out


_FOLD = _FoldTable()
# The same table for Latin-1 text as bytes: bytes.translate is a plain C table look-up.
_LATIN1_FOLD = bytes(ord(_FOLD[i]) if ord(_FOLD[i]) < 256 else i for i in range(256))


def _blank_non_latin1(error: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: characters outside Latin-1 that are not word characters (dashes,
    quotes, bullets, emoji) become spaces; a word character outside Latin-1 aborts."""
    if not isinstance(error, UnicodeEncodeError):
        raise error
    bad = error.object[error.start:error.end]
    if any(_FOLD[ord(ch)] != " " for ch in bad):
        raise error
    return " " * len(bad), error.end


codecs.register_error("jobbnav-fold", _blank_non_latin1)


def match_text(text: str) -> str:
    """Lower-cased copy of `text` with non-word characters as spaces, same length as `text`."""
    try:
        raw = text.encode("latin-1", "jobbnav-fold")
    except UnicodeEncodeError:  # letters outside Latin-1: the general (slower) table
        return text.translate(_FOLD)
    return raw.translate(_LATIN1_FOLD).decode("latin-1")


def fold_surface(term: str) -> str:
    """A lexicon key in the same form as `match_text` output, with single spaces."""
    term = unicodedata.normalize("NFC", term)
    return " ".join(match_text(term).split())


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence or line, blanks trimmed; covers every non-blank character."""
    spans: list[tuple[int, int]] = []
    start = 0
    isspace = str.isspace
    pieces = chain(((m.start(1) if m.lastindex else m.start(), m.end())
                    for m in _SENTENCE_END.finditer(text)), ((len(text), len(text)),))
    # trimming by index, not by slicing and stripping: most pieces have no blanks to trim
    for end, separator_end in pieces:
        while start < end and isspace(text[start]):
            start += 1
        while end > start and isspace(text[end - 1]):
            end -= 1
        if start < end:
            spans.append((start, end))
        start = separator_end
    return _split_soft_clauses(text, spans)


# "Erfarenhet av CNC-fräsning, gärna i Mazatrol": what "gärna" softens follows it; what comes
# before is the line's own requirement, so the clause after the comma is a sentence of its own.
_SOFT_CLAUSE = re.compile(r",[ \t]+(?=(?:gärna|helst|preferably|ideally)\b)")


def _split_soft_clauses(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    if "gärna" not in text and "helst" not in text and "prefera" not in text and \
            "ideally" not in text:  # most texts: no regex pass at all
        return spans
    cuts = [m.span() for m in _SOFT_CLAUSE.finditer(text)]
    if not cuts:
        return spans
    out: list[tuple[int, int]] = []
    i = 0
    for start, end in spans:
        while i < len(cuts) and cuts[i][0] < start:
            i += 1
        while i < len(cuts) and cuts[i][1] < end:
            comma, after = cuts[i]
            out.append((start, comma))
            start = after
            i += 1
        out.append((start, end))
    return out


def word_spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _WORD.finditer(text)]


_TAG = re.compile(r"<(?:[a-zA-Z/!?][^<>]{0,2000})>")
_ENTITY = re.compile(r"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z]{2,10});")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]")
# Web and e-mail addresses name no concept ("https://karriar.example.se/stockholm"): the token
# around each "://", "www." or "@" is blanked (found with str.find; a regex over the whole
# text cost ≈ 200 µs per ad).
_ADDRESS_MARKERS = ("://", "www.", "@")
_TOKEN_END = re.compile(r"[^\s<>\"'()\[\]]*")
_TOKEN_BREAKS = frozenset(" \t\n\r<>\"'()[]")
_BLOCK_TAG = re.compile(r"^</?(?:p|br|li|div|h\d|ul|ol|tr)\b", re.IGNORECASE)


def _blank(match: re.Match[str]) -> str:
    # Block-level tags end a line, so that "<li>Krav</li><li>…" stay separate sentences.
    text = match.group(0)
    return ("\n" + " " * (len(text) - 1)) if _BLOCK_TAG.match(text) else " " * len(text)


def prepare_text(text: str) -> str:
    """Blank out HTML tags, entities, web and e-mail addresses and control characters,
    keeping every offset."""
    if "<" in text:
        text = _TAG.sub(_blank, text)
    if "&" in text:
        text = _ENTITY.sub(lambda m: " " * len(m.group(0)), text)
    if "://" in text or "www." in text or "@" in text:
        text = _blank_addresses(text)
    return _CONTROL.sub(" ", text)


def _blank_addresses(text: str) -> str:
    spans: list[tuple[int, int]] = []
    for marker in _ADDRESS_MARKERS:
        at = text.find(marker)
        while at >= 0:
            start = at
            while start > 0 and text[start - 1] not in _TOKEN_BREAKS:
                start -= 1
            end = _TOKEN_END.match(text, at).end()  # type: ignore[union-attr]  # always matches
            while end > at and text[end - 1] in ".,;:!?":  # the sentence's own punctuation
                end -= 1
            if marker != "@" or "." in text[at:end]:  # an e-mail address has a domain
                spans.append((start, end))
            at = text.find(marker, max(end, at + 1))
    if not spans:
        return text
    parts, last = [], 0
    for start, end in sorted(spans):
        start = max(start, last)
        if end > start:
            parts += [text[last:start], " " * (end - start)]
            last = end
    parts.append(text[last:])
    return "".join(parts)
