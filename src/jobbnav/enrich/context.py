"""The context of each sentence: required, meriting, prerequisite, outcome, negated or neutral.

Cues come from two places: a section heading ("Krav", "Meriterande", "Förkunskapskrav", "Efter
kursen ska du kunna", "Vi erbjuder") sets the context of the lines under it until the next
heading, and a cue inside the sentence ("du måste ha", "är meriterande", "ingen erfarenhet
krävs") overrides it for that sentence. In a course text a requirement is a prerequisite; a CV
or a query has no requirements, only negations.
"""

from __future__ import annotations

import re

import ahocorasick

from jobbnav.enrich.model import Context, Kind
from jobbnav.enrich.tokenize import match_text

__all__ = ["clause_before_a_merit", "clause_before_a_preference", "clause_context",
           "sentence_contexts"]

_F = re.IGNORECASE

_NEGATED = re.compile(
    r"\b(?:inte|ej|inget|ingen|inga)\s+(?:\w+\s+){0,2}(?:krav|nödvändig\w*|något krav|"
    r"ett krav|krävs|behövs|ett måste|obligatorisk\w*)\b|"
    r"\b(?:ingen|inga|inget)\s+(?:\w+\s+){0,3}(?:krävs|behövs|erfordras)\b|"
    r"\b(?:krävs|behövs|erfordras)\s+(?:inte|ej|inga?)\b|"
    r"\bbehöver\s+(?:du\s+)?inte\s+(?:ha|kunna|vara|tala|prata)\b|"
    r"\bkräver\s+(?:inte|ej|ingen|inga)\b|\bdo(?:n[’']?t|\s+not)\s+(?:expect|require|need)\b|"
    r"\bno\s+(?:[\w-]+\s+){0,4}(?:is\s+|are\s+)?(?:required|needed|necessary)\b|"
    r"\bnot\s+(?:a\s+)?(?:required|requirement|necessary|needed|expected)\b|"
    r"\butan\s+krav\s+på\b", _F)
# "inget krav", "not a requirement": with a merit cue ("meriterande men inget krav") the thing
# is a merit; alone, it is negated
_NOT_REQUIRED = re.compile(
    r"\b(?:inte|ej|inget|ingen|inga)\s+(?:\w+\s+)?(?:krav|ett\s+krav|något\s+krav|"
    r"ett\s+måste|obligatorisk\w*|nödvändig\w*)\b|\binget\s+(?:vi|som)\s+kräver\b|"
    r"\bnot\s+(?:a\s+)?(?:requirement|required|must)\b|"
    r"\bno\s+requirement\b", _F)
_OUTCOME = re.compile(
    r"\befter\s+(?:avslutad\s+|genomförd\s+)?(?:kursen|utbildningen|programmet|avslutad)\b|"
    r"\befter\s+godkän[dt]\w*\s+(?:prov|kurs|utbildning)\w*|"
    r"\bkan\s+(?:du\s+)?(?:söka\s+)?(?:arbete|jobb|arbeta|jobba)\s+som\b|"
    r"\bleder\s+(?:\w+\s+){0,2}?till\b|\bblir\s+du\b|\bdu\s+blir\b|"
    # "för dig som vill arbeta som barnskötare", "Du utbildas i Säker Vatten", "får du ett
    # intyg", "avslutas med yrkesbevis", "ger dig kunskaper", "förbereder dig för att arbeta"
    r"\bvill\s+(?:bli|arbeta|jobba)\b|\butbildas\b|\bavslutas\s+med\b|"
    r"\b(?:får\s+du|du\s+får)\s+(?:\w+\s+)?(?:intyg|certifikat|\w*bevis|\w*examen)\w*|"
    r"\bger\s+dig\b|\bförbereder\s+dig\b|"
    r"\bdu\s+(?:kommer\s+att\s+|ska\s+)?lär(?:a|er)?\s+dig\b|\blär\s+du\s+dig\b|"
    r"\bdu\s+(?:kommer\s+att\s+)?får?\s+(?:också\s+|även\s+)?(?:kunskap\w*|färdigheter|lära|"
    r"läsa|träna|öva)\b|\bfår\s+du\s+(?:också\s+|även\s+)?(?:kunskap\w*|färdigheter|lära|"
    r"läsa|träna|öva)\b|\b(?:du|vi)\s+(?:läser|tränar|övar)\b|\b(?:läser|tränar|övar)\s+du\b|"
    r"\b(?:kursen|utbildningen|programmet|grundkursen|delkursen)\s+(?:\w+\s+)?(?:ger|"
    r"behandlar|tar\s+(?:också\s+|även\s+)?upp|innehåller|omfattar)\b|"
    r"\btar\s+(?:\w+\s+)?(?:certifikat\w*|körkort\w*|truckkort\w*|\w*bevis\w*)|"
    r"\blärandemål\b|\bkursens\s+mål\b|\bmålet\s+(?:med|är)\b|\bdu\s+utvecklar\b|"
    r"\bska\s+(?:den\s+studerande|studenten|du)\s+kunna\b|\bi\s+utbildningen\s+ingår\b", _F)
