"""The enrichment lexicon: every surface form of every matchable concept, in one automaton.

Built from the taxonomy read model (labels, "/"-alternatives, labels without their ", qualifier",
ontology terms with their misspelling flag, keywords → the occupations/skills they point at),
plus generated Swedish inflections, and local driving-licence concepts when the taxonomy has none.
One automaton (`scanner`) holds both kinds of key, so a text is scanned once: " key " finds a
whole-word surface; a long surface that may close a compound is stored once, as "key ", which
finds it both as a whole word (a space before it) and as a compound head ("akutsjuksköterska" →
"sjuksköterska" when the compound itself is unknown). Values are (key id, may-be-a-compound-head,
key length, casing check bits): all the matcher needs per hit, without a look-up. `surfaces`
maps each stored key to its value for look-ups by key.
"""

from __future__ import annotations

import re
import time
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import NamedTuple

import ahocorasick_rs

from jobbnav.enrich.english_titles import ENGLISH_TITLE_WORDS
from jobbnav.enrich.inflect import inflected_forms, spoken_title_forms
from jobbnav.enrich.local_concepts import (
    EXTRA_SURFACES,
    LOCAL_SURFACES,
    driving_licence_concepts,
)
from jobbnav.enrich.tokenize import fold_surface, match_text
from jobbnav.taxonomy.index import TaxonomyIndex
from jobbnav.taxonomy.model import Concept

__all__ = ["EVERYDAY_WORD", "GENITIVE_PLACE", "MATCH_TYPES", "NEEDS_A_CAPITAL", "NEEDS_CAPITAL",
           "NEEDS_UPPER", "SYSTEM_KINDS", "LexEntry", "Lexicon", "SenseGroup", "build_lexicon",
           "field_acronym"]

# Concept types the matcher looks for (others, like SNI or SUN, are not mentioned in ads).
MATCH_TYPES = ("occupation-name", "skill", "trait", "language", "driving-licence",
               "municipality", "region", "country", "ssyk-level-4")
# Origin of a surface, best first: a key keeps only the entries of its best origin.
ORIGIN_RANK = {"label": 0, "alternative": 1, "term": 2, "keyword": 2, "stripped": 3,
               "inflection": 4}
ORIGIN_CONFIDENCE = {"label": 0.95, "alternative": 0.92, "term": 0.88, "keyword": 0.8,
                     "stripped": 0.85, "inflection": 0.85}
_GENERAL_QUALIFIER = "erfarenhet"
_MAX_STRIPPED_SENSES = 3  # "Verksamhetsledning, <50 domains>" is too vague to match bare
_HEAD_MIN_LEN = 6
# occupations named by a word that closes many compounds of a thing: "förvaltningsmodellen"
# and "styrmodellen" are no fashion model (a hyphenated "lagbas-modellen" is two words and still
# is: the whole word "modellen" is left as it was)
_OCCUPATIONS_ALSO_THINGS = frozenset(("modell",))
# words that close the names of other things: "Försäkringskassan", "a-kassan" are no till
_WHOLE_WORDS_ONLY = frozenset(("kassan",))
_ACRONYM_MAX = 5  # "CI", "COM", "BASIC": matched only when written in capitals
# Casing check bits in an automaton value: the first letter must be a capital / all capitals.
NEEDS_CAPITAL, NEEDS_UPPER, EVERYDAY_WORD, GENITIVE_PLACE, NEEDS_A_CAPITAL = 1, 2, 4, 8, 16
# Products the taxonomy spells in capitals but their makers and ads write as words ("Jira",
# "iOS", "Unix"): a capital anywhere will do; "jira" in lower case is not asked for
_PRODUCTS_WRITTEN_AS_WORDS = frozenset((
    "jira", "ios", "unix", "cisco", "take care",  # not "take care of our colleagues"
    # programming languages named by everyday words: "a profit-sharing scheme", "rust"
    "scheme", "rust", "swift", "dart", "ruby", "shell", "elm", "lingo", "prolog", "julia", "ada",
    "pascal", "scala", "smalltalk", "eiffel", "elixir", "angular", "lisp", "go"))
# qualifiers that say what kind of system a product is, not whose field it is
SYSTEM_KINDS = frozenset((
    "applikationsplattform", "affärssystem", "redovisningssystem", "databashanterare",
    "operativsystem", "integrationsplattform", "logistiksystem", "molnplattform",
    "versionshanteringssystem", "statistikprogram", "frågespråk", "hotellbokningssystem",
    "resebokningssystem", "bokningssystem", "tillverkningsprogram", "analysverktyg"))
_PAREN = re.compile(r"\s*\([^)]*\)")
_VENDOR = re.compile(r"^(?:ms|microsoft|adobe)\s+", re.IGNORECASE)
_IN_PARENTHESES = re.compile(r"\(([A-ZÅÄÖ][A-Za-zÅÄÖåäö0-9]{2,5})\)")
_AFTER_COMMA = re.compile(r"^(.+), ([A-ZÅÄÖ]{2,5})$")
_DEPUTY = re.compile(r"^Biträdande (\w.*)$")
# "Stf. butikschef", "Vice rektor": the deputy, whom the taxonomy names "Biträdande …"
DEPUTY_WORDS = ("ställföreträdande", "stf", "vice", "bitr")
_LEGITIMATION = re.compile(r"^Legitimation som ([a-zåäö]+)$")
_CODED = re.compile(r"^[A-ZÅÄÖ]{1,3} - (.{6,})$")  # "B - Begränsad auktorisation"
_CERTIFICATES = frozenset(("Yrkesbevis", "Utbildningsbevis", "Certifikat", "Behörighet",
                           "Behörighetsbevis", "Gesällbrev", "Mästarbrev", "Kompetensbevis",
                           "Licens", "Intyg"))
