"""Enrichment services: concepts with context in any text, and an ad's occupation group.

The lexicon and the occupation-group model are built from the taxonomy read model on first use
and rebuilt when the taxonomy index changes (a new import); both live in memory only.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Any, get_args

from sqlalchemy import Engine

from jobbnav.db import get_engine
from jobbnav.enrich.attributive import describes_a_thing
from jobbnav.enrich.context import (
    clause_before_a_merit,
    clause_before_a_preference,
    clause_context,
    sentence_contexts,
)
from jobbnav.enrich.disambiguate import choose_senses, domain_of, specialised
from jobbnav.enrich.english_titles import ENGLISH_TITLE_WORDS, is_english_title
from jobbnav.enrich.lexicon import LexEntry, Lexicon, build_lexicon
from jobbnav.enrich.local_concepts import ENGLISH_LANGUAGE_NAMES
from jobbnav.enrich.matcher import Match, find_matches
from jobbnav.enrich.model import (
    CONTEXTS,
    Enrichment,
    Hit,
    Kind,
    OccupationGroupGuess,
    make_hit,
)
from jobbnav.enrich.occupation_ranking import rank_occupations
from jobbnav.enrich.ssyk_classifier import GroupEvidence, OccupationGroupModel, build_group_model
from jobbnav.enrich.title_cues import title_phrases
from jobbnav.enrich.title_index import GENERIC_HEAD_GROUPS, TitleIndex
from jobbnav.enrich.tokenize import fold_surface, match_text, prepare_text, sentence_spans
from jobbnav.errors import InvalidInput, PayloadTooLarge
from jobbnav.settings import get_settings
from jobbnav.taxonomy import service as taxonomy
from jobbnav.taxonomy.index import TaxonomyIndex
from jobbnav.taxonomy.service import index as taxonomy_index

__all__ = ["AD_GROUPS", "MAX_TEXT_BYTES", "OCCUPATION_TYPES", "PLACE_TYPES",
           "SKILLS_ONLY_WHEN_ASKED", "enrich", "enrich_ad", "lexicon", "names_the_role",
           "warm_up"]

MAX_TEXT_BYTES = 1_000_000
MIN_CONFIDENCE = 0.5
UNDECIDED_ROLE_CONFIDENCE = 0.85  # as a label stripped of its ", qualifier"
# Strongest context first: a concept named as a requirement anywhere is required.
_CONTEXT_RANK = {c: i for i, c in enumerate(
    ("required", "prerequisite", "meriting", "outcome", "negated", "neutral"))}
PLACE_TYPES = ("municipality", "region", "country")
OCCUPATION_TYPES = ("occupation-name", "ssyk-level-4")
# Skills that an ad mostly names as terms of employment or as goods ("Vi erbjuder
# kollektivavtal och arbetskläder", "vi packar kläder"): a mention only when a requirement or
# a merit asks for them ("god kunskap om kollektivavtal").
SKILLS_ONLY_WHEN_ASKED = frozenset(("Kollektivavtal", "Kläder/Mode",
                                    # "en dynamisk och flexibel arbetsmiljö": the workplace
                                    "Arbetsmiljö (OHSAS 18001)",
                                    # "Vi erbjuder kompetensutveckling": a benefit, not HR work
                                    "Kompetensutveckling, personalarbete",
                                    # "Du planerar undervisningen", "arbeta med försäljning":
                                    # what the job is; experience of it only when asked for
                                    "Undervisning, erfarenhet", "Försäljning, erfarenhet",
                                    "Handläggning, erfarenhet",
                                    # "tjänstepension och försäkringar": a benefit
                                    "Försäkringar, personaladministration",
                                    # "kunder inom offentlig sektor", "I denna rekrytering
                                    # samarbetar vi med …": the employer's market and hiring
                                    "Offentlig förvaltning, erfarenhet", "Rekryteringsvana",
                                    # the employer's trade, workplace and ways: "vi hyr ut
                                    # personal inom lager och logistik", "på mottagningen",
                                    # "dokumentation sker i Lifecare", "vi är ISO-certifierade"
                                    "Logistik", "Dokumentation", "Vårdavdelning/Mottagning",
                                    "Kundtjänst", "Marknadsföring/PR", "Övervakning",
                                    "Ledningssystem (ISO 9000-serien)",
                                    "Miljöledning (ISO 14000-serien)", "Coaching/Coachning",
                                    "Hälso- och sjukvård, områdeskunskap",
                                    "Funktionsnedsättning, omsorgserfarenhet",
                                    "Arbetsgrupp, erfarenhet", "Affärssystem, erfarenhet",
                                    "Pendeltåg", "Butiksvana, fackhandel",
                                    "Butiksvana, dagligvaror"))
# Qualifiers of skills that are leading others in a subject → words a text about that has.
_LEADING_A_SUBJECT = {"cirkelledning": ("cirkel", "studieförbund"),
                      "tränare": ("tränare", "coach", "träna"),
                      "instruktör": ("instruktör", "instruera", "instruerar")}
# enrich_ad's output groups (JobAd Enrichments names) → concept types.
AD_GROUPS: dict[str, tuple[str, ...]] = {
    "occupations": OCCUPATION_TYPES,
    "competencies": ("skill",),
    "traits": ("trait",),
    "geos": PLACE_TYPES,
    "languages": ("language",),
    "driving_licences": ("driving-licence",),
}


@dataclass(frozen=True)
class _State:
    index: TaxonomyIndex
    lexicon: Lexicon
    groups: OccupationGroupModel | None


_lock = threading.Lock()
_states: dict[str, _State] = {}


def _state(engine: Engine | None) -> _State:
    engine = engine or get_engine()
    idx = taxonomy_index(engine)
    key = str(engine.url)
    state = _states.get(key)
    if state is not None and state.index is idx:
        return state
    with _lock:
        state = _states.get(key)
        if state is None or state.index is not idx:
            lex = build_lexicon(idx)
            shared = get_settings().shared_data_dir
            state = _State(idx, lex, build_group_model(idx, lex.groups_of, shared))
            _states[key] = state
        return state


def lexicon(engine: Engine | None = None) -> Lexicon:
    return _state(engine).lexicon


def group_model(engine: Engine | None = None) -> OccupationGroupModel | None:
    return _state(engine).groups


def warm_up() -> None:
    _state(None)


def _check(text: object, field: str) -> str:
    if not isinstance(text, str):
        raise InvalidInput(f"{field} must be text", field=field)
    # at most 4 UTF-8 bytes a character: only long texts need encoding to be measured
    if len(text) > MAX_TEXT_BYTES or (len(text) * 4 > MAX_TEXT_BYTES and len(
            text.encode("utf-8", "surrogatepass")) > MAX_TEXT_BYTES):
        raise PayloadTooLarge(f"{field} is larger than {MAX_TEXT_BYTES:,} bytes; split it",
                              field=field)
    return text


# Words before "som" that make the occupation after it the job on offer, not experience
# asked for: "arbeta som personlig assistent" (but "erfarenhet som systemadministratör").
_ROLE_WORDS = frozenset(("arbeta", "arbetar", "jobba", "jobbar", "tjänstgöra", "anställd",
                         "anställning", "tjänst", "tjänsten", "roll", "rollen", "extrajobb",
                         "sommarjobb", "börja", "bli"))


# "Vi söker nu en erfaren lagerarbetare med truckkort", "We are looking for a Data Engineer":
# the occupation asked for is the job on offer; what follows "med" is asked of the person.
_SOUGHT = re.compile(
    r"(?:^|\s)(?:söker|letar efter|anställer|rekryterar|looking for|hiring)\s+"
    r"(?:vi\s+)?(?:nu\s+|därför\s+|också\s+|även\s+)?"  # "Nu söker vi en …"
    r"(?:en|ett|två|tre|fyra|fem|flera|fler|några|nya|a|an|\d+)\s+"
    r"(?:(?!(?:med|with|som|as|av|of|inom|within|i|in)\s)[\w-]+\s+){0,5}$")
_SOUGHT_REACH = 60
# a cheap first look for what `names_the_role` needs before a title
_ROLE_CUES = ("söker", "letar", "anställer", "rekryterar", "looking", "hiring", "som ", "Som ")
# A person's name (or the placeholder of one) right after a title: "försäljningschef Martin
# Åberg", "ansvarig rekryterare [namn]"
_PERSON_NAMED = re.compile(r"[ \t]+(?:\[namn\]|[A-ZÅÄÖ][a-zåäöéü]+[ \t]+[A-ZÅÄÖ][a-zåäöéü]+)")


def names_the_role(text: str, folded: str, start: int) -> bool:
    """Whether an occupation at `start` names the job itself: "Som lärare hos oss …",
    "arbeta som personlig assistent", "i rollen som projektledare", "vi söker en kock"."""
    if not folded.endswith("som ", 0, start) or (start > 4 and folded[start - 5] != " "):
        return _SOUGHT.search(folded, max(0, start - _SOUGHT_REACH), start) is not None
    if text[start - 4] == "S":  # "Som X …" opening a sentence
        return True
    before = folded[max(0, start - 20):start - 4].split()
    return bool(before) and before[-1] in _ROLE_WORDS


# "socionomexamen eller annan relevant högskoleutbildning", "civilekonomexamen eller
# motsvarande akademisk utbildning": another degree in place of the one named
_FALLBACK_DEGREE = re.compile(r"\w+examen eller (?:annan|motsvarande) (?:relevant )?$")
# Knowledge of goods and materials: "Bilar, produktkunskap", "Aluminium, materialkunskap";
# and labels of goods without a qualifier ("hanterar läkemedel enligt delegering", "kör
# livsmedel åt butikerna" name what is handled, not knowledge of the trade)
_GOODS_QUALIFIERS = frozenset(("produktkunskap", "materialkunskap"))
_GOODS = frozenset(("Läkemedel/Sjukvårdsprodukter", "Livsmedel"))
_KNOWLEDGE_CUE = re.compile(
    r" (?:\w*kunskap\w*|kännedom|intresse\w*|intresserad\w*|kunnig\w*|passion\w*|"
    r"känner till|koll på|knowledge|interest\w*|passionate) ")


# Colleagues and partners are no occupation the ad asks for or offers: "i nära samarbete med
# undersköterskor och läkare", "ett team av sjuksköterskor, fysioterapeuter …", "samverkan med
# skola, polis och BUP", "ca 70 medarbetare – undersköterskor, …" (in the folded text)
_COLLEAGUES = re.compile(
    r"\b(?:(?:samarbete|samarbetar|samarbeta|samverkan|samverkar|samverka|tillsammans|team|"
    r"teamet|vårdlag|vårdlaget|arbetslag|arbetslaget|stöd|kontakt|dialog)(?: +\w+){0,2}? +"
    r"(?:med|av)|består +av|bestående +av|medarbetare {2,}\S)")
_COLLEAGUE_REACH = 120
# someone the job seeker will have around, or may become: "din teamledare", "vår
# specialpedagog", "möjligheter att utvecklas till teamledare"
_AROUND_OR_AHEAD = re.compile(
    r"(?:\b(?:din|ditt|dina|vår|vårt|våra|er|ert|era|your|our)|\butvecklas +(?:\w+ +){0,2}?till|"
    r"\bavancera +(?:\w+ +){0,2}?till) +(?:\w+ +)?$")
# A neutral sentence of an ad naming this many occupations lists the workplace's staff ("Här
# arbetar specialistläkare, distriktssköterskor, fysioterapeuter och kuratorer", "en klinik
# med tre tandläkare, en tandhygienist och fyra tandsköterskor"), not the job
STAFF_LIST_MIN = 3


# (but a staffing agency's "Vi söker sjuksköterskor, undersköterskor och läkare" offers them)
_HIRING = re.compile(r"\b(?:söker|letar|anställer|rekryterar|looking|hiring|seeking)\b")


def _staff_lists(kept: list[tuple[Match, LexEntry, float, int]], contexts: Sequence[str],
                 folded: str, sentences: list[tuple[int, int]]) -> frozenset[int]:
    """The neutral sentences that name at least `STAFF_LIST_MIN` occupations and hire none."""
    named: dict[int, set[str]] = {}
    for _, entry, _, sentence in kept:
        if entry.concept_type in OCCUPATION_TYPES and sentence >= 0 and \
                contexts[sentence] == "neutral":
            named.setdefault(sentence, set()).add(entry.concept_id)
    return frozenset(s for s, ids in named.items() if len(ids) >= STAFF_LIST_MIN
                     and not _HIRING.search(folded, *sentences[s]))


# The police as an authority, not police officers: "utdrag ur polisens belastningsregister"
_AUTHORITIES = frozenset(("polisen", "polisens"))


_EXPERIENCE_LABEL = ", erfarenhet"
_EXPERIENCE_CUE = re.compile(r"\b(?:erfarenhet\w*|erfaren|vana|van|arbetat|jobbat|experience)\b"
                             r"(?: +\w+){0,4} +$")


def _is_definite(surface: str, label: str) -> bool:
    """"undervisningen" of "Undervisning, erfarenhet": the label's noun in its definite form."""
    noun = label.split(",", 1)[0].lower()
    return surface != noun and surface in (noun + "en", noun + "et", noun + "n", noun + "t")


