"""English job-title words → the Swedish title words the taxonomy uses (hand-written).

Many Swedish ads have English headlines ("Data Engineer", "Key Account Manager", "Backend
Developer"). The taxonomy names occupations in Swedish, so a headline word is translated before
it is looked up in the title index. Swedish titles are compounds: translated neighbours are
also tried joined ("data" + "ingenjör" → "dataingenjör", "java" + "utvecklare").
Written for this project from ordinary bilingual usage; it is a lexical resource, not fitted to
any ad set. Multi-word English titles that Swedish employers keep in English ("key account
manager", "account manager", "data scientist") are already taxonomy labels or ontology terms and
need no entry.
"""

from __future__ import annotations

__all__ = ["ENGLISH_TITLE_WORDS", "english_role_compounds", "english_singular",
           "is_english_title", "translate_words_aligned"]

ENGLISH_TITLE_WORDS: dict[str, str] = {
    # people who build, make or fix things
    "developer": "utvecklare", "developers": "utvecklare", "programmer": "programmerare",
    "engineer": "ingenjör", "engineers": "ingenjör", "engineering": "ingenjör",
    "architect": "arkitekt", "designer": "designer", "technician": "tekniker",
    "mechanic": "mekaniker", "electrician": "elektriker", "welder": "svetsare",
    "carpenter": "snickare", "plumber": "rörmokare", "painter": "målare", "operator": "operatör",
    "tester": "testare", "scientist": "scientist", "researcher": "forskare",
    "administrator": "administratör", "admin": "administratör",
    # software, data and IT
    "software": "mjukvaru", "backend": "backend", "frontend": "frontend",
    "fullstack": "fullstack", "web": "webb", "database": "databas", "data": "data",
    "systems": "system", "system": "system", "network": "nätverk", "security": "säkerhets",
    "cloud": "moln", "test": "test", "devops": "devops", "it": "it", "support": "support",
    # business, sales and office
    "sales": "säljare", "salesperson": "säljare", "seller": "säljare",
    "saleswoman": "säljare", "salesman": "säljare", "consultant": "konsult",
    "advisor": "rådgivare", "adviser": "rådgivare", "analyst": "analytiker",
    "manager": "chef", "director": "direktör", "head": "chef", "chief": "chef",
    "lead": "ledare", "leader": "ledare", "coordinator": "samordnare",
    "supervisor": "arbetsledare", "counsel": "jurist", "legal counsel": "bolagsjurist",
    "general counsel": "bolagsjurist",
    "assistant": "assistent", "secretary": "sekreterare", "receptionist": "receptionist",
    "accountant": "redovisningsekonom", "accounting": "redovisning", "controller": "controller",
    "auditor": "revisor", "economist": "ekonom", "buyer": "inköpare", "purchaser": "inköpare",
    "procurement": "upphandlare", "recruiter": "rekryterare",
    "talent acquisition": "rekryterare", "marketer": "marknadsförare",
    "marketing": "marknadsförare", "communicator": "kommunikatör", "writer": "skribent",
    "editor": "redaktör", "lawyer": "jurist", "attorney": "advokat", "legal": "jurist",
    "officer": "handläggare", "clerk": "kontorist", "cashier": "kassapersonal",
    "translator": "översättare", "interpreter": "tolk", "project": "projekt",
    "product": "produkt", "customer": "kund", "account": "account", "logistics": "logistik",
    "warehouse": "lager", "store": "butiks", "shop": "butiks", "finance": "ekonomi",
    "financial": "ekonomi", "hr": "hr", "payroll": "löne", "quality": "kvalitets",
    "production": "produktions", "maintenance": "underhålls", "service": "service",
    "operations": "drift", "office": "kontors", "restaurant": "restaurang",
    # care, school and service
    "nurse": "sjuksköterska", "doctor": "läkare", "physician": "läkare",
    "dentist": "tandläkare", "psychologist": "psykolog", "physiotherapist": "fysioterapeut",
    "pharmacist": "apotekare", "teacher": "lärare", "lecturer": "lektor",
    "professor": "professor", "tutor": "handledare", "preschool": "förskol",
    "caregiver": "vårdbiträde", "carer": "vårdbiträde", "nanny": "barnvakt",
    "babysitter": "barnvakt", "cleaner": "städare", "cook": "kock",
    "waiter": "servitör", "waitress": "servitris", "bartender": "bartender",
    "driver": "förare", "truck": "lastbils", "bus": "buss", "courier": "bud",
    "guard": "väktare", "security guard": "väktare", "qa engineer": "testare",
    "test engineer": "testare", "qa tester": "testare", "warehouse worker": "lagerarbetare",
    "office coordinator": "administratör", "office administrator": "administratör",
    # IT roles whose Swedish title takes another head: "DevOps Engineer" is a "devops
    # utvecklare", an "IT Support Specialist" a "supporttekniker"
    "devops engineer": "devops utvecklare", "support specialist": "supporttekniker",
    "support engineer": "supporttekniker",
    # a "Security Engineer" in an IT ad secures systems: the taxonomy's IT security analyst,
    # not a safety engineer ("säkerhetsingenjör"); a "Solution Architect" is an IT architect
    "security engineer": "it säkerhetsanalytiker", "security analyst": "it säkerhetsanalytiker",
    "solution architect": "it arkitekt", "solutions architect": "it arkitekt",
    # common English titles whose Swedish title is a compound of other words
    "portfolio manager": "portföljförvaltare", "fund manager": "fondförvaltare",
    "policy analyst": "utredare", "delivery driver": "budbilsförare",
    "courier driver": "budbilsförare", "truck driver": "lastbilsförare",
    "bus driver": "bussförare", "taxi driver": "taxiförare", "forklift driver": "truckförare",
    "warehouse associate": "lagerarbetare", "warehouse operative": "lagerarbetare",
    "warehouse assistant": "lagerarbetare", "assembly operator": "montör",
    "assembler": "montör", "kitchen assistant": "köksbiträde", "dishwasher": "diskare",
    "store manager": "butikschef", "shop manager": "butikschef",
    "warehouse manager": "lagerchef", "finance manager": "ekonomichef",
    "cnc operator": "cnc operatör", "office assistant": "kontorsassistent",
    "shift leader": "arbetsledare", "shift lead": "arbetsledare",
    "shift supervisor": "arbetsledare", "shift manager": "arbetsledare",
    "production supervisor": "arbetsledare",
    # a "Design Engineer" designs products: the Swedish "konstruktör" ("designingenjör" is no
    # title); "Mechanical" / "Electrical" then join it as "maskinkonstruktör", "elkonstruktör"
    "design engineer": "konstruktör", "mechanical": "maskin", "electrical": "el",
    "worker": "arbetare", "storekeeper": "lagerarbetare", "hairdresser": "frisör",
    "social worker": "socialsekreterare", "counsellor": "kurator", "counselor": "kurator",
    # care, school and trades titles that international employers keep in English
    "assistant nurse": "undersköterska", "nursing assistant": "undersköterska",
    "registered nurse": "sjuksköterska", "midwife": "barnmorska",
    "dental nurse": "tandsköterska", "dental hygienist": "tandhygienist",
    "occupational therapist": "arbetsterapeut", "speech therapist": "logoped",
    "dietitian": "dietist", "optician": "optiker", "veterinarian": "veterinär",
    "ambulance": "ambulans", "upper secondary": "gymnasie", "high school": "gymnasie",
    "secondary school": "gymnasie", "primary school": "grundskol", "librarian": "bibliotekarie",
    "janitor": "fastighetsskötare", "caretaker": "fastighetsskötare", "baker": "bagare",
    "pastry chef": "konditor", "bricklayer": "murare", "tiler": "plattsättare",
    "roofer": "takläggare", "glazier": "glasmästare", "scaffolder": "ställningsbyggare",
    "crane operator": "kranförare", "machine operator": "maskinoperatör",
    "process operator": "processoperatör", "locksmith": "låssmed",
    "firefighter": "brandman", "photographer": "fotograf", "gardener": "trädgårdsarbetare",
}


