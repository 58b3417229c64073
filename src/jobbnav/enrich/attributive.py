"""Whether a trait word describes a thing rather than the candidate.

Soft traits (förmågor) are adjectives and nouns about a person: "du är driven", "Positiv och
bidrar med energi", "en engagerad säljare", "ett strukturerat arbetssätt". Ads use the same
adjectives for everything else: "en dynamisk arbetsmiljö", "engagerade kollegor", "innovativa
lösningar", "varmt välkommen", "snabbt testa idéer". In Swedish an adjective that describes a
noun stands right before it, so an adjectival trait word followed on the same line by a
lower-case word that is neither a function word ("och", "i", "med", "där" — the words that follow
"du är noggrann") nor, within two words, a person or a person's manner ("säljare",
"medarbetare", "arbetssätt", "framtoning") describes that word, not the candidate. Trait nouns
("noggrannhet", "teamkänsla") are left alone.
"""

from __future__ import annotations

import re

__all__ = ["describes_a_thing"]

_NEXT_WORDS = re.compile(r"[ \t]{1,3}([^\W\d_][\w-]*)(?:[ \t]{1,3}([^\W\d_][\w-]*))?")
_FUNCTION_WORDS = frozenset((
    # conjunctions, prepositions, adverbs, pronouns and verbs that follow a predicative trait
    "och", "eller", "samt", "men", "som", "att", "i", "på", "med", "till", "för", "av", "om",
    "inom", "vid", "hos", "från", "under", "över", "mot", "efter", "utan", "genom", "när", "då",
    "där", "så", "både", "även", "också", "dock", "alltid", "gärna", "ofta", "samtidigt", "mer",
    "mest", "mycket", "väldigt", "lite", "inte", "är", "var", "blir", "vara", "har", "kan",
    "ska", "vill", "du", "dig", "vi", "man", "det", "den", "de", "sig", "sin", "sitt", "sina",
    "din", "ditt", "dina", "en", "ett", "och/eller", "utifrån", "enligt", "kring", "bland",
    "mellan", "tillsammans", "ihop", "oavsett", "trots", "inför", "and", "or", "but", "to",
    "in", "with", "of", "for", "at", "on", "who", "that", "is", "are", "as", "yet",
    # "curious about new technology", "curious by nature", "calm under pressure"
    "about", "by", "under", "when", "while", "than", "from", "towards", "also", "even"))
_PERSON_WORDS = frozenset((
    "person", "personer", "personlighet", "medarbetare", "medarbetaren", "kandidat",
    "kandidaten", "kandidater", "individ", "individer", "människa", "människor", "kollega",
    "lagspelare", "ledare", "people", "individual", "team-player", "teamplayer", "player",
    "pedagog", "pedagoger", "förebild",
    # "noggrann och praktiskt lagd": a person's bent
    "lagd", "lagda",
    # a person's manner: "ett strukturerat arbetssätt", "en positiv framtoning"
    "arbetssätt", "arbetsstil", "förhållningssätt", "förmåga", "framtoning", "inställning",
    "attityd", "bemötande", "driv", "läggning", "sinne", "personality", "attitude", "mindset",
    "approach", "manner",
    # "på ett professionellt sätt", "på ett strukturerat vis": the way the person works
    "sätt", "vis"))
# agent nouns: "säljare", "undersköterska", "montör", "specialist", "student", "konsult"
_PERSON_ENDINGS = ("are", "ör", "ist", "ent", "ant", "log", "ska", "sult", "chef", "ledare")
# trait nouns are about the person wherever they stand: "noggrannhet", "teamkänsla"
_NOUN_ENDINGS = ("het", "itet", "ing", "else", "skap", "förmåga", "känsla", "tion", "vilja",
                 "driv")


_COORDINATORS = frozenset(("och", "eller", "samt"))
# adjective endings that are not also infinitives or everyday words ("driva", "lösa", "bara")
_ADJECTIVE_ENDINGS = ("ig", "igt", "iga", "isk", "iskt", "iska", "ad", "at", "ade", "iv", "ivt",
                      "bar", "bart", "sam", "lös", "löst", "full", "fullt", "ande", "ende", "bel",
                      "belt")

# present tenses that end like adjectives: "hjälpsam och jobbar hårt" ("jobbar" is no "-bar")
_VERB_ENDINGS = ("bbar",)


def _is_person(word: str) -> bool:
    folded = word.casefold()
    return folded in _PERSON_WORDS or folded.endswith(_PERSON_ENDINGS)


# "Vi ser det som positivt", "det är positivt om du …": an adverb form about a situation
_OF_A_SITUATION = re.compile(r"(?:\bdet\s+(?:är|vore|blir)\s+(?:\w+\s+)?|\bsom\s+)$", re.I)


def describes_a_thing(text: str, start: int, end: int) -> bool:
    """True when the trait word `text[start:end]` stands before a thing it describes, or
    in its -t form says something of a situation ("det är positivt om …")."""
    if text[start:end].casefold().endswith(_NOUN_ENDINGS):
        return False
    if text[end - 1] in "tT" and " " not in text[start:end] and \
            _OF_A_SITUATION.search(text, max(0, start - 30), start):  # (not "visar respekt")
        return True
    found = _NEXT_WORDS.match(text, end)
    if found is None:
        return False
    first, second = found.group(1), found.group(2)
    if first.casefold() in _COORDINATORS and second is not None and \
            second.casefold().endswith(_ADJECTIVE_ENDINGS) and \
            not second.casefold().endswith(_VERB_ENDINGS):
        # "ett socialt och roligt team": both adjectives describe what follows the second
        return describes_a_thing(text, found.start(2), found.end(2))
    if not first[0].islower() or first.casefold() in _FUNCTION_WORDS:
        return False
    return not (_is_person(first) or (second is not None and second[0].islower()
                                      and _is_person(second)))