def _someone_else(clean: str, folded: str, match: Match, sentence_start: int) -> bool:
    """Whether an occupation an ad names in a neutral sentence is someone other than the
    person sought: a colleague, a boss, a contact person, a next step, the police."""
    start = match.start
    return folded[start:match.end] in _AUTHORITIES \
        or _PERSON_NAMED.match(clean, match.end) is not None \
        or _AROUND_OR_AHEAD.search(folded, max(sentence_start, start - 40), start) is not None \
        or _COLLEAGUES.search(folded, max(sentence_start, start - _COLLEAGUE_REACH),
                              start) is not None


# Words after an English language name that keep it the language: "Swedish and English",
# "Swedish is required", "Swedish language skills"; any other word makes it an adjective
_AFTER_A_LANGUAGE = frozenset((
    "and", "or", "is", "are", "as", "at", "in", "on", "to", "a", "an", "the", "with", "both",
    "language", "languages", "skills", "skill", "speaking", "speaker", "speakers",
    "proficiency", "fluency", "required", "preferred", "will", "would", "plus", "level",
    "written", "spoken", "orally", "fluently", "och", "eller", "samt"))
_NEXT_WORD = re.compile(r"[ \t]+([^\W\d_]+)")


def _names_a_thing(text: str, end: int) -> bool:
    """Whether the word after an English language name is what it describes ("company")."""
    after = _NEXT_WORD.match(text, end)
    return after is not None and after.group(1).lower() not in _AFTER_A_LANGUAGE