_PREREQUISITE = re.compile(
    r"\bförkunskap\w*|\bbehörighet(?:skrav)?\b|\bantagningskrav\b|\bför\s+att\s+(?:bli\s+)?"
    r"anta(?:s|gen)\b|\bkrav\s+för\s+antagning\b|\bsom\s+förkunskap\b|\bentry\s+requirements\b",
    _F)
_MERITING = re.compile(
    r"\bmerit\w*|\bett\s+(?:stort\s+|extra\s+)?plus\b|\bplus\s+i\s+kanten\b|\bönskvär[dt]\w*|\bfördel\w*|"
    r"\bgärna\b|\bbonus\b|\bnice\s+to\s+have\b|"
    r"\bis\s+(?:also\s+)?a\s+(?:big\s+|strong\s+|great\s+|definite\s+)?plus\b|"
    r"\bplus\s+om\b|"
    r"\bser\s+vi\s+gärna\b|\bdet\s+(?:är|vore)\s+(?:bra|positivt|fint|roligt|kul)\s+om\b|"
    r"\bunderlättar\b|\bdesir(?:able|ed)\b|\bpreferred\b|\ban\s+asset\b|"
    r"\bväger\s+(?:tungt|tyngre)\b|\bbra\s+att\s+ha\b|\bstor[at]?\s+plus\b|"
    r"\b(?:som|är|vore)\s+en\s+(?:stor\s+)?tillgång\b|\bextra\s+intressant\b|"
    r"\bwould\s+be\s+(?:a\s+|an\s+)?(?:great|nice|good|helpful|plus|bonus|appreciated|"
    r"valuable)\b|\b(?:great|nice|good)\s+if\s+you\b|"
    r"\bser\s+(?:vi\s+)?(?:det\s+)?(?:\w+\s+)?som\s+(?:positivt|ett\s+(?:extra\s+)?plus)\b|"
    r"\bses\s+som\s+(?:ett\s+)?(?:extra\s+|stort\s+)?(?:plus|positivt|meriterande)\b|"
    # "Bra om du har: liftkort", "Har du heta arbeten är det jättebra."
    r"\b(?:bra|kul|roligt|jättebra|toppen)\s+om\s+du\b|"
    r"\b(?:är|vore)\s+det\s+(?:jättebra|bra|kul|roligt|positivt|toppen)(?=\s*(?:[.!,]|$))|"
    r"\bhelst\b|\bpreferably\b|\bideally\b|\bbeneficial\b|\bvälkommet\b|"
    r"\badvantage\b", _F)
_REQUIRED = re.compile(
    r"\bkrav\w*|\bkräv\w*|\bdu\s+(?:måste|ska|behöver|bör)\s+(?:ha|kunna|behärska|vara)\b|"
    r"\bmåste\b|\bbehövs\b|"
    r"\bbehöver\s+du\s+(?:ha|kunna|vara)\b|\bbehöver\s+du\s*:|"
    r"\bobligatorisk\w*|"
    r"\bförutsätt\w*|\bnödvändig\w*|\bett\s+måste\b|\bmust\b|\brequire\w*|\bskall\s+ha\b|"
    r"\berfordra\w*|\bkvalifikation\w*|\bqualifications\b|\bför\s+givet\b|"
    r"\bvi\s+behöver\s+att\s+du\b|\bför\s+att\s+(?:bli\s+aktuell|komma\s+i\s*fråga)\b|"
    r"\b(?:detta|det\s+här)\s+är\s+viktigt\b|\bdet\s+är\s+viktigt\s+att\s+du\b|"
    # a lead-in of its own line: "Du ska:", "Vi vill att du", "Du:" over a list of demands
    # (but "Hos oss på enheten får du:" lists what the job gives)
    r"\b(?:(?:vi\s+vill\s+att\s+)?du\s+(?:ska|skall|måste|behöver|bör)|vi\s+vill\s+att\s+du)"
    r"[ \t]*:?(?=[ \t]*(?:\n|$))|(?<!får\s)du[ \t]*:(?=[ \t]*(?:\n|$))", _F)
