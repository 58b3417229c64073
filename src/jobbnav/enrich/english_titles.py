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

__all__ = ["ENGLISH_TITLE_WORDS", "translate_words_aligned"]

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
    "assistant": "assistent", "secretary": "sekreterare", "receptionist": "receptionist",
    "accountant": "redovisningsekonom", "accounting": "redovisning", "controller": "controller",
    "auditor": "revisor", "economist": "ekonom", "buyer": "inköpare", "purchaser": "inköpare",
    "procurement": "upphandlare", "recruiter": "rekryterare", "marketer": "marknadsförare",
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
    "guard": "väktare", "security guard": "väktare", "warehouse worker": "lagerarbetare",
    "worker": "arbetare", "storekeeper": "lagerarbetare", "hairdresser": "frisör",
    "social worker": "socialsekreterare", "counsellor": "kurator", "counselor": "kurator",
}


def translate_words_aligned(words: list[str]) -> list[str]:
    """The Swedish title word of each folded English word, one out per word in (unknown words
    unchanged); a two-word English title ("security guard") gives its Swedish word once and an
    empty string for its second word."""
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
