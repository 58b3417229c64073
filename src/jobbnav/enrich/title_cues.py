"""The job title an ad's text announces, for ads that arrive without a headline.

The headline is the strongest evidence of an ad's occupation group, but JobAd Enrichments
clients may send `doc_text` alone. The text then usually says what the job is where it
introduces it: "Vi söker nu en erfaren Data Engineer till …", "Som undersköterska hos oss …",
"We are looking for a Backend Developer to …". `title_phrases` returns the words after the
first such cues, cut at the first function word ("till", "hos", "som", "to", "with", …), to
stand in for the headline in the occupation-group model. Words that are no title ("erfaren")
cost little: the title index reads only titles, and the text model sees them in the text anyway.
"""

from __future__ import annotations

import re

__all__ = ["title_phrases"]

_STOP = frozenset((  # function words and the verbs that follow a title in "Som X …"
    "till", "hos", "för", "med", "som", "och", "i", "inom", "på", "vid", "att", "är", "vill",
    "kan", "du", "dig", "kommer", "ansvarar", "arbetar", "jobbar", "blir", "har", "ska", "får",
    "leder", "to", "with", "for", "who", "that", "at", "in", "and", "the", "is", "will", "you",
    "are", "have", "join"))
_CUES = re.compile(
    r"(?:\b[Ss]öker\s+(?:vi\s+)?(?:nu\s+)?(?:en\s+|ett\s+|två\s+|tre\s+|flera\s+)?"
    r"|(?:^|[.!?:]\s+|\n\s*)Som\s+(?:en\s+|ett\s+)?"  # sentence-initial "Som X kommer du …"
    r"|\b(?:arbeta|jobba|roll(?:en)?)\s+som\s+(?:en\s+|ett\s+)?"
    r"|\b(?:looking\s+for|seeking|hiring|recruiting)\s+(?:an?\s+|two\s+|several\s+)?"
    r"|(?:^|[.!?:]\s+|\n\s*)As\s+(?:an?\s+|our\s+)?)"
    r"(?P<rest>[^\n.!?,;:()]{1,80})")
_WORD = re.compile(r"[\w/&+#-]+")
MAX_WORDS = 4
MAX_PHRASES = 2
WINDOW = 1_500  # an ad says what the job is near its start


def title_phrases(text: str) -> str:
    """Up to two announced titles, " / "-joined ("" when the text announces none)."""
    found: list[str] = []
    for cue in _CUES.finditer(text[:WINDOW]):
        words: list[str] = []
        for word in _WORD.findall(cue.group("rest")):
            if word.casefold() in _STOP:
                break
            words.append(word)
            if len(words) == MAX_WORDS:
                break
        if words:
            found.append(" ".join(words))
        if len(found) == MAX_PHRASES:
            break
    return " / ".join(found)