# Weaker cues: they describe the wanted person, but a "Meriterande" section above them wins.
_PROFILE = re.compile(
    r"\bvi\s+(?:söker|behöver)\s+(?:nu\s+|därför\s+|också\s+|även\s+)?dig\s+som\b|"
    r"\bdig\s+som\s+(?:är|har|kan)\b|"
    # ("Du kan även få arbeta med …", "Du kan komma att …": what the job may bring)
    # ("Du är med och tar fram …", "Du är ansvarig för …": the job)
    r"\bdu\s+(?:har|"
    r"är(?!\s+(?:med\s+(?:och|i|på)|ansvarig)\b)|"
    r"kan(?!\s+(?:även\s+|också\s+)?(?:få|komma\s+att)\b)|talar|pratar|behärskar|"
    r"besitter|gillar|trivs|älskar|brinner)\b|"
    # "Det här söker vi", "Du som söker" heading a list
    # (from "söker": "det" starts too many sentences to try the profile cues at each)
    r"\bsöker(?:(?<=det här söker)|(?<=detta söker))\s+vi\b|"
    r"\bdu\s+som\s+söker\s*:?(?=\s*(?:\n|$))|"
    # headings of what is asked for, on a line of their own ("Din bakgrund", "What you need")
    r"\b(?:din\s+bakgrund|your\s+background|what\s+you(?:'ll|\s+will)?\s+need|"
    r"what\s+we\s+expect(?:\s+from\s+you)?)\s*:?(?=\s*(?:\n|$))|"
    r"\byou\s+(?:probably\s+|likely\s+|already\s+)?(?:have|are|speak|know)\b|"
    r"\bwho\s+(?:are\s+you|you\s+are)\b|"
    r"\babout\s+you\b|\byour\s+profile\b|"
    r"\bvi\s+tror\s+(?:också\s+|även\s+)?att\s+du\b|\bför\s+att\s+lyckas\b|\bdin\s+profil\b|"
    r"\bvem\s+är\s+du\b|\bom\s+dig\b|\bvi\s+ser\s+att\s+du\b|\bför\s+dig\s+som\s*:|"
    # "Har du frågor?", "Är du redo för …?": an invitation, not the person asked for
    # ("Hos oss har du kollektivavtal och försäkringar": what the employer offers)
    r"\bhar(?<!\boss\shar)\s+du\b(?!\s+(?:några\s+|fler\s+|andra\s+)?(?:frågor|funderingar))|"
    r"\bär\s+du\b(?!\s+(?:redo|intresserad|nyfiken|sugen|välkommen))|"
    r"\bletar\s+efter\s+dig\s+som\b|"
    r"\bvad\s+du\s+(?:tar|har)\s+med\s+dig\b|\bvad\s+(?:vi\s+söker|söker\s+vi)\b|"
    r"\bvem\s+(?:vi\s+söker|söker\s+vi)\b|"
    r"\bwhat\s+(?:we\s+are|we're)\s+looking\s+for\b|\bwhat\s+you\s+bring\b|"
    # "Vi söker dig med …", "Rätt person har …", "Den vi söker är …": the person asked for
    r"\b(?:söker|letar\s+efter)\s+(?:nu\s+|därför\s+|också\s+|även\s+)?(?:dig|en|ett|någon|"
    r"personer|medarbetare)\s+(?:\w+\s+){0,2}med\b|"
    r"\bdu\s+som\s+söker\s+(?:har|ska|bör|är|behöver|kan)\b|\brätt\s+person\b|"
    r"\bden\s+(?:vi\s+söker|sökande)\b|\bsökande\s+(?:ska|bör|har|är)\b|"
    r"\b(?:rätta|idealiska|perfekta|ideala)\s+(?:kandidaten|personen|sökanden)\b|"
    r"\bvår\s+(?:nya\s+)?(?:kollega|medarbetare)\s+(?:har|är|kan)\b|"
    r"\blooking\s+for\s+(?:someone|a|an|candidates?|people|you)\b|\bideal\s+candidate\b|"
    r"\byou\s+(?:will\s+)?bring\b|\byou\s+should\s+(?:have|be)\b", _F)
# The strongest of those: a description of the person asked for, which ends a list of merits.
_PERSON = re.compile(
    r"\bvi\s+(?:söker|behöver)\s+(?:nu\s+|därför\s+|också\s+|även\s+)?dig\s+som\b|"
    r"\bdu\s+är\b(?!\s+(?:med\s+(?:och|i|på)|ansvarig)\b)|\bdig\s+som\s+(?:är|har|kan)\b|"
    r"\byou\s+are\b|\bdu\s+som\s+söker\s+(?:är|ska\s+vara|bör\s+vara)\b|"
    r"\bvi\s+tror\s+(?:också\s+|även\s+)?att\s+du\b|\bletar\s+efter\s+dig\s+som\b|"
    r"\bsom\s+person\b(?!\s+(?:med|som))|"
    r"\bwe\s+(?:believe|think)\s+(?:that\s+)?you\b|\bperson\s+är\s+du\b|"
    r"\bpersonliga\s+egenskaper\b|\begenskaper\b|"
    r"\bpersonal\s+(?:qualities|qualifications|attributes|characteristics)\b|"
    r"\bpersonlighet\b", _F)
_NEUTRAL_HEADING = re.compile(
    r"^\s*(?:vi\s+erbjuder|vad\s+(?:vi\s+)?erbjuder(?:\s+vi)?|du\s+erbjuds|"
    r"vi\s+(?:kan\s+)?erbjuda|(?:här|hos\s+oss)\s+får\s+du|vad\s+du\s+får|what\s+you\s+get|"
    r"ansökningsprocess\w*|låter\s+det\s+intressant|har\s+du\s+frågor|bra\s+att\s+veta|"
    r"good\s+to\s+know|(?:övrig|praktisk)\s+information|"
    r"om\s+(?:oss|företaget|bolaget|verksamheten|arbetsplatsen|tjänsten|jobbet|arbetet|"
    r"rollen|kursen|utbildningen|\w*processen|ansökan|rekryteringen)|arbetsuppgifter|"
    r"dina\s+arbetsuppgifter|"
    r"om\s+arbetsgivaren|ansökan|"
    r"what\s+we\s+offer|about\s+us|about\s+the\s+(?:role|job|company)|förmåner|benefits|"
    r"anställningsform|anställningsvillkor|villkor|lön|övrigt|kontakt|"
    r"what\s+you(?:\s+will|'ll)\s+do|your\s+(?:role|responsibilities|tasks)|responsibilities|"
    r"how\s+to\s+apply|the\s+role|"
    r"arbetstid\w*|tillträde|placering|kursinnehåll|innehåll|lärande\s+i\s+arbete|lia|apl|praktik|pris|kostnad|"
    r"studietakt|omfattning)\b", _F)