def _about_teaching(lexicon: Lexicon, folded: str,
                    senses: list[tuple[Match, LexEntry, float]]) -> bool:
    """A teacher is named ("lärare", "lärarlegitimation", "matematiklärare") or an occupation
    of the teaching professions (SSYK 23) is found."""
    if "lärar" in folded:
        return True
    return any(lexicon.field_of.get(group) == "23" for _, entry, _ in senses
               if entry.concept_type == "occupation-name"
               for group in lexicon.groups_of.get(entry.concept_id, ()))


def _prefers(folded: str, start: int, end: int) -> bool:
    """Whether a sentence has a word of preference (a plain search: most have none)."""
    return folded.find("gärna", start, end) >= 0 or folded.find("helst", start, end) >= 0 \
        or folded.find("prefera", start, end) >= 0 or folded.find("ideally", start, end) >= 0


# The verb of a sentence that hires (in the folded text)
_HIRING = re.compile(r"\b(?:söker|behöver|förstärka|förstärker|anställa|anställer|rekryterar|"
                     r"tar +in|looking +for|hiring|seeking)\b")
# How ads describe the applicant's command of a language (in the folded text)
_PROFICIENCY = re.compile(
    r"\b(?:tal +och +skrift|skrift +och +tal|written +and +spoken|spoken +and +written|"
    r"uttrycka +dig|uttrycker +dig|gör +dig +förstådd|göra +dig +förstådd|kommunicera +på|"
    r"kommunicerar +på|communicate +in|fluent +in|flytande +på|obehindrat|"
    # "Du behöver prata och förstå svenska", "Du skriver och pratar bra svenska"
    r"du +(?:behöver +|ska +|bör +|måste +|kan +)?(?:prata|pratar|tala|talar|skriva|skriver|"
    r"förstå|förstår)(?: +och +(?:prata|pratar|tala|talar|skriva|skriver|förstå|förstår))?)\b")


