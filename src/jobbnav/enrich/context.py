"""The context of each sentence: required, meriting, prerequisite, outcome, negated or neutral.

Cues come from two places: a section heading ("Krav", "Meriterande", "Förkunskapskrav", "Efter
kursen ska du kunna", "Vi erbjuder") sets the context of the lines under it until the next
heading, and a cue inside the sentence ("du måste ha", "är meriterande", "ingen erfarenhet
krävs") overrides it for that sentence. In a course text a requirement is a prerequisite; a CV
or a query has no requirements, only negations.
"""

from __future__ import annotations

import re

from jobbnav.enrich.model import Context, Kind

__all__ = ["sentence_contexts"]

_F = re.IGNORECASE

_NEGATED = re.compile(
    r"\b(?:inte|ej|inget|ingen|inga)\s+(?:\w+\s+){0,2}(?:krav|nödvändig\w*|något krav|"
    r"ett krav|krävs|behövs|ett måste|obligatorisk\w*)\b|"
    r"\b(?:ingen|inga|inget)\s+(?:\w+\s+){0,3}(?:krävs|behövs|erfordras)\b|"
    r"\b(?:krävs|behövs|erfordras)\s+(?:inte|ej|inga?)\b|"
    r"\bbehöver\s+(?:du\s+)?inte\s+ha\b|\bno\s+(?:\w+\s+)?(?:required|needed)\b|"
    r"\bnot\s+(?:a\s+)?(?:required|requirement|necessary)\b|\butan\s+krav\s+på\b", _F)
_OUTCOME = re.compile(
    r"\befter\s+(?:avslutad\s+|genomförd\s+)?(?:kursen|utbildningen|programmet|avslutad)\b|"
    r"\bdu\s+(?:kommer\s+att\s+|ska\s+)?lär(?:a|er)?\s+dig\b|\bdu\s+får\s+lära\s+dig\b|"
    r"\bkursen\s+(?:ger|behandlar|tar\s+upp|innehåller)\b|\butbildningen\s+(?:ger|innehåller)\b|"
    r"\blärandemål\b|\bkursens\s+mål\b|\bmålet\s+(?:med|är)\b|\bdu\s+utvecklar\b|"
    r"\bska\s+(?:den\s+studerande|studenten|du)\s+kunna\b|\bi\s+utbildningen\s+ingår\b|"
    r"\bdu\s+(?:kommer\s+att\s+)?få\s+(?:kunskap|kunskaper|färdigheter)\b", _F)
_PREREQUISITE = re.compile(
    r"\bförkunskap\w*|\bbehörighet(?:skrav)?\b|\bantagningskrav\b|\bför\s+att\s+(?:bli\s+)?"
    r"anta(?:s|gen)\b|\bkrav\s+för\s+antagning\b|\bsom\s+förkunskap\b|\bentry\s+requirements\b",
    _F)
_MERITING = re.compile(
    r"\bmerit\w*|\bett\s+(?:stort\s+)?plus\b|\bplus\s+i\s+kanten\b|\bönskvärd\w*|\bfördel\w*|"
    r"\bgärna\b|\bbonus\b|\bnice\s+to\s+have\b|\bis\s+a\s+plus\b|\bplus\s+om\b|"
    r"\bser\s+vi\s+gärna\b|\bdet\s+är\s+bra\s+om\b|\bhelst\b|\bpreferably\b|\bbeneficial\b|"
    r"\badvantage\b", _F)
_REQUIRED = re.compile(
    r"\bkrav\w*|\bkräv\w*|\bdu\s+(?:måste|ska|behöver|bör)\s+ha\b|\bmåste\b|\bobligatorisk\w*|"
    r"\bförutsätt\w*|\bnödvändig\w*|\bett\s+måste\b|\bmust\b|\brequire\w*|\bskall\s+ha\b|"
    r"\berfordra\w*|\bkvalifikation\w*|\bqualifications\b", _F)
# Weaker cues: they describe the wanted person, but a "Meriterande" section above them wins.
_PROFILE = re.compile(
    r"\bvi\s+söker\s+dig\s+som\b|\bdu\s+(?:har|är)\b|\byou\s+(?:have|are)\b|"
    r"\bvi\s+tror\s+att\s+du\b|\bför\s+att\s+lyckas\b|\bdin\s+profil\b|\bvem\s+är\s+du\b|"
    r"\bom\s+dig\b|\bvi\s+ser\s+att\s+du\b|\bhar\s+du\b|\bär\s+du\b", _F)
_NEUTRAL_HEADING = re.compile(
    r"^\s*(?:vi\s+erbjuder|om\s+(?:oss|företaget|tjänsten|jobbet|arbetet|rollen|kursen|"
    r"utbildningen)|arbetsuppgifter|dina\s+arbetsuppgifter|om\s+arbetsgivaren|ansökan|"
    r"what\s+we\s+offer|about\s+us|förmåner|benefits|anställningsform|lön|övrigt|kontakt|"
    r"arbetstider|kursinnehåll|innehåll)\b", _F)
_HEADING_MAX = 70


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not 0 < len(stripped) <= _HEADING_MAX:
        return False
    return stripped.endswith(":") or (len(stripped.split()) <= 4 and not re.search(
        r"[.!?]$", stripped))


def _own_cue(sentence: str, kind: Kind) -> Context | None:
    if _NEGATED.search(sentence):
        return "negated"
    if kind == "course":
        if _PREREQUISITE.search(sentence):
            return "prerequisite"
        if _OUTCOME.search(sentence):
            return "outcome"
        return "prerequisite" if _REQUIRED.search(sentence) and re.search(
            r"\bkrav|\bkräv|\bmåste\b", sentence, _F) else None
    if kind != "ad":
        return None
    if _MERITING.search(sentence):
        return "meriting"
    if _REQUIRED.search(sentence):
        return "required"
    return None


def sentence_contexts(text: str, sentences: list[tuple[int, int]], kind: Kind,
                      needed: set[int] | None = None) -> list[Context]:
    """One context per sentence span; sentences not in `needed` (and not headings) are only
    given their section's context, which saves the cue search where nothing was found."""
    section: Context = "neutral"
    out: list[Context] = []
    for i, (start, end) in enumerate(sentences):
        sentence = text[start:end]
        if needed is not None and i not in needed and (
                end - start > _HEADING_MAX or not _is_heading(sentence)):
            out.append(section)
            continue
        own = _own_cue(sentence, kind)
        if _is_heading(sentence):
            if _NEUTRAL_HEADING.search(sentence):
                section = "neutral"
            elif own is not None and own != "negated":
                section = own
        if own is None and kind == "ad" and section == "neutral" and _PROFILE.search(sentence):
            own = "required"
            if _is_heading(sentence):
                section = "required"
        out.append(own or section)
    return out