def english_singular(word: str) -> str:
    """The singular of an English plural title word ("carpenters", "secretaries", "coaches"),
    when that singular is a word of the table; any other word unchanged. Headlines put the
    role in the plural ("Carpenters wanted", "Truck Drivers")."""
    if not word.endswith("s") or word in _KNOWN_SINGLE_WORDS:
        return word
    for singular in (word[:-3] + "y" if word.endswith("ies") else "",
                     word[:-2] if word.endswith("es") else "", word[:-1]):
        if singular in _KNOWN_SINGLE_WORDS:
            return singular
    return word


def translate_words_aligned(words: list[str]) -> list[str]:
    """The Swedish title word of each folded English word, one out per word in (unknown words
    unchanged); a two-word English title ("security guard") gives its Swedish word once and an
    empty string for its second word. Plural title words read as their singular."""
    words = [english_singular(w) for w in words]
    out: list[str] = []
    i = 0
    while i < len(words):
        pair = f"{words[i]} {words[i + 1]}" if i + 1 < len(words) else ""
        if pair in ENGLISH_TITLE_WORDS:
            out += [ENGLISH_TITLE_WORDS[pair], ""]
            i += 2
            continue
        out.append(ENGLISH_TITLE_WORDS.get(words[i], words[i]))
        i += 1
    return out