def _hits(state: _State, text: str, kind: Kind, sentence_offset: int,
          undecided: list[tuple[tuple[str, ...], int]] | None = None,
          extra_domain: Counter[str] | None = None, unasked: list[str] | None = None
          ) -> tuple[list[Hit], list[tuple[int, int]]]:
    """The text's hits and sentence spans. `undecided` collects, per occupation title too
    ambiguous to be a hit ("undersköterska" with nothing around it to tell its senses apart),
    its senses and where it stands; `unasked`, the skills an ad names but does not ask for
    (`SKILLS_ONLY_WHEN_ASKED` in a neutral sentence): no hits, but still the ad's field."""
    clean = prepare_text(text)
    folded = match_text(clean)
    sentences = sentence_spans(clean)
    matches = find_matches(state.lexicon, clean, folded, lower_case_places=kind == "query")
    senses = choose_senses(state.lexicon, matches, folded, extra_domain, clean)
    # Senses come sorted by start: walk the sentences alongside instead of a search per hit.
    kept: list[tuple[Match, LexEntry, float, int]] = []
    starts = [s for s, _ in sentences]
    sentence, count = -1, len(starts)
    teaching: list[bool] = []  # whether the text is about teaching, found on first need
    for match, entry, confidence in senses:
        if undecided is not None and confidence < MIN_CONFIDENCE and \
                entry.concept_type == "occupation-name" and not match.compound:
            candidates = tuple(e.concept_id for e in state.lexicon.entries[match.key_id]
                               if e.concept_type == "occupation-name")
            if len(candidates) > 1:
                undecided.append((candidates, match.start))
        if confidence < MIN_CONFIDENCE or (
                entry.concept_type == "trait" and describes_a_thing(clean, match.start, match.end)):
            continue
        if entry.concept_type == "language" and folded[match.start:match.end] in \
                ENGLISH_LANGUAGE_NAMES and _names_a_thing(clean, match.end):
            continue  # "a Swedish company", "the Swedish Protective Security Act"
        if entry.origin in ("stripped", "inflection") and "undervisning" in entry.qualifier:
            # "svenska som andraspråk" in a course or a CV is the subject, not "Svenska som
            # andraspråk, undervisning grundskola": teaching it needs a text about teaching
            if not teaching:
                teaching.append(_about_teaching(state.lexicon, folded, senses))
            if not teaching[0]:
                continue
        elif entry.origin in ("stripped", "inflection") and entry.qualifier in _LEADING_A_SUBJECT \
                and not any(word in folded for word in _LEADING_A_SUBJECT[entry.qualifier]):
            # "Bakning, cirkelledning" is leading a study circle in baking: a cook's "bakning"
            # is not it, nor is "vi spelar fotboll" "Fotboll, tränare"
            continue
        while sentence + 1 < count and starts[sentence + 1] <= match.start:
            sentence += 1
        goods = entry.label in _GOODS or (entry.qualifier in _GOODS_QUALIFIERS
                                          and entry.origin in ("stripped", "inflection"))
        if goods and not _KNOWLEDGE_CUE.search(
                    folded,  # (from the space before the sentence)
                    max(0, starts[sentence] - 1) if sentence >= 0 else 0,
                    sentences[sentence][1] + 1 if sentence >= 0 else match.end + 1):
            # "moderna lastbilar", "vara på golvet", "livsmedelsindustrin": the goods an
            # employer has or serves; knowing them is "kunskap om bilar", "intresse för vin"
            continue
        kept.append((match, entry, confidence, sentence))
    kept = _without_material_in_a_language(kept, folded)
    needed = {sentence for *_, sentence in kept}
    contexts = sentence_contexts(clean, sentences, kind, needed, folded,
                                 mentions=needed) if needed else []
    staff_lists = _staff_lists(kept, contexts, folded, sentences) if kind == "ad" \
        else frozenset()
    # concept id → [entry, (start, end) of its strongest mention, spans, confidence, context,
    # sentence, misspelled]; Hit objects are made once per concept at the end.
    merged: dict[str, list[Any]] = {}
    rank = _CONTEXT_RANK
    preferring: dict[int, bool] = {}  # per sentence: has it a word of preference
    for match, entry, confidence, sentence in kept:
        # where a job is, or where the employer has colleagues, is no requirement on the
        # candidate: "… är ett krav eftersom vi har kollegor i Finland"
        context = contexts[sentence] if sentence >= 0 and \
            entry.concept_type not in PLACE_TYPES else "neutral"
        if context == "negated" and kind == "ad":
            # "Ingen erfarenhet krävs, men truckkort är meriterande": the clause's own verdict
            # (a course's "inget krav för att antas, men arbetsgivare kräver körkort" is about
            # two requirements, the admission's and the employers')
            context = clause_context(clean, *sentences[sentence], match.start, kind) or context
        if context == "meriting" and kind == "ad" and (
                preferring[sentence] if sentence in preferring else
                preferring.setdefault(sentence, _prefers(folded, *sentences[sentence]))):
            context = clause_before_a_preference(clean, *sentences[sentence], match.start,
                                                 kind) or context
        if context == "meriting" and kind == "ad":
            context = clause_before_a_merit(clean, *sentences[sentence], match.start,
                                            kind) or context
        if kind == "ad" and context == "neutral" and entry.concept_type == "language" and \
                sentence >= 0 and _PROFICIENCY.search(folded, *sentences[sentence]):
            # "Du uttrycker dig väl på svenska i tal och skrift": a language described as the
            # applicant's command of it is asked for, whatever the section
            context = "required"
        if kind == "ad" and context == "neutral" and entry.concept_type == "trait" and \
                sentence >= 0 and _HIRING.search(folded, sentences[sentence][0], match.start):
            # "Vi söker en driven säljare", "… en barnskötare som är pedagogisk": the trait is
            # the person hired
            context = "required"
        role = False
        if kind == "ad" and context != "negated" and entry.concept_type in \
                OCCUPATION_TYPES and ((role := names_the_role(clean, folded, match.start))
                                      or _PERSON_NAMED.match(clean, match.end)):
            # the role on offer, or the title of a person named ("kontakta HR-chef Lena Ek")
            context = "neutral"
        if kind == "ad" and context == "neutral" and entry.concept_type in OCCUPATION_TYPES \
                and ((sentence in staff_lists and not role)
                     or _someone_else(clean, folded, match, sentences[sentence][0]
                                      if sentence >= 0 else 0)):
            continue
        if kind != "cv" and entry.label.endswith(_EXPERIENCE_LABEL) and _is_definite(
                folded[match.start:match.end], entry.label) and not _EXPERIENCE_CUE.search(
                    folded, max(0, match.start - 40), match.start):
            # "planera undervisningen", "ansvaret för försäljningen": in an ad or a course the
            # work itself, not experience of it ("erfarenhet av undervisning"); in a CV, what
            # the person did
            continue
        if "specialist" in entry.qualifier and entry.origin in ("stripped", "inflection") \
                and not specialised(folded):
            # "erfarenhet av akutsjukvård", "palliativ vård i hemmet": the field of care, not
            # the specialist nurse's or doctor's qualification in it
            continue
        if entry.label == "Högskoleexamen" and _FALLBACK_DEGREE.search(
                folded, max(0, match.start - 40), match.start):
            # "socionomexamen eller annan högskoleutbildning": the degree asked for is named
            continue
        if kind == "ad" and context == "neutral" and (
                entry.label in SKILLS_ONLY_WHEN_ASKED
                or entry.concept_id in state.lexicon.general_senses):
            # "Vi säljer via vår växande e-handel" is no one's experience of e-handel
            if unasked is not None:
                unasked.append(entry.concept_id)
            continue
        span = (match.start, match.end)
        known = merged.get(entry.concept_id)
        if known is None:
            merged[entry.concept_id] = [entry, span, [span], confidence, context, sentence,
                                        entry.misspelled]
            continue
        known[2].append(span)
        if confidence > known[3]:
            known[3] = confidence
        if rank[context] < rank[known[4]]:
            known[1], known[4], known[5] = span, context, sentence
        known[6] = known[6] and entry.misspelled
    hits = [make_hit(entry.concept_id, entry.concept_type, entry.label, text[term[0]:term[1]],
                     tuple(spans), confidence, context, sentence + sentence_offset, misspelled)
            for entry, term, spans, confidence, context, sentence, misspelled
            in merged.values()]
    return hits, sentences