# "Tillverkningsindustri-Solid Works", "Allmänkonstruktion-AutoCAD": a category, a dash, the
# tool. A prefix that opens at least this many skill labels is such a category.
_CATEGORY_PREFIX = re.compile(r"^([A-ZÅÄÖ0-9][\wåäöÅÄÖ./-]*?)-(?=[A-ZÅÄÖ0-9])")
_CATEGORY_MIN_LABELS = 3
_SOFTWARE_VENDOR = re.compile(r"^(Adobe|Autodesk|Microsoft) (?=[A-Z0-9])")
# "CNC-programmering, Heidenhain": a category, then the vendor's system by its name
_CATEGORY_THEN_VENDOR = re.compile(r"^([^,]+), ([A-ZÅÄÖ][a-zåäö]+)$")
# Geography names are matched written with a capital letter ("Vara", "Mark", "Boden" are also
# words), except in search queries, which people type in lower case ("lärare göteborg"); there
# only the names that are everyday words still need the capital.
_NEEDS_CAPITAL = frozenset({"municipality", "region", "country"})
EVERYDAY_PLACE_WORDS = frozenset({"vara", "mark", "ale", "berg", "boden", "kil", "lund", "island",
                                  "kinda", "polen", "malta", "sala", "eda"})
# Everyday words that some concept has as a (stripped or alternative) surface: "Vi, texteditor",
# "El, kontaktledningssystem", "Miljö (Trafikverkets kravkurs)", "Medarbetare, dagligvaror".
# Matching them would be noise.
STOP_SURFACES = frozenset({
    "vi", "el", "man", "miljö", "miljöer", "verktyg", "data", "kommunikation", "mission",
    "performance", "modell", "modeller", "medarbetare", "engineer", "applikation",
    "applikationer", "nätverk", "management", "projects", "project", "clients", "client", "chef",
    "manager", "analytics", "arbete", "service", "design", "mode", "utbildning", "certifikat",
    "team", "kunder", "kund", "ledning", "support", "system", "drift", "produkt", "produkter",
    "program", "teknik", "the", "and", "for", "with", "e post",
    "bilen",  # the language Bilen; "bilen" is "the car"
})


@dataclass(frozen=True, slots=True)
class LexEntry:
    concept_id: str
    concept_type: str
    label: str
    origin: str
    misspelled: bool = False
    qualifier: str = ""  # what ", qualifier" said about a stripped surface ("programmeringsspråk")

    @property
    def confidence(self) -> float:
        base = ORIGIN_CONFIDENCE[self.origin]
        return round(base - 0.1, 2) if self.misspelled else base


class SenseGroup(NamedTuple):
    """One concept type's senses of a key, prepared once for `choose_senses`."""

    entries: tuple[LexEntry, ...]
    only: LexEntry | None  # the single sense; None when several compete
    confidence: float  # of `only`, as a whole word (rounded like a hit's)
    head_confidence: float  # of `only`, as a compound head
    needs_support: bool  # kept at full confidence only when the text's domain supports it


SurfaceValue = tuple[int, bool, int, int]  # key id, may be a compound head, length, checks


class SurfaceScanner:
    """Every occurrence of every stored key in a text, overlapping ones too, found by Rust
    `ahocorasick_rs` (a contiguous NFA: compact, so it stays in cache; a DFA measured slower on
    whole ads) over the text's Latin-1 bytes, one byte per character, so offsets are the text's
    own. Folded text is Latin-1 but for letters of other scripts; those become "?", which
    folded text otherwise never has (keys get the same treatment)."""

    __slots__ = ("_automaton", "values")

    def __init__(self, surfaces: dict[str, SurfaceValue]) -> None:
        self.values = list(surfaces.values())
        self._automaton = ahocorasick_rs.BytesAhoCorasick(
            [key.encode("latin-1", "replace") for key in surfaces],
            implementation=ahocorasick_rs.Implementation.ContiguousNFA) if surfaces else None

    def matches(self, text: str) -> list[tuple[int, int, int]]:
        """(index into `values`, start, end) of each occurrence, end exclusive."""
        if self._automaton is None:
            return []
        return self._automaton.find_matches_as_indexes(
            text.encode("latin-1", "replace"), overlapping=True)


@dataclass
class Lexicon:
    version: int
    keys: list[str] = field(default_factory=list)
    entries: list[tuple[LexEntry, ...]] = field(default_factory=list)
    key_types: list[frozenset[str]] = field(default_factory=list)  # concept types per key
    surfaces: dict[str, SurfaceValue] = field(default_factory=dict)
    scanner: SurfaceScanner = field(default_factory=lambda: SurfaceScanner({}))
    groups_of: dict[str, frozenset[str]] = field(default_factory=dict)
    field_of: dict[str, str] = field(default_factory=dict)  # group id → ssyk sub-major (2 digits)
    english_names: frozenset[str] = frozenset()  # keys that are English occupation names
    # "E-handel, erfarenhet", read from a bare "e-handel" that also names "E-handel,
    # undervisning" and more: someone's experience only where a text asks for it
    general_senses: frozenset[str] = frozenset()
    concepts: dict[str, Concept] = field(default_factory=dict)
    needs_capital: frozenset[int] = frozenset()
    needs_upper: frozenset[int] = frozenset()
    # products named by a word of their own, read only as written, with a capital
    # ("Mastercam", "Monitor", "Hogia" of "…, tillverkningsprogram", "…, affärssystem")
    named_products: frozenset[int] = frozenset()
    build_seconds: float = 0.0
    # key id → (its concept id when the key has one sense, its sense groups); filled on use
    sense_plans: dict[int, tuple[str | None, tuple[SenseGroup, ...]]] = field(
        default_factory=dict)
    # (first part, last word) of a coordination → the key id they join to, or None; filled on
    # use ("vecko- eller timlön" is in every other ad)
    joined_keys: dict[tuple[str, str], int | None] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.keys)

    def lookup(self, surface: str) -> tuple[LexEntry, ...]:
        """Entries of an exact surface (any casing/punctuation), for tests and debugging."""
        key = fold_surface(surface)
        found = self.surfaces.get(f" {key} ", None) or self.surfaces.get(f"{key} ", None)
        return self.entries[found[0]] if found is not None else ()