# "Det här erbjuder vi dig", "Vad kan Mecenat erbjuda dig?": what the employer offers ("offert"
# is a quote, not an offer)
_OFFER = re.compile(r"\berbjud\w*|\boffers?\b|\bförmån\w*|\bbenefits?\b|\bperks\b", _F)
# A sentence of its own about the terms: "Vi erbjuder kollektivavtal och friskvårdsbidrag."
_OFFER_SENTENCE = re.compile(
    r"\W{0,3}(?:vi\s+(?:kan\s+)?erbjuder|vi\s+kan\s+erbjuda|du\s+erbjuds|"
    r"hos\s+oss\s+får\s+du|we\s+offer)\b", _F)
_OFFER_FIRST = frozenset("vVdDhHwW-–•*")  # what such a sentence can start with
# A sentence about the application: "I denna rekrytering samarbetar vi med …", "Urval sker
# löpande", "Sista ansökningsdag är …" (often right after the requirements, with no heading)
_APPLICATION_SENTENCE = re.compile(
    r"\W{0,3}(?:i\s+(?:denna|den\s+här)\s+rekrytering\w*|urval(?:et)?\s+(?:och\s+"
    r"intervjuer\s+)?sker|sista\s+ansökningsdag|välkommen\s+med\s+din\s+ansökan|"
    r"skicka\s+(?:in\s+)?din\s+ansökan|ansök\s+senast)\b", _F)
_APPLICATION_FIRST = frozenset("iIuUsSvVaA-–•*")
# "Om ShortLink", "About Acme": the employer by name (case matters: "Om dig" is the person)
_ABOUT_EMPLOYER = re.compile(
    r"\s*(?:Om|OM|About|ABOUT)\s+(?!(?:[Dd]ig|[Dd]u|[Yy]ou|DIG|DU|YOU)\b)[A-ZÅÄÖ0-9]")
# In a course text what it contains is what you learn; who may apply, a prerequisite.
_COURSE_OUTCOME_HEADING = re.compile(
    r"^\s*(?:(?:kurs|utbildnings)?innehåll|(?:utbildningens|kursens|programmets)\s+innehåll|"
    r"vad\s+(?:innehåller|lär\s+du\s+dig)|det\s+här\s+lär\s+du\s+dig|(?:ingående\s+)?kurser\b|"
    r"efter\s+(?:utbildningen|kursen|programmet)|yrkesroller|framtida\s+yrken|"
    r"jobbmöjligheter)", _F)
_COURSE_PREREQUISITE_HEADING = re.compile(
    r"^\s*(?:vem\s+kan\s+(?:söka|gå|läsa)|för\s+att\s+(?:söka|antas|gå)|antagning|"
    r"särskild\s+behörighet)", _F)
_HEADING_MAX = 70
_LEAD_IN_MAX = 160  # "Vi tror att du har några års erfarenhet … och att du har jobbat med:"
_TOPIC_WORDS = 4  # "Språk:", "Utbildning och erfarenhet"
_PROSE_WORDS = 8  # a line this long ending in "." after a blank line is a paragraph
_CUE_HEADING_WORDS = 7
# cues that make a line of its own after a blank line (naming no concept) a heading
_HEADING_CUES = frozenset(("profile", "person", "meriting", "required"))
_SECTION_WORDS = 3  # "Meriterande:", "Det är meriterande:" head a section; longer lines lead in
# ... and so does a line that speaks to the applicant, however short ("Du ska:", "Du:")
_ADDRESSED_LEAD_IN = re.compile(r"\W{0,3}(?:vi\s+vill\s+att\s+)?du\b", _F)
# A heading that names requirements by a compound ("Behörighetskrav", "Skallkrav", "Grundkrav")
# has no cue word at a word start, where cues are looked for.
_REQUIREMENT_HEADING = re.compile(r"\w(?:krav|kvalifikationer)\b", _F)


def _is_heading(line: str) -> bool:
    stripped = line.strip()
    if not 0 < len(stripped) <= _LEAD_IN_MAX:
        return False
    last = stripped[-1]
    if len(stripped) > _HEADING_MAX:
        return last == ":"
    # "Vem är du?", "Vad erbjuder vi?": a short question on its own line heads a section
    # (a short line in lower case is a list item or a clause: "gärna PyTorch")
    return last == ":" or (last not in ".!" and not stripped[0].islower()
                           and len(stripped.split()) <= 4)


def _in_first_paragraph(text: str, previous_end: int, start: int) -> bool:
    """Whether the sentence at `start` is on a line that follows a blank line, with only
    sentences of that line between the previous sentence's end and it."""
    if "\n\n" in text[previous_end:start]:
        return True
    line_start = text.rfind("\n", 0, start) + 1
    return line_start <= previous_end and text[max(0, line_start - 6):line_start].replace(
        " ", "").replace("\t", "").endswith("\n\n")