# English role words and the Swedish title word they close a compound with.
ROLE_HEADS: dict[str, tuple[str, ...]] = {
    "manager": ("chef", "ansvarig"), "director": ("chef", "direktör"), "head": ("chef",),
    "chief": ("chef",), "lead": ("ledare", "chef"), "officer": ("handläggare", "ansvarig"),
    "specialist": ("specialist",), "consultant": ("konsult",), "coordinator": (
        "samordnare", "koordinator"), "assistant": ("assistent",), "advisor": ("rådgivare",),
    "adviser": ("rådgivare",), "analyst": ("analytiker",), "administrator": ("administratör",),
    "controller": ("controller",), "engineer": ("ingenjör",), "developer": ("utvecklare",),
    "technician": ("tekniker",), "planner": ("planerare",), "buyer": ("inköpare",),
    "agent": ("medarbetare",), "representative": ("medarbetare", "representant"),
    "associate": ("medarbetare",),
}
# An English modifier → the front of a Swedish compound title ("sales" + "chef").
MODIFIER_FORMS: dict[str, str] = {
    "sales": "försäljnings", "marketing": "marknads", "finance": "ekonomi",
    "financial": "ekonomi", "economy": "ekonomi", "hr": "hr", "personnel": "personal",
    "people": "personal", "product": "produkt", "project": "projekt", "it": "it",
    "tax": "skatte", "operations": "drift", "operation": "drift", "customer": "kund",
    "quality": "kvalitets", "production": "produktions", "logistics": "logistik",
    "purchasing": "inköps", "procurement": "upphandlings", "communications": "kommunikations",
    "communication": "kommunikations", "security": "säkerhets", "brand": "varumärkes",
    "office": "kontors", "store": "butiks", "shop": "butiks", "restaurant": "restaurang",
    "kitchen": "köks", "service": "service", "support": "support", "warehouse": "lager",
    "export": "export", "payroll": "löne", "accounting": "redovisnings", "legal": "jurist",
    "research": "forsknings", "development": "utvecklings", "environmental": "miljö",
    "environment": "miljö", "safety": "säkerhets", "maintenance": "underhålls",
    "business": "affärs", "technical": "teknisk", "training": "utbildnings",
    "education": "utbildnings", "event": "event", "events": "event", "media": "media",
    "credit": "kredit", "risk": "risk", "compliance": "compliance", "software": "mjukvaru",
    "network": "nätverks", "test": "test", "data": "data", "site": "plats", "school": "skol",
    "care": "vård", "nursing": "vård", "clinic": "klinik", "transport": "transport",
    "property": "fastighets",
    "facility": "fastighets", "facilities": "fastighets", "construction": "bygg",
    "design": "design", "recruitment": "rekryterings", "recruiting": "rekryterings",
    "growth": "tillväxt", "commercial": "kommersiell", "insurance": "försäkrings",
    # environment, health and safety: the work environment ("arbetsmiljöingenjör")
    "ehs": "arbetsmiljö", "hse": "arbetsmiljö", "sheq": "arbetsmiljö",
    "sustainability": "hållbarhets",
    # two English words, one Swedish front
    "customer service": "kundtjänst", "customer support": "kundtjänst",
    "quality assurance": "kvalitets", "human resources": "hr",
}
_OF_HEADS = {"head", "director", "manager", "chief", "vp"}
_KNOWN_SINGLE_WORDS = frozenset(
    word for table in (ENGLISH_TITLE_WORDS, ROLE_HEADS, MODIFIER_FORMS) for key in table
    for word in key.split())