def _label_surfaces(label: str) -> Iterable[tuple[str, str, str]]:
    """(surface, origin, qualifier) for a preferred label."""
    alternatives = [p.strip() for p in label.split("/") if p.strip()]
    if any(alt.split(",")[0].strip().isdigit() for alt in alternatives[1:]):
        alternatives = [label]  # "Styr/400", "OS/390": one name ("styr" is a verb)
    for i, alt in enumerate(alternatives):
        origin = "label" if len(alternatives) == 1 else "alternative"
        yield alt, origin, ""
        bare = _PAREN.sub("", alt).strip()
        if bare and bare != alt:
            yield bare, "stripped", alt[len(bare):].strip(" ()")
        if "," in alt:
            head, _, qualifier = alt.partition(",")
            yield head.strip(), "stripped", qualifier.strip()
            bare_head = _PAREN.sub("", head).strip()
            if bare_head != head.strip() and _names_a_product(bare_head):
                # "SharePoint (MOSS), CMS", "Amazon Web Services (AWS), molnplattform": the name
                # without its abbreviation ("Krishantering (CCM), behörighet" is a word)
                yield bare_head, "stripped", qualifier.strip()
        elif " inom " in alt:
            # "Basala hygienrutiner inom hälso- och sjukvård": texts name the practice; one
            # word ("Administration inom …", "Specialistsjuksköterska inom palliativ vård")
            # is too general alone
            head, _, domain = alt.partition(" inom ")
            if " " in head.strip():
                yield head.strip(), "stripped", domain.strip()
        vendorless = _VENDOR.sub("", alt)
        if vendorless != alt and i == 0:
            # "Microsoft Intune, systemutvecklingsverktyg" → "Intune"; the vendor stays as the
            # qualifier: the product name needs its capital ("MS Office" → "Office", not the
            # "office" of "our office in Stockholm")
            yield (vendorless.partition(",")[0].strip(), "stripped",
                   alt[:len(alt) - len(vendorless)].strip())
        coded = _CODED.match(alt)
        if coded:  # "AL - Auktorisation lågspänning" → "auktorisation lågspänning"
            yield coded.group(1), "alternative", ""
        abbreviation = _abbreviation(alt)
        if abbreviation:
            yield abbreviation, "alternative", ""
        deputy = _DEPUTY.match(alt)
        if deputy:  # "Stf. butikschef", "Vice rektor": the taxonomy says "Biträdande …"
            for word in DEPUTY_WORDS:
                yield f"{word} {deputy.group(1)}", "alternative", ""
                yield f"{word}. {deputy.group(1)}", "alternative", ""
    legitimation = _LEGITIMATION.match(label)
    if legitimation:  # "Legitimation som sjuksköterska" is a "sjuksköterskelegitimation"
        yield _compound_stem(legitimation.group(1)) + "legitimation", "alternative", ""


def _names_a_product(name: str) -> bool:
    """Several words, or a capital inside a word ("SharePoint", "JCL-script")."""
    return " " in name or any(c.isupper() for c in name[1:])


def field_acronym(surface: str, label: str) -> bool:
    """An occupation's "/"-alternative in capitals that abbreviates none of its other names
    names a field, not the occupation: "QA" of "Speltestare/QA" is quality assurance, whereas
    "KAM" of "Key account manager/KAM" is that title."""
    if not (surface.isupper() and surface.isalpha()) or "/" not in label:
        return False
    return not any(_spells(surface, other.strip()) for other in label.split("/")
                   if other.strip() != surface)


def written_forms(label: str) -> list[str]:
    """`_qualified_forms` of each "/"-alternative with a ", qualifier", or a field in capitals
    after its one word ("Supporttekniker IT" → "IT-supporttekniker")."""
    out: list[str] = []
    for alt in label.split("/"):
        head, comma, qualifier = alt.partition(",")
        if comma:
            out += _qualified_forms(head.strip(), qualifier.strip())
        elif (spaced := _FIELD_AFTER.match(alt.strip())) is not None:
            out += _qualified_forms(*spaced.groups())
    return out


_FIELD_AFTER = re.compile(r"^([A-ZÅÄÖ][a-zåäö]+) ([A-ZÅÄÖ]{2,4})$")


def _qualified_forms(head: str, qualifier: str) -> list[str]:
    """How running text writes a label's head and qualifier together: a field in capitals
    first ("Fräsning, CNC" → "CNC-fräsning", "Projektledning, IT" → "IT-projektledning"); a
    certificate of what or whom ("Yrkesbevis, träarbetare" → "yrkesbevis som träarbetare",
    "Certifikat, heta arbeten" → "certifikat för heta arbeten", "heta arbeten-certifikat")."""
    if qualifier.isupper() and 2 <= len(qualifier) <= 4 and " " not in head:
        return [f"{qualifier}-{head.lower()}"]
    if head in _CERTIFICATES and qualifier and "," not in qualifier:
        return [f"{head} {linker} {qualifier}" for linker in ("som", "för", "i")] + [
            f"{qualifier}-{head.lower()}"]
    return []


def _abbreviation(label: str) -> str | None:
    """The abbreviation a label spells out: "Yrkeskompetensbevis för förare (YKB)", "Amazon
    Web Services (AWS), molnplattform", "Local Interconnect Network, LIN". Two-letter codes in
    parentheses ("(PT)", "(VT)") are everyday words too; a short word after a comma is
    mostly a field ("Projektledare, IT"), so it counts only when it spells the label: its
    initials, or letters of the label in order from the first ("Hjärt-lungräddning, HLR",
    "Plan- och bygglagen, PBL")."""
    found = _IN_PARENTHESES.search(label)
    if found and found.group(1).isupper():
        return found.group(1)
    after = _AFTER_COMMA.match(label)
    if after and after.group(2).isupper() and (after.group(2) == "".join(
            w[0] for w in after.group(1).split()).upper() or _spells(after.group(2),
                                                                     after.group(1))):
        return after.group(2)
    return None


def _spells(acronym: str, name: str) -> bool:
    """The acronym's letters occur in `name` in order, the first one first."""
    letters, name = acronym.lower(), name.lower()
    if not name or name[0] != letters[0]:
        return False
    rest = iter(name)
    return all(ch in rest for ch in letters)


def _compound_stem(word: str) -> str:
    """A noun's form before a compound head: "sjuksköterska" → "sjuksköterske", "läkare" →
    "läkar", "psykolog" → "psykolog"."""
    if word.endswith("a"):
        return word[:-1] + "e"
    if word.endswith("e"):
        return word[:-1]
    return word


# genitives that are (English or Swedish) words or surnames with a capital: "Marks", "Islands"
_NAMES_AS_WORDS = frozenset({"mark", "berg", "island", "vara"})