# "all dokumentation är på svenska", "läsa teknisk dokumentation", "svenska, eftersom arbetet
# innebär dokumentation": what a language is needed for, not a skill asked for
_IN_A_LANGUAGE = re.compile(r" +(?:\w+ +){0,4}?(?:är|finns|sker|skrivs|is|are) +(?:\w+ +){0,2}?"
                            r"(?:på|in) +(?:svenska|engelska|båda|english|swedish|both)\b")
_READ = re.compile(r"\b(?:läsa|läser|read|förstå|understand) +(?:\w+ +){0,2}$")
_BECAUSE = re.compile(r"\b(?:eftersom|då|since|because)\b")


def _without_material_in_a_language(kept: list[tuple[Match, LexEntry, float, int]],
                                    folded: str) -> list[tuple[Match, LexEntry, float, int]]:
    language_ends = {sentence: match.end for match, entry, _, sentence in reversed(kept)
                     if entry.concept_type == "language"}  # the first language per sentence
    if not language_ends:
        return kept
    out = []
    for item in kept:
        match, entry, _, sentence = item
        if entry.concept_type == "skill" and sentence in language_ends and (
                _IN_A_LANGUAGE.match(folded, match.end)
                or _READ.search(folded, max(0, match.start - 40), match.start)
                or (language_ends[sentence] <= match.start
                    and _BECAUSE.search(folded, language_ends[sentence], match.start))):
            continue
        out.append(item)
    return out