def _may_head_by_cue(line: str) -> bool:
    stripped = line.strip()
    return bool(stripped) and stripped[-1] not in ",;" and not stripped[0].islower() and \
        len(stripped.split()) <= _CUE_HEADING_WORDS


def _combined(*cues: tuple[str, re.Pattern[str]]) -> re.Pattern[str]:
    # Earlier alternatives win where two cues start at the same place: negation first. Every
    # cue starts a word; saying so up front lets the engine skip the inside of words fast.
    alternatives = "|".join(f"(?P<{name}>{rx.pattern})" for name, rx in cues)
    return re.compile(rf"(?<!\w)(?=\w)(?:{alternatives})", _F)


_COURSE_REQUIRED = re.compile(
    r"\bkrav\w*|\bkräv\w*|\bmåste\b|\bdu\s+(?:ska|behöver|bör)\s+(?:\w+\s+)?(?:ha|kunna|vara)\b|"
    r"\b(?:ska|behöver|bör)\s+du\s+(?:\w+\s+)?(?:ha|kunna)\b|\bvi\s+söker\s+dig\s+som\b", _F)
# What a job seeker says they lack: "Jag har inte körkort", "Körkort har jag inte", "saknar".
_CV_NEGATED = re.compile(
    r"\b(?:har|kan|pratar|talar|äger)\s+(?:jag\s+)?(?:inte|ej|inget|ingen|inga)\b|\bsaknar\b|"
    r"\bi\s+(?:do\s+not|don't|have\s+no)\b|\bno\s+experience\b|\butan\s+körkort\b", _F)
# One pass per text finds every cue; each is mapped to its sentence by position.
# Per kind, its cues in order of precedence where two start at the same place.
_CUE_PATTERNS: dict[str, tuple[tuple[str, re.Pattern[str]], ...]] = {
    "ad": (("not_required", _NOT_REQUIRED), ("negated", _NEGATED), ("meriting", _MERITING),
           ("required", _REQUIRED), ("person", _PERSON), ("profile", _PROFILE)),
    "course": (("negated", _NEGATED), ("prerequisite", _PREREQUISITE), ("outcome", _OUTCOME),
               ("entry", _COURSE_REQUIRED)),
    "cv": (("negated", _NEGATED), ("lacking", _CV_NEGATED)),
    "query": (("negated", _NEGATED),),
}
_CUES_BY_KIND: dict[str, re.Pattern[str]] = {
    kind: _combined(*cues) for kind, cues in _CUE_PATTERNS.items()}
# A sentence's own context, strongest cue first (a course's "entry" cue is a prerequisite).
_PRECEDENCE: dict[str, tuple[tuple[str, Context], ...]] = {
    "ad": (("negated", "negated"), ("meriting", "meriting"), ("not_required", "negated"),
           ("required", "required")),
    "course": (("negated", "negated"), ("prerequisite", "prerequisite"),
               ("outcome", "outcome"), ("entry", "prerequisite")),
    "cv": (("negated", "negated"), ("lacking", "negated")),
    "query": (("negated", "negated"),),
}


# The first word (or its start; with a space after it, the whole word) of every cue
# alternative above, per cue. Cues are tried only where one of these starts a word, found for
# the whole text in one Aho-Corasick pass; tests check that this gives the same contexts as
# trying every cue at every word start of every sentence.
CUE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "negated": ("inte ", "ej ", "inget ", "ingen ", "inga ", "krävs ", "behövs ", "erfordras ",
                "behöver ", "no ", "not ", "utan ", "kräver ", "do"),
    "not_required": ("inte ", "ej ", "inget ", "ingen ", "inga ", "not ", "no "),
    "outcome": ("efter", "du", "kursen", "utbildningen", "lärandemål", "kursens", "målet",
                "ska", "i", "kan", "leder", "lär", "får", "vi", "läser", "tränar", "övar",
                "programmet", "grundkursen", "delkursen", "tar", "blir", "vill", "utbildas",
                "avslutas", "ger", "förbereder"),
    "prerequisite": ("förkunskap", "behörighet", "antagningskrav", "för", "krav", "som",
                     "entry"),
    "meriting": ("merit", "ett ", "plus ", "önskvär", "fördel", "gärna", "bonus", "nice ",
                 "is ", "välkommet", "ser ", "det ", "helst", "preferably", "beneficial",
                 "advantage", "underlättar", "desir", "preferred", "an ", "would ", "great ",
                 "good ", "väger ", "bra ", "som ", "är ", "vore ", "extra ", "stor", "ses ",
                 "kul ", "roligt ", "jättebra ", "toppen ", "ideally"),
    "required": ("krav", "kräv", "du ", "måste", "obligatorisk", "förutsätt", "nödvändig",
                 "ett ", "must", "require", "skall ", "erfordra", "kvalifikation",
                 "qualifications", "behöver ", "för ", "vi ", "detta ", "det ", "behövs "),
    "entry": ("krav", "kräv", "måste", "du", "ska", "behöver", "bör", "vi"),
    "lacking": ("har", "kan", "pratar", "talar", "äger", "saknar", "i", "no", "utan"),
    "profile": ("vi ", "du ", "you ", "för ", "din ", "vem ", "om ", "har ", "är ", "who ",
                "about ", "your ", "what ", "vad ", "dig ", "söker ", "letar ", "rätt ",
                "den ", "sökande ", "rätta ", "idealiska ", "perfekta ", "ideala ", "vår ",
                "looking ", "ideal "),
    "person": ("vi ", "du ", "you ", "we ", "person ", "personliga ", "personlighet",
               "egenskaper", "personal ", "dig ", "letar ", "som "),
}