def _geo_surfaces(concept: Concept) -> list[str]:
    """"Skåne län" → "Skåne", "Region Skåne", "Skånes"; "Kiruna" → "Kiruna kommun",
    "Kirunas kommun", "Kirunas"; "Sverige" → "Sveriges"."""
    label = concept.preferred_label
    if concept.type == "municipality":
        if label.endswith(("s", "x", "z")):
            return [f"{label} kommun"]
        # "Lunds universitet", "Göteborgs stad"; not the genitive of a name that is a word
        own = [] if label.lower() in _NAMES_AS_WORDS else [label + "s"]
        return [f"{label} kommun", f"{label}s kommun", *own]
    if concept.type == "region" and label.endswith(" län"):
        base = label[:-4]
        plain = base[:-1] if base.endswith("s") else base
        own = [] if plain.endswith(("s", "x", "z")) else [f"{plain}s"]  # "Hallands skärgård"
        return [f"Region {plain}", plain, f"{plain}s län", f"{plain}s läns", *own]
    if concept.type == "country" and " " not in label and not label.endswith(("s", "x", "z")):
        return [label + "s"]  # "Sveriges största", "Norges"
    return []


def _variants(surface: str) -> list[str]:
    """Folded keys of a surface: spaced and, for hyphenated words, joined ("app-utvecklare")."""
    folded = fold_surface(surface)
    if not folded:
        return []
    out = [folded]
    if "-" in surface:
        joined = fold_surface(re.sub(r"\s*-\s*", "", surface))
        if joined and joined != folded:
            out.append(joined)
    if "- " in surface or ". " in surface:
        # "Barn- och fritidsprogrammet", "Stf. butikschef" are folded to "barn  och …",
        # "stf  butikschef" in running text: the hyphen or full stop becomes a space of its own
        out.append(match_text(" ".join(unicodedata.normalize("NFC", surface).split()))
                   .strip())
    return out


def _inflects_label(key: str, entry: LexEntry) -> bool:
    label = fold_surface(entry.label)
    return key != f"{label}s" and key in inflected_forms(label, entry.concept_type)


class _Builder:
    def __init__(self) -> None:
        self.by_key: dict[str, dict[str, LexEntry]] = defaultdict(dict)
        self.general_senses: set[str] = set()  # see finish()

    def add(self, surface: str, entry: LexEntry, *, inflect: bool = True) -> None:
        for key in _variants(surface):
            if len(key) < 2 or key.replace(" ", "").isdigit() or (
                    key in STOP_SURFACES and entry.origin != "keyword"):
                continue
            self._put(key, entry)
            # an acronym takes no Swedish endings ("REST" is not "resten")
            if inflect and not entry.misspelled and entry.concept_type != "language" and \
                    not surface.isupper():
                infl = LexEntry(entry.concept_id, entry.concept_type, entry.label, "inflection",
                                False, entry.qualifier)
                spoken = (spoken_title_forms(key) if entry.concept_type == "occupation-name"
                          else [])
                for base in (key, *spoken):
                    if base != key:
                        self._put(base, infl)
                    for form in inflected_forms(base, entry.concept_type):
                        self._put(form, infl)

    def _put(self, key: str, entry: LexEntry) -> None:
        known = self.by_key[key].get(entry.concept_id)
        if known is None or ORIGIN_RANK[entry.origin] < ORIGIN_RANK[known.origin]:
            self.by_key[key][entry.concept_id] = entry

    def finish(self) -> dict[str, tuple[LexEntry, ...]]:
        out: dict[str, tuple[LexEntry, ...]] = {}
        for key, by_concept in self.by_key.items():
            best = min(ORIGIN_RANK[e.origin] for e in by_concept.values())
            kept = [e for e in by_concept.values() if ORIGIN_RANK[e.origin] == best]
            if best == ORIGIN_RANK["inflection"] and len(kept) > 1:
                # "kvalitetskontroller" inflects the label "Kvalitetskontroll" and the stripped
                # "Kvalitetskontroll, industriell tillverkning": as for the base form, the
                # label wins (not in a genitive, "livsmedels-", which mostly opens a compound)
                of_label = [e for e in kept if _inflects_label(key, e)]
                kept = of_label or kept
            if any(e.concept_type == "occupation-name" for e in kept):
                # "undersköterska" is the job, not the skill "Undersköterska, utbildad";
                # "dansarna" are dancers, not an inflection of "Dans"
                kept = [e for e in kept if e.concept_type != "skill"
                        or e.origin not in ("stripped", "inflection")]
            if best >= ORIGIN_RANK["alternative"] and len(kept) > _MAX_STRIPPED_SENSES:
                # "E-handel, erfarenhet" is e-handel itself; "E-handel, undervisning",
                # "E-handel, juridisk tillämpning" … are what someone does with it
                general = [e for e in kept if e.qualifier == _GENERAL_QUALIFIER]
                if len(general) != 1:
                    # too vague to name one, but still a word of its own: no shorter title
                    # matches inside it ("specialistläkare" is no "läkare" hit,
                    # "yrkeshögskoleutbildning" no "högskoleutbildning")
                    out[key] = ()
                    continue
                kept = general
                self.general_senses.add(general[0].concept_id)
            out[key] = tuple(sorted(kept, key=lambda e: e.concept_id))
        return out


def _groups(index: TaxonomyIndex, concept: Concept) -> frozenset[str]:
    """The ssyk-level-4 groups a concept belongs to or is related to (for disambiguation)."""
    if concept.type == "ssyk-level-4":
        return frozenset({concept.id})
    found: set[str] = set()
    if concept.type == "occupation-name":
        for edge in index.outgoing.get(concept.id, ()):
            if edge.relation_type == "broader":
                found.add(edge.target_id)
    elif concept.type == "skill":
        for edge in index.incoming.get(concept.id, ()):
            if edge.relation_type == "related" and edge.source_id in index.concepts and \
                    index.concepts[edge.source_id].type == "ssyk-level-4":
                found.add(edge.source_id)
    return frozenset(found)


_PREPOSITIONS = frozenset(("i", "inom", "på", "för", "till", "med", "vid", "av", "mot", "hos",
                           "och"))
_AGENT_ENDINGS = ("are", "ör", "iker", "ist", "chef", "man", "ledare", "ska", "log", "ant")