def enrich(text: str, *, headline: str | None = None, kind: Kind = "ad",
           engine: Engine | None = None, predict_groups: bool = True,
           unseen_ads: Collection[str] = ()) -> Enrichment:
    """Concepts in `text` (and `headline`) with context; for ads, ranked occupation groups.

    Spans index into `text`; hits found only in the headline have `sentence_index` -1 and spans
    into `headline`. `predict_groups=False` skips the occupation-group model (the costlier half).
    `unseen_ads`: ids of labelled ads the group model must not learn from (honest evaluation).
    """
    text = _check(text, "text")
    headline = _check(headline, "headline") if headline is not None else None
    if kind not in get_args(Kind):
        raise InvalidInput(f"kind must be one of {', '.join(get_args(Kind))}", field="kind")
    state = _state(engine)
    undecided: list[tuple[tuple[str, ...], int]] = []
    head = _headline_hits(state, headline) if headline else []
    # the headline's job is the body's domain too: "MAG" in a welder's ad is the welding
    named = [h.concept_id for h in head if h.concept_type in OCCUPATION_TYPES]
    headline_domain = domain_of(state.lexicon, named) if named else None
    unasked: list[str] = []
    body, sentences = _hits(state, text, kind, 0, undecided, headline_domain, unasked)
    if kind == "ad":
        body = _the_advertised_job_is_no_requirement(body, head, text)
    in_body = {h.concept_id for h in body}
    if head and in_body:
        head = _senses_the_body_decided(state.lexicon, head, in_body)
    hits = body + [h for h in head if h.concept_id not in in_body]
    hits.sort(key=lambda h: (h.spans[0][0] if h.sentence_index >= 0 else -1, h.concept_id))
    guesses: tuple[OccupationGroupGuess, ...] = ()
    if predict_groups and state.groups is not None and kind in ("ad", "cv", "query") and (
            text.strip() or headline):
        head_found = head
        clean = prepare_text(text)  # as `_hits` saw it; spans index into both
        if not headline and kind == "ad":
            # an ad without a headline: the title its text announces stands in for one
            headline = title_phrases(clean)
            head_found = _headline_hits(state, headline) if headline else []
        elif kind == "ad" and headline and not any(
                h.concept_type in AD_GROUPS["occupations"] for h in head) and \
                not state.groups.titles.likelihood(headline).likelihood:
            # "Sommarjobb 2026", "Vi söker dig som älskar att hjälpa andra!": a headline that
            # names no job; the title the text announces is added to it
            announced = title_phrases(clean)
            if announced:
                headline = f"{headline} – {announced}"
                head_found = _headline_hits(state, headline)
        english = state.lexicon.english_names
        titles = state.groups.titles
        # an English title ("Data Engineer") reaches the group model through the title index,
        # as the Swedish titles it translates to: a translation does not name one occupation
        headline_text = prepare_text(headline or "")
        named_in_headline = [h for h in head_found
                             if _names_an_occupation(h, headline_text, english, titles)]
        if headline and is_english_title(match_text(headline).split()):
            # "System Administrator" is a "systemadministratör", not an "Administratör"
            compounds = titles.likelihood(headline).titles
            named_in_headline = [h for h in named_in_headline
                                 if not _closes_a_longer_title(h.term, compounds)]
        found = GroupEvidence(
            headline_occupations=tuple((h.concept_id, h.confidence) for h in named_in_headline),
            headline_terms=tuple(fold_surface(h.term) for h in named_in_headline),
            body_occupations=tuple((h.concept_id, h.confidence) for h in body
                                   if _names_an_occupation(h, clean, english, titles)),
            skills=(*(h.concept_id for h in body if h.concept_type == "skill"), *unasked),
            role_occupations=_role_occupations(body, clean, english, undecided),
            undecided_occupations=tuple(candidates for candidates, _ in undecided))
        guesses = tuple(state.groups.predict(headline or "", clean, found,
                                             exclude=unseen_ads))
    assert all(h.context in CONTEXTS for h in hits)
    return Enrichment(kind, tuple(hits), guesses, tuple(sentences))