def _trigger_automaton(kind: str) -> ahocorasick.Automaton:
    """Each trigger word → (its length with the leading space, the bit mask of the kind's
    cues it may start)."""
    masks: dict[str, int] = {}
    for bit, (cue, _) in enumerate(_CUE_PATTERNS[kind]):
        for word in CUE_TRIGGERS[cue]:
            masks[word] = masks.get(word, 0) | 1 << bit
    automaton = ahocorasick.Automaton()
    for word, mask in masks.items():
        automaton.add_word(" " + word, (len(word) + 1, mask))
    automaton.make_automaton()
    return automaton


_TRIGGERS = {kind: _trigger_automaton(kind) for kind in _CUE_PATTERNS}
# (kind, mask) → the combined pattern of just those cues: a word starts few of them, and
# trying only those is what a match of all of them would find there, faster
_MASKED_PATTERNS: dict[tuple[str, int], re.Pattern[str]] = {}


def _masked_pattern(kind: str, mask: int) -> re.Pattern[str]:
    pattern = _MASKED_PATTERNS.get((kind, mask))
    if pattern is None:
        pattern = _MASKED_PATTERNS[kind, mask] = _combined(
            *(cue for bit, cue in enumerate(_CUE_PATTERNS[kind]) if mask >> bit & 1))
    return pattern


def _cues(text: str, folded: str, sentences: list[tuple[int, int]], kind: Kind,
          scanned: list[bool]) -> dict[int, set[str]]:
    triggers = _TRIGGERS[kind]
    patterns = _MASKED_PATTERNS  # (kind, mask) → pattern, looked up here: once per trigger
    padded = " " + folded + " "  # padded[i] is the character before text[i]
    found: dict[int, set[str]] = {}
    for i, (start, end) in enumerate(sentences):
        if not scanned[i]:
            continue
        # triggers whose leading space is at padded[start..end - 1]: words starting inside;
        # those of one position come one after the other (short before long)
        pending, mask = -1, 0
        # (up to the character after the sentence: a trigger's closing space, "… där det
        # behövs" ending a line)
        for trigger_end, (length, cues) in triggers.iter(padded, start, end + 2):
            position = trigger_end - length + 1  # the trigger's first letter in `text`
            if position == pending:
                mask |= cues
                continue
            if pending >= 0:
                _add_cue(found, i, text, pending, end,
                         patterns.get((kind, mask)) or _masked_pattern(kind, mask))
            pending, mask = position, cues
        if pending >= 0:
            _add_cue(found, i, text, pending, end,
                     patterns.get((kind, mask)) or _masked_pattern(kind, mask))
    return found


def _add_cue(found: dict[int, set[str]], sentence: int, text: str, position: int, end: int,
             pattern: re.Pattern[str]) -> None:
    m = pattern.match(text, position, end)
    if m is not None and m.lastgroup is not None and not (
            m.lastgroup == "meriting" and _disposition(text, position)):
        found.setdefault(sentence, set()).add(m.lastgroup)


# "en lagspelare som gärna hjälper", "du tar gärna initiativ": "gärna" after "som" or a verb
# says what the person likes doing; after "har", "ser", "vill" … it marks a merit. After an
# invitation to apply ("skicka gärna din ansökan") it is politeness.
_MERIT_VERBS = frozenset({"har", "är", "ser", "får", "bör", "kan", "ska", "vill"})
_INVITATIONS = frozenset({"kontakta", "skicka", "läs", "följ", "lägg", "ring", "sök", "besök",
                          "hör", "mejla", "maila", "ansök"})


def _disposition(text: str, position: int) -> bool:
    if text[position:position + 5].lower() != "gärna":
        return False
    before = text[max(0, position - 24):position].split()
    previous = before[-1].lower() if before else ""
    return previous == "som" or previous in _INVITATIONS or (
        previous.isalpha() and previous.endswith("r") and previous not in _MERIT_VERBS)