def _share_stripped_heads(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """"Kock, fartyg" gives the bare "kock", but so should "Kock à la carte" and "Kock
    storhushåll": where a comma-stripped occupation head exists, the names qualified by words
    after it are its senses too, and the text's domain chooses (or, with too many, none).
    A head no label has bare ("Supporttekniker IT", "Djurskötare lantbruk") is such a sense
    too when it is a title word that few names contain ("projektledare", "montör" and
    "drifttekniker" stand in too many to say which one is meant)."""
    occupations = [c for c in concepts.values() if c.type == "occupation-name"]
    names_with_word = Counter(word for c in occupations
                              for word in set(fold_surface(c.preferred_label).split()))
    # "maskinförare" closes "grävmaskinförare", "skogsmaskinförare", …: a bare head that ends
    # many compound names is as vague as one many names contain
    closing_words = Counter(fold_surface(c.preferred_label).split()[-1] for c in occupations
                            if c.preferred_label.strip())
    for concept in occupations:
        label = concept.preferred_label
        if "," in label or "/" in label:
            continue
        head, _, qualifier = label.partition(" ")
        if not qualifier:
            continue
        key = fold_surface(head)
        stripped = builder.by_key.get(key, {})
        # the bare head as the ontology's title of one comma-qualified name ("servicetekniker"
        # of "Servicetekniker, elkraft") is as bare as the label stripped of its qualifier
        as_term = next((e for e in stripped.values() if e.concept_type == "occupation-name"
                        and e.origin == "term" and fold_surface(e.label).startswith(key + " ")
                        and "," in e.label), None)
        if as_term is not None:
            builder.add(head, LexEntry(concept.id, concept.type, label, "term", False,
                                       qualifier))
            continue
        if any(e.concept_type == "occupation-name" and e.origin == "stripped"
               for e in stripped.values()) or (
                not stripped and key == head.lower() and key.endswith(_AGENT_ENDINGS)
                and qualifier[0].islower() and qualifier.split()[0] not in _PREPOSITIONS
                and names_with_word[key] <= _MAX_STRIPPED_SENSES
                and sum(n for word, n in closing_words.items()
                        if word.endswith(key)) <= _MAX_STRIPPED_SENSES):
            builder.add(head, LexEntry(concept.id, concept.type, label, "stripped", False,
                                       qualifier))


# A certificate's subject names it on its own ("Heta arbeten" in a list of certificates is
# "Certifikat, heta arbeten"); certificates of a trade ("Gesällbrev, målare") are not meant by
# the trade's name.
_SUBJECT_CERTIFICATES = ("Certifikat", "Utbildningsbevis", "Kompetensbevis", "Behörighetsbevis",
                         "Yrkesbevis")


def _certificate_subjects(builder: _Builder, concepts: dict[str, Concept]) -> None:
    for concept in concepts.values():
        head, comma, subject = concept.preferred_label.partition(", ")
        if concept.type != "skill" or not comma or head not in _SUBJECT_CERTIFICATES or \
                any(mark in subject for mark in "/()") or not subject[:1].islower():
            continue
        entry = LexEntry(concept.id, "skill", concept.preferred_label, "alternative")
        if not builder.by_key.get(fold_surface(subject)):  # not another concept's name
            builder.add(subject, entry)
        if " " not in subject and "," not in subject:
            # "fallskyddsutbildning", "utbildning i säkra lyft", "yrkesbevis som VVS-montör"
            link = "" if subject.endswith("s") else "s"
            for form in (f"{subject}{link}utbildning", f"utbildning i {subject}",
                         f"yrkesbevis som {subject}", f"{subject} med yrkesbevis"):
                builder.add(form, entry)


_LICENCE_LABEL = "Legitimation som "


def _licences_by_title(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """"legitimerad sjuksköterska", "leg. fysioterapeut": the licence ("Legitimation som
    sjuksköterska"), written as the licensed title."""
    for concept in concepts.values():
        label = concept.preferred_label
        if concept.type != "skill" or not label.startswith(_LICENCE_LABEL):
            continue
        title = label.removeprefix(_LICENCE_LABEL)
        entry = LexEntry(concept.id, "skill", label, "alternative")
        for form in (f"legitimerad {title}", f"leg. {title}", f"leg {title}"):
            builder.add(form, entry)


# "Universitets- och högskolelektor", "Glas- och metallmontör": a title of two coordinated
# compounds names each of them ("högskolelektor"; "glasmontör", "metallmontör")
_COORDINATED_TITLE = re.compile(r"(\w+)- (?:och|eller) (\w+)(?:$|[,/])")
_MIN_COORDINATED_HEAD = 4


def _coordinated_titles(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """Each compound of a coordinated occupation title, the first completed by the head of the
    second where the lexicon knows an ending of the second word as a word of its own
    ("montör"; "lektor" and "tekniker" are not keys of their own), the longest such ending.
    A compound some other concept already names is left to it."""
    for concept in concepts.values():
        if concept.type != "occupation-name" or concept.deprecated:
            continue
        m = _COORDINATED_TITLE.match(concept.preferred_label)
        if m is None:
            continue
        first, second = m.group(1).lower(), m.group(2).lower()
        entry = LexEntry(concept.id, concept.type, concept.preferred_label, "alternative")
        heads = [second[cut:] for cut in range(2, len(second) - _MIN_COORDINATED_HEAD + 1)
                 if second[cut:] in builder.by_key]
        compounds = [second] + ([first + heads[0]] if heads else [])
        for compound in compounds:
            if compound not in builder.by_key:
                builder.add(compound, entry)


# Words the inflector takes for forms of a trait that are other words: the adverb "snabbt"
# ("lär dig nya system snabbt", "vi växer snabbt") is no "Snabb"; the verb "driva" ("driva
# projekt") is no "Driven"
_NO_FORMS_OF_A_TRAIT = ("snabbt", "driva")
# A vocational college's degree is no university degree ("yrkeshögskoleexamen" names no
# "högskoleexamen"); the taxonomy has no concept for it
# "ungdomarna" is "ungdom" + "-arna", not "ung" + "domarna" (judges)
_WORDS_OF_NO_ONE_CONCEPT = ("yrkeshögskoleexamen", "yrkeshögskoleexamina", "ungdomar",
                            "ungdomarna", "ungdomarnas", "ungdomars",
                            # products whose maker's name alone is another one's surface
                            "visma lön", "visma business", "visma recruit",
                            "visma administration", "visma net")


# Nouns of an action that Swedish compounds with its object ("fönstermontering") and running
# text also writes with the object after "av" ("montering av fönster")
_ACTIONS = ("montering", "montage", "installation", "hantering", "gjutning", "reparation",
            "tillverkning", "rengöring", "städning", "målning", "svetsning", "programmering",
            "planering", "skötsel", "underhåll", "utveckling", "besiktning", "mätning",
            "sortering", "packning", "läggning", "byte", "projektering", "uppföljning",
            "administration", "analys", "värdering", "produktion", "försäljning", "lackering",
            "slipning", "renovering", "bearbetning", "dragning", "kontroll", "läsning",
            "plockning")
_MIN_OBJECT = 4
# Hands-on actions, which running text also writes as a verb before its object ("läsa
# ritningar", "montera fönster", "plocka order"); not the planning and office kinds ("planera
# arbetet", "utveckla verksamheten"), which name no skill of their own
_VERBS_OF_ACTIONS = {
    "läsning": ("läsa", "läser"), "montering": ("montera", "monterar"),
    "installation": ("installera", "installerar"), "svetsning": ("svetsa", "svetsar"),
    "gjutning": ("gjuta", "gjuter"), "reparation": ("reparera", "reparerar"),
    "målning": ("måla", "målar"), "lackering": ("lackera", "lackerar"),
    "slipning": ("slipa", "slipar"), "städning": ("städa", "städar"),
    "packning": ("packa", "packar"), "plockning": ("plocka", "plockar"),
    "läggning": ("lägga", "lägger"), "dragning": ("dra", "drar"), "mätning": ("mäta", "mäter"),
    "sortering": ("sortera", "sorterar"), "rengöring": ("rengöra", "rengör"),
}


def _object_forms(stem: str) -> list[str]:
    """The object of an action as running text writes it: "fönster", "produkter", "kablar",
    "verksamheten" (over-generated; a form no text has costs nothing)."""
    if stem.endswith("a"):
        return [stem, stem[:-1] + "or", stem + "n"]
    if stem.endswith("e"):
        return [stem, stem + "n", stem + "r", stem + "t"]
    if stem.endswith("el"):
        return [stem, stem[:-2] + "lar", stem + "n"]
    return [stem, stem + "er", stem + "ar", stem + "en", stem + "et"]


_SAME_ACTION = {"montering": "montage", "montage": "montering"}


def _assembly_synonyms(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """"Köksmontering" is also written "köksmontage", "Solcellsmontage" "solcellsmontering":
    the two nouns name the same work; a form another concept already has is left to it."""
    for concept in concepts.values():
        if concept.type != "skill":
            continue
        for alternative in concept.preferred_label.split(",")[0].split("/"):
            word = alternative.strip()
            ending = next((e for e in _SAME_ACTION if word.lower().endswith(e)), None)
            if ending is None or not word.isalpha() or len(word) == len(ending):
                continue
            other = word[:-len(ending)] + _SAME_ACTION[ending]
            if not builder.by_key.get(fold_surface(other)):
                builder.add(other, LexEntry(concept.id, "skill", concept.preferred_label,
                                            "alternative"))


# "AZ-204: Developing Solutions for Microsoft Azure", "MS-100 Microsoft 365 Identity and
# Services": a certification exam whose label opens with its code
_EXAM_CODE = re.compile(r"^([A-Z]{2,3}-\d{2,3})(?::|\s)")


def _exam_codes(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """An exam is named by its code alone ("AZ-204", "MS-100"), as ads and CVs write it."""
    for concept in concepts.values():
        found = _EXAM_CODE.match(concept.preferred_label)
        if concept.type != "skill" or found is None or builder.by_key.get(
                fold_surface(found.group(1))):
            continue
        builder.add(found.group(1), LexEntry(concept.id, "skill", concept.preferred_label,
                                             "alternative"))


_FIELD_WORD = re.compile(r"[a-zåäöé-]+")


def _occupations_in_their_field(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """"Specialistläkare, allmänmedicin" is written "specialistläkare i allmänmedicin",
    "Arbetsledare, husbyggnad" "arbetsledare inom husbyggnad": a one-word title and the field
    its label's qualifier names."""
    for concept in concepts.values():
        label = concept.preferred_label
        if concept.type != "occupation-name" or label.count(",") != 1 or "/" in label:
            continue
        title, field = (part.strip() for part in label.split(","))
        if " " in title or not _FIELD_WORD.fullmatch(field):
            continue
        entry = LexEntry(concept.id, "occupation-name", label, "alternative")
        for surface in (f"{title} i {field}", f"{title} inom {field}"):
            if not builder.by_key.get(fold_surface(surface)):
                builder.add(surface, entry, inflect=False)


def _actions_on_objects(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """"Fönstermontering" is also "montering av fönster", "Produktutveckling" "utveckling av
    produkter", "Avfallshantering" "hantering av avfall": a skill compounded of an object and
    an action, the action first with "av"."""
    for concept in concepts.values():
        if concept.type != "skill" or "," in concept.preferred_label:
            continue
        for alternative in concept.preferred_label.split("/"):
            word = alternative.strip().lower()
            if not word.isalpha():
                continue
            action = next((a for a in _ACTIONS if word.endswith(a)), None)
            if action is None or len(word) - len(action) < _MIN_OBJECT:
                continue
            obj = word[:-len(action)]
            objects = [obj]
            if obj.endswith("s") and not obj.endswith("ss"):  # "avfalls|hantering"
                objects.append(obj[:-1])  # (or "konferens|administration")
            entry = LexEntry(concept.id, "skill", concept.preferred_label, "inflection")
            for form in dict.fromkeys(f for o in objects for f in _object_forms(o)):
                builder.add(f"{action} av {form}", entry, inflect=False)
                for verb in _VERBS_OF_ACTIONS.get(action, ()):
                    builder.add(f"{verb} {form}", entry, inflect=False)


def _practised_activities(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """"Bokföringsvana", "Faktureringsvana", "Förhandlingsvana": practice in an activity, which
    ads name by the activity ("löpande bokföring", "fakturering"). Only activities in -ing
    ("Processvana", "Cykelvana" would make "process", "cykel" skills) that no concept has."""
    for concept in concepts.values():
        label = concept.preferred_label
        if concept.type != "skill" or not label.endswith("svana") or " " in label or \
                "," in label or "/" in label:
            continue
        activity = label[:-5]
        # ("rekrytering" too: `service.SKILLS_ONLY_WHEN_ASKED` keeps "I denna rekrytering
        # samarbetar vi med …", the ad's own hiring, out of an ad's neutral sentences)
        if activity.endswith("ing") and not builder.by_key.get(fold_surface(activity)):
            builder.add(activity, LexEntry(concept.id, "skill", label, "stripped", False,
                                           "vana"))


_PRACTICE_OF_A_KIND = re.compile(r"^([a-zåäö]+?)s?vana, ([a-zåäö -]+)$", re.IGNORECASE)


def _practised_kinds(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """"Försäljningsvana, telefonförsäljning", "Intervjuvana, telefonintervjuer": practice in
    a kind of the activity, which ads name by the kind alone ("erfarenhet av
    telefonförsäljning"). Only qualifiers whose last word is a compound of the activity."""
    for concept in concepts.values():
        found = _PRACTICE_OF_A_KIND.match(concept.preferred_label)
        if concept.type != "skill" or found is None:
            continue
        activity, kind = found.group(1).lower(), found.group(2).strip()
        last = kind.split()[-1].lower()
        # the activity closes the last word, perhaps inflected ("telefon|intervjuer")
        closes = activity in last[-(len(activity) + 2):] and not last.startswith(activity)
        if closes and not builder.by_key.get(fold_surface(kind)):
            builder.add(kind, LexEntry(concept.id, "skill", concept.preferred_label,
                                       "stripped", False, "vana"))


# English heads whose "<field> <head>" is an occupation's plain English name ("data engineer",
# "frontend developer"); "sales", "lead", "officer" name roles too loosely to stand for one
_ENGLISH_HEADS = frozenset((
    "developer", "engineer", "analyst", "architect", "technician", "designer", "tester",
    "administrator", "consultant", "manager", "mechanic", "driver", "teacher", "assistant",
    "coordinator", "advisor", "controller", "scientist", "auditor", "worker", "programmer"))


def _english_names(builder: _Builder, concepts: dict[str, Concept]) -> frozenset[str]:
    """Swedish compound titles as English-language ads write them: "Dataingenjör" is a "data
    engineer", "Frontend-utvecklare" a "frontend developer", "Systemadministratör" a "systems
    administrator" (the words from `english_titles`, read backwards)."""
    swedish_to_english: dict[str, str] = {}
    added: set[str] = set()
    for english, swedish in ENGLISH_TITLE_WORDS.items():
        if " " not in english:
            swedish_to_english.setdefault(swedish, english)
    for concept in concepts.values():
        if concept.type != "occupation-name":
            continue
        for alt in concept.preferred_label.split("/"):
            if "," in alt:  # "Produktchef, marknadsföring": a product manager is not only that
                continue
            key = fold_surface(alt)
            if len(key.split()) > 2:
                continue
            word = key.replace(" ", "")
            for i in range(2, len(word) - 2):
                field, head = swedish_to_english.get(word[:i]), swedish_to_english.get(word[i:])
                if field and head in _ENGLISH_HEADS and field not in _ENGLISH_HEADS:
                    for form in (f"{field} {head}", f"{field} {head}s"):
                        if builder.by_key.get(form) and form not in added:
                            continue  # already a name ("data scientist", "web designer")
                        builder.add(form, LexEntry(concept.id, concept.type,
                                                   concept.preferred_label, "alternative"),
                                    inflect=False)
                        added.add(form)
    return frozenset(added)


def _is_category_tool(entry: LexEntry) -> bool:
    """A tool read without its category or vendor ("Motion" of "Film/effekter-Motion",
    "Works" of "MS Works"): a product name, written with a capital ("motion", "works" are
    words), and so is its inflection ("offices" is no MS Office)."""
    return entry.origin in ("stripped", "inflection") and bool(entry.qualifier) and \
        entry.label.startswith((entry.qualifier + "-", entry.qualifier + " ",
                                entry.qualifier + ", "))


def _tools_without_category(builder: _Builder, concepts: dict[str, Concept]) -> None:
    """"Tillverkningsindustri-CATIA" is written "CATIA" in ads, "Tillverkningsindustri-Solid
    Works" "Solid Works" or "SolidWorks": the tool, with its category as the qualifier."""
    labelled: dict[str, list[Concept]] = defaultdict(list)
    by_vendor: dict[str, list[Concept]] = defaultdict(list)
    for concept in concepts.values():
        found = _CATEGORY_PREFIX.match(concept.preferred_label)
        if concept.type == "skill" and found:
            labelled[found.group(1)].append(concept)
        vendor = _CATEGORY_THEN_VENDOR.match(concept.preferred_label)
        if concept.type == "skill" and vendor and \
                not builder.by_key.get(fold_surface(vendor.group(2))):  # "Regi, Film": a word
            by_vendor[vendor.group(1)].append(concept)
    for prefix, members in labelled.items():
        for concept in members:
            tool = concept.preferred_label[len(prefix) + 1:].strip()
            vendor = _SOFTWARE_VENDOR.match(tool)
            if len(members) < _CATEGORY_MIN_LABELS and vendor is None:
                continue  # a vendor's name after the dash shows the prefix is a category
            forms = {tool, tool.replace(" ", "")}
            product = tool[vendor.end():] if vendor else ""
            if vendor and (vendor.group(1) == "Adobe" or _names_a_product(product)):
                # "2D-grafik-Adobe Photoshop" is written "Photoshop", "Layout-Adobe InDesign"
                # "InDesign", "Autodesk Revit Architecture" "Revit Architecture"; Autodesk's
                # one-word names are English words ("Smoke", "Cleaner", "Alias", "Inventor")
                forms.add(product)
            for form in forms:  # a product name does not inflect
                builder.add(form, LexEntry(concept.id, "skill", concept.preferred_label,
                                           "stripped", False, prefix), inflect=False)
    for category, members in by_vendor.items():  # "CNC-programmering, Heidenhain"
        if len(members) >= _CATEGORY_MIN_LABELS:
            for concept in members:
                builder.add(concept.preferred_label.rpartition(", ")[2], LexEntry(
                    concept.id, "skill", concept.preferred_label, "stripped", False, category),
                    inflect=False)


def build_lexicon(index: TaxonomyIndex) -> Lexicon:
    started = time.perf_counter()
    builder = _Builder()
    concepts: dict[str, Concept] = {}
    for ctype in MATCH_TYPES:
        for cid in index.by_type.get(ctype, ()):
            concept = index.concepts[cid]
            if concept.deprecated:
                continue
            concepts[cid] = concept
            if ctype != "ssyk-level-4":  # group labels ("… m.fl.") are not written in ads
                for surface, origin, qualifier in _label_surfaces(concept.preferred_label):
                    if ctype == "occupation-name" and origin == "alternative" and \
                            field_acronym(surface, concept.preferred_label):
                        continue
                    builder.add(surface, LexEntry(cid, ctype, concept.preferred_label, origin,
                                                  False, qualifier))
                for form in written_forms(concept.preferred_label):
                    # phrases as ads write them: their last word is not inflected ("yrkesbevis
                    # som träarbetare"), which keeps the automaton from growing by thousands
                    builder.add(form, LexEntry(cid, ctype, concept.preferred_label,
                                               "alternative"), inflect=False)
            for surface in _geo_surfaces(concept):
                builder.add(surface, LexEntry(cid, ctype, concept.preferred_label, "alternative"),
                            inflect=False)
            for term in index.terms.get(cid, ()):
                if term.kind == "ontology-group":  # a title joined to a group by its head only
                    continue
                builder.add(term.term, LexEntry(cid, ctype, concept.preferred_label, "term",
                                                term.misspelled))
    _share_stripped_heads(builder, concepts)
    _tools_without_category(builder, concepts)
    _certificate_subjects(builder, concepts)
    _licences_by_title(builder, concepts)
    _coordinated_titles(builder, concepts)
    _practised_activities(builder, concepts)
    _practised_kinds(builder, concepts)
    _actions_on_objects(builder, concepts)
    _assembly_synonyms(builder, concepts)
    _exam_codes(builder, concepts)
    _occupations_in_their_field(builder, concepts)
    english_names = _english_names(builder, concepts)
    for kid in index.by_type.get("keyword", ()):
        keyword = index.concepts[kid]
        for edge in index.outgoing.get(kid, ()):
            target = index.concepts.get(edge.target_id)
            if edge.relation_type == "related" and target is not None and \
                    target.type in ("occupation-name", "skill") and not target.deprecated:
                builder.add(keyword.preferred_label, LexEntry(
                    target.id, target.type, target.preferred_label, "keyword"))
    if not index.by_type.get("driving-licence"):
        for concept in driving_licence_concepts():
            concepts[concept.id] = concept
            for surface in LOCAL_SURFACES[concept.id]:
                builder.add(surface, LexEntry(concept.id, concept.type, concept.preferred_label,
                                              "label"), inflect=False)
    by_label = {(c.type, c.preferred_label): c for c in concepts.values()}
    for (ctype, label), surfaces in EXTRA_SURFACES.items():
        target = by_label.get((ctype, label))
        if target is None:
            continue
        for surface in surfaces:
            builder.add(surface, LexEntry(target.id, ctype, label, "alternative"))
    lexicon = Lexicon(version=index.version, concepts=concepts, english_names=english_names)
    capital: set[int] = set()
    upper: set[int] = set()
    products: set[int] = set()
    acronyms = {cid: {w for w in re.split(r"[/,()\s-]+", c.preferred_label) if w.isupper()}
                for cid, c in concepts.items()}
    for (ctype, label), surfaces in EXTRA_SURFACES.items():  # "MI", "VAS": as written
        target = by_label.get((ctype, label))
        if target is not None:
            acronyms[target.id] |= {s for s in surfaces if s.isupper() and s.isalnum()}
    finished = builder.finish()
    for word in _WORDS_OF_NO_ONE_CONCEPT:  # keys that name nothing, so nothing shorter inside
        finished.setdefault(fold_surface(word), ())
    for word in _NO_FORMS_OF_A_TRAIT:  # keys that drop the trait the inflector gave them
        finished[fold_surface(word)] = ()
    lexicon.general_senses = frozenset(builder.general_senses)
    for key, entries in sorted(finished.items()):
        key_id = len(lexicon.keys)
        lexicon.keys.append(key)
        lexicon.entries.append(entries)
        lexicon.key_types.append(frozenset(e.concept_type for e in entries))
        check = 0
        if entries and all(e.concept_type in _NEEDS_CAPITAL or _is_category_tool(e)
                           for e in entries):
            capital.add(key_id)
            check |= NEEDS_CAPITAL
            if key in EVERYDAY_PLACE_WORDS:
                check |= EVERYDAY_WORD
            if key.endswith("s") and not any(
                    fold_surface(e.label).endswith("s") for e in entries):
                check |= GENITIVE_PLACE  # "Lunds", "Sveriges": maybe a company's name
        if key in _PRODUCTS_WRITTEN_AS_WORDS:
            check |= NEEDS_A_CAPITAL
            products.add(key_id)
        elif entries and len(key) <= _ACRONYM_MAX and key.isalnum() and all(
                key.upper() in acronyms.get(e.concept_id, ()) for e in entries):
            upper.add(key_id)
            check |= NEEDS_UPPER
        elif entries and " " not in key and all(
                e.concept_type == "skill" and e.origin == "stripped"
                and e.qualifier in SYSTEM_KINDS for e in entries):
            check |= NEEDS_A_CAPITAL
            products.add(key_id)
        if len(key) >= _HEAD_MIN_LEN and " " not in key and key_id not in products and any(
                e.concept_type in ("occupation-name", "skill") for e in entries) and not all(
                fold_surface(e.label) in _OCCUPATIONS_ALSO_THINGS for e in entries) and \
                key not in _WHOLE_WORDS_ONLY:
            # "key " also fires wherever " key " would: one entry serves both, so a whole
            # word is yielded once, not twice (the matcher tells them apart by the char before)
            lexicon.surfaces[f"{key} "] = (key_id, True, len(key), check)
        else:
            lexicon.surfaces[f" {key} "] = (key_id, False, len(key), check)
    lexicon.scanner = SurfaceScanner(lexicon.surfaces)
    lexicon.needs_capital = frozenset(capital)
    lexicon.needs_upper = frozenset(upper)
    lexicon.named_products = frozenset(products)
    lexicon.groups_of = {cid: _groups(index, c) for cid, c in concepts.items()}
    lexicon.field_of = {cid: next(iter(c.codes.values()), "")[:2]
                        for cid, c in concepts.items() if c.type == "ssyk-level-4"}
    lexicon.build_seconds = time.perf_counter() - started
    return lexicon