def _names_an_occupation(hit: Hit, source: str, english: Collection[str],
                         titles: TitleIndex) -> bool:
    """Whether an occupation hit is evidence of the job: not an English word read as a Swedish
    title, and not a generic head closing a compound the taxonomy does not know
    ("Omsorgsassistent" is no "Personlig assistent": its first part says what the job is)."""
    if hit.concept_type not in AD_GROUPS["occupations"]:
        return False
    term = fold_surface(hit.term)
    if term in english:
        return False
    start = hit.spans[0][0]
    return not (start > 0 and source[start - 1].isalpha()
                and len(titles.head.get(term, ())) >= GENERIC_HEAD_GROUPS)


def _closes_a_longer_title(term: str, titles: Iterable[str]) -> bool:
    """Whether an English title word, read in Swedish, closes a longer title the title index
    found in the headline: "Administrator" in "System Administrator" → "systemadministratör"."""
    key = fold_surface(term)
    swedish = ENGLISH_TITLE_WORDS.get(key, key)
    return any(title != swedish and title.endswith(swedish) for title in titles)


# "erfarenhet som lagerarbetare", "arbetat som målare", "experience as a developer": the job
# itself asked for as experience
_EXPERIENCE_AS = re.compile(
    r"(?:erfarenhet|bakgrund|vana|arbetat|jobbat|varit verksam|tjänstgjort|experience|worked)"
    r"(?:\s+\w+){0,4}?\s+(?:som|as(?:\s+an?)?)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


def _the_advertised_job_is_no_requirement(body: list[Hit], head: list[Hit],
                                          text: str) -> list[Hit]:
    """The occupation an ad's headline names is what the ad offers: "Du är legitimerad
    arbetsterapeut" in its requirements asks for the licence, not for the job as a skill. It
    stays required where experience of it is asked for ("erfarenhet som målare"). So is an
    occupation the text names as the job on offer ("Nu söker vi en kyltekniker")."""
    advertised = {h.concept_id for h in head if h.concept_type in OCCUPATION_TYPES}
    out = []
    clean = folded = ""
    for hit in body:
        if hit.concept_type not in OCCUPATION_TYPES or hit.context not in (
                "required", "meriting"):
            out.append(hit)
            continue
        offered = hit.concept_id in advertised
        if not offered and any(cue in text[max(0, start - _SOUGHT_REACH):start]
                               for start, _ in hit.spans for cue in _ROLE_CUES):
            if not folded:
                clean = prepare_text(text)
                folded = match_text(clean)
            offered = any(names_the_role(clean, folded, start) for start, _ in hit.spans)
        if offered and not any(_EXPERIENCE_AS.search(text[max(0, start - 60):start])
                               for start, _ in hit.spans):
            hit = replace(hit, context="neutral")
        out.append(hit)
    return out


def _role_occupations(body: list[Hit], clean: str, english: frozenset[str],
                      undecided: list[tuple[tuple[str, ...], int]]
                      ) -> tuple[tuple[str, float], ...]:
    """Occupations the text names as the job on offer ("Vi söker nu en erfaren lagerarbetare",
    "arbeta som personlig assistent"). An undecided title there names one of its senses'
    groups, not knowing which: each gets the weight of a label stripped of its qualifier.
    `clean` is the text as `prepare_text` gives it."""
    occupations = [h for h in body if h.concept_type in AD_GROUPS["occupations"]
                   and fold_surface(h.term) not in english]
    if not occupations and not undecided:
        return ()
    folded = match_text(clean)
    out = [(h.concept_id, h.confidence) for h in occupations
           if any(names_the_role(clean, folded, start) for start, _ in h.spans)]
    for candidates, start in undecided:
        if names_the_role(clean, folded, start):
            out += [(cid, UNDECIDED_ROLE_CONFIDENCE) for cid in candidates]
    return tuple(out)


def _headline_hits(state: _State, headline: str) -> list[Hit]:
    head, _ = _hits(state, headline, "query", -1)
    head = [make_hit(h.concept_id, h.concept_type, h.preferred_label, h.term, h.spans,
                     h.confidence, "neutral", -1, h.misspelled) for h in head]
    if is_english_title(match_text(headline).split()):
        head = [h for h in head if _means_the_same_in_english(state.lexicon, h)]
    return head


def _senses_the_body_decided(lexicon: Lexicon, head: list[Hit], in_body: set[str]
                             ) -> list[Hit]:
    """The headline's hits without a sense of an ambiguous title whose other sense the body
    names: "Automationstekniker" over an ad that says "automationstekniker till vår
    tillverkningsindustri" is the manufacturing one the body, with its field around the word,
    found, not the headline's guess alone."""
    out = []
    for hit in head:
        if hit.concept_id not in in_body and hit.concept_type in OCCUPATION_TYPES:
            senses = {entry.concept_id for entry in lexicon.lookup(hit.term)
                      if entry.concept_type == hit.concept_type}
            if len(senses) > 1 and not senses.isdisjoint(in_body):
                continue
        out.append(hit)
    return out


def _means_the_same_in_english(lexicon: Lexicon, hit: Hit) -> bool:
    """In an English headline a Swedish title spelled like an English title word is read as
    English: "Chief Commercial Officer" names no "Officer" (military), "Researcher" is a
    "forskare", not the recruitment "Researcher"; "Administrator" stays "Administratör"."""
    key = fold_surface(hit.term)
    swedish = ENGLISH_TITLE_WORDS.get(key)
    if swedish is None or swedish == key:
        return True
    return any(entry.concept_id == hit.concept_id for entry in lexicon.lookup(swedish))


def _ad_text(ad: dict[str, Any]) -> tuple[str, str]:
    if not isinstance(ad, dict):
        raise InvalidInput("an ad must be a JSON object", field="ad")
    headline = ad.get("headline") or ""
    description = ad.get("description") or {}
    text = description.get("text") if isinstance(description, dict) else description
    if not isinstance(headline, str):
        raise InvalidInput("headline must be text", field="headline")
    if text is not None and not isinstance(text, str):
        raise InvalidInput("description.text must be text", field="description.text")
    return headline, text or ""


def _hit_item(hit: Hit, prediction: float) -> dict[str, Any]:
    return {"concept_id": hit.concept_id, "concept_label": hit.preferred_label,
            "concept_type": hit.concept_type, "term": hit.term, "prediction": prediction,
            "context": hit.context, "term_misspelled": hit.misspelled,
            "sentence_index": hit.sentence_index}


def enrich_ad(ad: dict[str, Any], *, engine: Engine | None = None) -> dict[str, Any]:
    """An ad in JobSearch shape → its concepts per group, JobAd Enrichments style."""
    headline, text = _ad_text(ad)
    result = enrich(text, headline=headline or None, kind="ad", engine=engine)
    out: dict[str, Any] = {group: [] for group in AD_GROUPS}
    for hit in sorted(result.hits, key=lambda h: -h.confidence):
        for group, types in AD_GROUPS.items():
            if hit.concept_type in types and group != "occupations":
                out[group].append(_hit_item(hit, hit.confidence))
    # occupations ranked by what the ad is for: the first is the best single guess
    ranked = rank_occupations(result, lexicon(engine).groups_of, lambda h: h.confidence)
    for r in sorted(ranked, key=lambda r: -r.prediction):
        out["occupations"].append(_hit_item(r.hit, r.prediction) if r.hit is not None else {
            "concept_id": r.concept_id, "concept_label": r.preferred_label,
            "concept_type": r.concept_type, "term": headline, "prediction": r.prediction,
            "context": "predicted", "term_misspelled": False, "sentence_index": -1})
    out["occupation_groups"] = [
        {"concept_id": g.concept_id, "concept_label": g.preferred_label,
         "ssyk_code": g.ssyk_code, "term": headline, "prediction": g.probability,
         "context": "neutral"} for g in result.occupation_groups]
    known = _group_of_stated_occupation(ad, engine)
    if known is not None:
        # The employer named the occupation: its group is a fact of the taxonomy, not a guess.
        out["occupation_groups"] = [known] + [
            g for g in out["occupation_groups"] if g["concept_id"] != known["concept_id"]]
    return out


def _group_of_stated_occupation(ad: dict[str, Any],
                                engine: Engine | None) -> dict[str, Any] | None:
    """The ssyk-level-4 group of the ad's own `occupation` (by concept id, else by label)."""
    occupation = ad.get("occupation")
    if not isinstance(occupation, dict):
        return None
    name = None
    concept_id = occupation.get("concept_id")
    if isinstance(concept_id, str) and concept_id:
        name = taxonomy.index(engine).concepts.get(concept_id)
    label = occupation.get("label")
    if name is None and isinstance(label, str) and label.strip():
        found = taxonomy.find_by_label(label, types=("occupation-name",), engine=engine)
        name = found[0] if len(found) == 1 else None
    if name is None or name.type != "occupation-name":
        return None
    for parent in taxonomy.neighbours(name.id, "broader", concept_type="ssyk-level-4",
                                      engine=engine):
        return {"concept_id": parent.id, "concept_label": parent.preferred_label,
                "ssyk_code": parent.codes.get("ssyk-code-2012"), "term": name.preferred_label,
                "prediction": 1.0, "context": "stated"}
    return None