def english_role_compounds(words: list[str]) -> list[tuple[str, range]]:
    """Swedish compound titles an English role phrase stands for, each with the positions of
    `words` it covers: "sales manager" → "försäljningschef", "customer service agent" →
    "kundtjänstmedarbetare", "head of sales" and "chief
    commercial officer" → "försäljningschef"-like fronts + "chef". Only candidates; the title
    index keeps those that are titles."""
    words = [english_singular(w) for w in words]
    out: list[tuple[str, range]] = []
    n = len(words)
    for i in range(n - 1):
        front, role = MODIFIER_FORMS.get(words[i]), ROLE_HEADS.get(words[i + 1])
        if front and role:
            out += [(front + head, range(i, i + 2)) for head in role]
        # "customer service agent" → "kundtjänstmedarbetare", "quality assurance engineer"
        role = ROLE_HEADS.get(words[i + 2]) if i + 2 < n else None
        if role:
            second = MODIFIER_FORMS.get(words[i + 1])
            fronts = [MODIFIER_FORMS.get(f"{words[i]} {words[i + 1]}") or (
                front + second if front and second else "")]
            out += [(f + head, range(i, i + 3)) for f in fronts if f for head in role]
    for i in range(n - 2):
        if words[i] in _OF_HEADS and words[i + 1] == "of":
            for j in range(i + 2, min(n, i + 5)):  # "head of growth and sales"
                front = MODIFIER_FORMS.get(words[j])
                if front:
                    out.append((front + "chef", range(i, j + 1)))
        if words[i] == "chief" and words[i + 2] == "officer" and words[i + 1] in MODIFIER_FORMS:
            out.append((MODIFIER_FORMS[words[i + 1]] + "chef", range(i, i + 3)))
    return out


# Words that mark a headline as English, or as Swedish, beside its title words.
_ENGLISH_GLUE = frozenset({"of", "and", "the", "for", "with", "to", "at", "our", "we", "are",
                           "join", "looking", "senior", "junior", "new", "team", "vp"})
_SWEDISH_GLUE = frozenset({"och", "till", "för", "med", "på", "i", "söker", "sökes", "vi", "som",
                           "inom", "hos", "av", "en", "ett", "din", "vår", "nu"})


def is_english_title(words: list[str]) -> bool:
    """Whether folded headline words read as an English job title ("chief commercial officer",
    "head of sales"): two or more English title words and not one Swedish function word."""
    words = [english_singular(w) for w in words]
    in_a_phrase = {i + k for i in range(len(words) - 1)  # "solution architect"
                   if f"{words[i]} {words[i + 1]}" in ENGLISH_TITLE_WORDS for k in (0, 1)}
    english = sum(i in in_a_phrase or w in ENGLISH_TITLE_WORDS or w in MODIFIER_FORMS
                  or w in ROLE_HEADS or w in _ENGLISH_GLUE for i, w in enumerate(words))
    return english >= 2 and not any(w in _SWEDISH_GLUE for w in words)