def sentence_contexts(text: str, sentences: list[tuple[int, int]], kind: Kind,
                      needed: set[int] | None = None, folded: str | None = None,
                      mentions: set[int] | None = None) -> list[Context]:
    """One context per sentence span. Cues are looked for only in headings and in the
    sentences in `needed` (those with hits; default all); the others just get their section's
    context. `folded` is `match_text(text)` when the caller has it; `mentions`, the sentences
    that mention a concept, when known."""
    count = len(sentences)
    headings = [False] * count
    # "What we are looking for", "Vi söker dig som har": longer, but a line of its own after a
    # blank line that names no concept and describes the person asked for heads a section
    cue_headings = [False] * count
    scanned = [True] * count if needed is None else [i in needed for i in range(count)]
    previous_end = 0
    for i, (start, end) in enumerate(sentences):
        # a span ending in . or ! is never a heading: most are told apart without a slice
        if (end - start <= _HEADING_MAX and text[end - 1] not in ".!") or (
                end - start <= _LEAD_IN_MAX and text[end - 1] == ":"):
            line = text[start:end]
            own_line = text[end:end + 1] in ("\n", "") and _may_head_by_cue(line)
            if _is_heading(line) or (own_line and (
                    _NEUTRAL_HEADING.match(line) or _OFFER.search(line))):
                # (a line of its own about the offer heads the terms at up to seven words:
                # "Det här erbjuder vi dig", "Vad vi kan erbjuda dig")
                headings[i] = scanned[i] = True
            elif own_line and (i == 0 or "\n\n" in text[previous_end:start]):
                cue_headings[i] = scanned[i] = True
        previous_end = end
    cues = _cues(text, folded if folded is not None else match_text(text), sentences, kind,
                 scanned)
    cue_pattern = _CUES_BY_KIND[kind]
    precedence = _PRECEDENCE[kind]
    section: Context = "neutral"
    lines_in_section = 0
    # A lead-in sentence ("Kunskaper i följande program är meriterande:") governs its list
    # only: the next heading without a cue of its own ("Språk:") returns to the section
    # around it. A short heading ("Meriterande:") heads a whole section.
    outer: Context | None = None
    out: list[Context] = []
    for i, (start, end) in enumerate(sentences):
        found = cues.get(i)
        heading = headings[i]
        mentioned = mentions is not None and i in mentions
        if mentioned:
            if heading and text[end - 1] not in ":?" and ":" not in text[start:end] and \
                    cue_pattern.match(text, start, end) is None:
                # "Swedish is a merit", "B-körkort krävs": a list item with its own verdict
                # ("Meriterande Driftchef Primärvården" starts with it: a heading)
                heading = False
        elif cue_headings[i] and found and not _HEADING_CUES.isdisjoint(found):
            # "Detta ser vi som ett plus", "What we are looking for", "Det här behöver du ha"
            heading = True
        own: Context | None = None
        if found:
            own = next((ctx for cue, ctx in precedence if cue in found), None)
        if heading and end - start > _HEADING_MAX and own is None and not (
                found and "person" in found):
            heading = False  # a long lead-in needs a clear cue ("har du all möjlighet att …:")
        if own is None and found and "person" in found and section == "meriting" and \
                lines_in_section and i and _in_first_paragraph(text, sentences[i - 1][1], start):
            # "Meriterande: - Kafka - AWS" and then a paragraph "Vi söker dig som är …" (or
            # "Dina personliga egenskaper är viktiga. Vi söker dig som är …"): the list has
            # ended, the paragraph (all of it) describes the person asked for
            own = "required"
            section, outer, lines_in_section = "required", None, 0
        if outer is not None and lines_in_section and not heading and \
                text[end - 1] in ".!" and "\n\n" in text[sentences[i - 1][1]:start] and \
                len(text[start:end].split()) >= _PROSE_WORDS:
            # a paragraph of prose after a lead-in's list is outside it; one that describes
            # the person ("Vi söker dig som är …") goes on describing them
            section, outer, lines_in_section = outer, None, 0
            if section == "neutral" and found and ("person" in found or "profile" in found):
                section = "required"
        lines_in_section += 1
        if heading:
            heads: Context | None = None
            from_cue = False
            if kind == "course" and _COURSE_OUTCOME_HEADING.search(text[start:end]):
                heads = "outcome"
            elif kind == "course" and _COURSE_PREREQUISITE_HEADING.search(text[start:end]):
                heads = "prerequisite"
            elif _NEUTRAL_HEADING.search(text[start:end]) or \
                    _ABOUT_EMPLOYER.match(text, start, end) or \
                    _OFFER.search(text, start, end):
                heads = "neutral"
            elif own is not None and own != "negated":
                heads, from_cue = own, True
            elif found and ("profile" in found or "person" in found):  # "Vem är du?"
                heads, from_cue = "required", True
            elif _REQUIREMENT_HEADING.search(text, start, end):
                heads = "prerequisite" if kind == "course" else "required"
            if heads is None and lines_in_section > 1 and (
                    outer is not None or section == "meriting") and not mentioned and \
                    (text[end - 1] == ":" or text[start:end].isupper()) and \
                    len(text[start:end].split()) <= _TOPIC_WORDS:
                # "Språk:", "PERSONLIGHET" after a list of merits or a lead-in's list: a new
                # topic of what is asked for (terms and benefits have neutral headings)
                heads = outer if outer not in (None, "neutral") else "required"
            if heads is not None:  # a short list line ("- Truckkort") heads nothing
                if from_cue and text[end - 1] == ":" and (
                        len(text[start:end].split()) > _SECTION_WORDS or
                        _ADDRESSED_LEAD_IN.match(text, start, end)):
                    # lead-ins in a row share the section around them
                    outer = section if outer is None else outer
                else:
                    outer = None
                section, lines_in_section = heads, 0
        if own is None and found and ("profile" in found or "person" in found) and \
                section == "neutral":
            own = "required"
        if own is None and kind == "ad" and section != "neutral" and \
                text[start] in _OFFER_FIRST and _OFFER_SENTENCE.match(text, start, end):
            own = "neutral"  # "Vi erbjuder kollektivavtal …" closing a list of requirements
        elif own is None and kind == "ad" and section != "neutral" and \
                text[start] in _APPLICATION_FIRST and \
                _APPLICATION_SENTENCE.match(text, start, end):
            own = "neutral"
        out.append(own or section)
    return out


# "Vi kräver ingen förkunskap, men har du erfarenhet av försäljning är det en fördel", "Du
# behöver inte vara teknikproffs, det räcker att du är nyfiken": a sentence that joins a
# negation and another verdict ("men", "but", ", det räcker", ", utan") holds two clauses
_BUT = re.compile(r",?\s+(?:men|but|däremot|however)\s+|,\s+(?:det\s+räcker|utan)\s+", _F)


def clause_context(text: str, start: int, end: int, position: int, kind: Kind
                   ) -> Context | None:
    """The context of the clause of sentence `text[start:end]` that holds `position`, when
    the sentence has clauses joined by "men" / "but" and that clause has a cue of its own."""
    lo, hi = start, end
    for joint in _BUT.finditer(text, start, end):
        if joint.end() <= position:
            lo = joint.end()
        elif joint.start() >= position:
            hi = joint.start()
            break
    if (lo, hi) == (start, end):
        return None
    found = {m.lastgroup for m in _CUES_BY_KIND[kind].finditer(text, lo, hi)
             if m.lastgroup is not None and not (
                 m.lastgroup == "meriting" and _disposition(text, m.start()))}
    own = next((ctx for cue, ctx in _PRECEDENCE[kind] if cue in found), None)
    if own is None and kind == "ad" and {"profile", "person"} & found:
        # "Du behöver inte vara teknikproffs, det räcker att du är nyfiken"
        return "required"
    return own


# "Du har B-körkort och gärna egen bil", "Du är självgående, men samarbetar också gärna":
# a second clause that says what would be nice, after a first that says what is asked
_PREFERENCE_JOINT = re.compile(r",?\s+(?:och|men|samt|and|but)(?:\s+\w+){0,2}?\s+"
                               r"(?:gärna|helst|preferably|ideally)\b", _F)
_EXPLICIT_MERIT = re.compile(r"merit|\bplus\b|fördel|önskvär|bonus|advantage|nice\s+to", _F)


def clause_before_a_preference(text: str, start: int, end: int, position: int, kind: Kind
                               ) -> Context | None:
    """"required" for a mention at `position` in the first clause of a sentence whose
    merit is only a preference in a clause after it, when that first clause asks for
    something itself ("Du har B-körkort och gärna traktorkort")."""
    joint = _PREFERENCE_JOINT.search(text, position, end)
    if joint is None or _EXPLICIT_MERIT.search(text, start, end):
        return None
    found = {m.lastgroup for m in _CUES_BY_KIND[kind].finditer(text, start, joint.start())}
    return "required" if {"required", "profile", "person"} & found else None


# "B-körkort är ett krav, och det är en fördel om du har BE", "Du talar svenska (engelska är
# ett plus)": a clause that asks for something, then a clause with the merit. Only joints that
# end a clause: "och" alone joins the items of a list as often.
_MERIT_JOINT = re.compile(r"\s*,\s*(?:(?:och|and|samt|men|but)\s+)?|\s*[(;]\s*|\s+[–-]\s+|"
                          r"(?:(?<=krav)|(?<=krävs)|(?<=måste))\s+(?:och|samt)\s+", _F)
# a clause that describes the applicant: "Du kommunicerar väl på svenska, och …"
_APPLICANT_FIRST = re.compile(r"\W*du\s+(?!får\b|kommer\b|erbjuds\b)\w+", _F)
# "Har du vidareutbildning inom X, Y eller Z är det ett plus": the merit's own condition
_CONDITION_FIRST = re.compile(r"\W*(?:har|kan|är|om|talar|pratar|if)\s+(?:du|you)\b", _F)


def clause_before_a_merit(text: str, start: int, end: int, position: int, kind: Kind
                          ) -> Context | None:
    """"required" for a mention at `position` in a clause that asks for something itself,
    when the sentence's merit is said only in a clause after it."""
    clause_start = start
    for before in _MERIT_JOINT.finditer(text, start, position):
        clause_start = before.end()
    joint = _MERIT_JOINT.search(text, position, end)
    if joint is None or not _EXPLICIT_MERIT.search(text, joint.end(), end) or \
            _EXPLICIT_MERIT.search(text, start, joint.start()) or \
            _CONDITION_FIRST.match(text, clause_start, joint.start()):
        return None
    found = {m.lastgroup for m in _CUES_BY_KIND[kind].finditer(text, clause_start,
                                                                joint.start())}
    if "meriting" in found or "negated" in found or "not_required" in found:
        return None
    return "required" if {"required", "profile", "person"} & found or \
        _APPLICANT_FIRST.match(text, clause_start, joint.start()) else None
