"""Occupation-group prediction: the prior, the headline title index, English headlines."""

from __future__ import annotations

import json
import math
from pathlib import Path

from sqlalchemy import Engine

from jobbnav.enrich.english_titles import (
    english_role_compounds,
    english_singular,
    is_english_title,
    translate_words_aligned,
)
from jobbnav.enrich.group_prior import PRIOR_FILE, SMOOTHING, load_group_prior
from jobbnav.enrich.inflect import spoken_title_forms
from jobbnav.enrich.service import enrich, group_model
from jobbnav.enrich.ssyk_classifier import GroupEvidence
from jobbnav.taxonomy.service import index


def test_prior_is_uniform_without_market_data(tmp_path: Path) -> None:
    prior = load_group_prior(["a", "b"], tmp_path)
    assert not prior.informed
    assert prior.probability == {"a": 0.5, "b": 0.5}


def test_prior_reads_counts_per_group_and_smooths(tmp_path: Path) -> None:
    path = tmp_path / PRIOR_FILE
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"a": {"m1": 60, "m2": 20}, "b": {"m1": "junk"}}), "utf-8")
    prior = load_group_prior(["a", "b", "c"], tmp_path)
    assert prior.informed and prior.source_ads == 80
    total = 80 + 3 * SMOOTHING
    assert math.isclose(prior.probability["a"], (80 + SMOOTHING) / total)
    assert math.isclose(prior.probability["b"], prior.probability["c"])
    assert prior.probability["a"] > prior.probability["b"] > 0


def test_english_title_words_translate_one_to_one() -> None:
    assert translate_words_aligned(["senior", "data", "engineer"]) == [
        "senior", "data", "ingenjör"]
    assert translate_words_aligned(["security", "guard", "sökes"]) == ["väktare", "", "sökes"]


def test_english_it_roles_read_as_their_swedish_titles(real_engine: Engine) -> None:
    def top3(headline: str) -> list[str]:
        return [g.preferred_label for g in
                enrich("We work with cloud platforms.", headline=headline).occupation_groups[:3]]

    assert "Supporttekniker, IT" in top3("IT Support Specialist – Stockholm office")
    assert "Systemförvaltare m.fl." in top3("DevOps Engineer to our Cloud Platform team")


def test_english_role_phrases_become_swedish_compound_titles() -> None:
    assert ("försäljningschef", range(0, 5)) in english_role_compounds(
        ["head", "of", "growth", "and", "sales"])
    assert ("skattechef", range(1, 3)) in english_role_compounds(["senior", "tax", "manager"])
    assert ("ekonomichef", range(0, 3)) in english_role_compounds(["chief", "financial", "officer"])
    assert english_role_compounds(["data", "och", "manager"]) == []
    assert ("kundtjänstmedarbetare", range(0, 3)) in english_role_compounds(
        ["customer", "service", "agent"])
    # environment, health and safety is the work environment
    assert ("arbetsmiljöingenjör", range(0, 2)) in english_role_compounds(["ehs", "engineer"])


def _codes(headline: str, text: str = "") -> list[str | None]:
    return [g.ssyk_code for g in enrich(text, headline=headline).occupation_groups]


def test_bare_titles_and_compound_heads_reach_their_groups(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    evidence = model.titles.likelihood("Säljare till Borlänge!")
    assert evidence.titles == ("säljare",)
    codes = {index().concepts[g].codes.get("ssyk-code-2012") for g in evidence.likelihood}
    assert {"3322", "5242", "5223"} <= codes  # företags-, telefon-, butikssäljare
    assert _codes("Lärare F-3 till Hissmoskolan")[0] in ("2341", "2342", "2343", "2330")
    assert _codes("Transportbilssäljare Kista")[:3].count(None) == 0
    assert "5223" in _codes("Transportbilssäljare Kista")[:3]  # bilförsäljare, butik
    assert _codes("Psykiatrisjuksköterska till mottagningen")[0] == "2225"


def test_english_headlines_are_read_through_swedish_titles(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    assert "dataingenjör" in model.titles.likelihood("Senior Data Engineer").titles
    assert _codes("Registered Nurse to our clinic")[0] == "2221"
    assert _codes("Key Account Manager till Stena")[0] == "3322"
    assert _codes("Head of Sales, Nordics")[0] == "1250"  # försäljningschef
    assert "ekonomichef" in model.titles.likelihood("Chief Financial Officer").titles
    # a translation that only closes compound titles reads as their head
    qa = model.titles.likelihood("QA Engineer")
    assert qa.titles == ("testare",)
    assert {index().concepts[g].codes.get("ssyk-code-2012") for g in qa.likelihood} >= {"2514"}


def test_ontology_titles_joined_by_head_reach_the_title_index(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    evidence = model.titles.likelihood("Skolpsykolog")  # ontology title, no taxonomy name
    assert evidence.titles == ("skolpsykolog",)
    codes = {index().concepts[g].codes.get("ssyk-code-2012") for g in evidence.likelihood}
    assert codes == {"2241"}


def test_titles_a_group_label_lists_reach_the_title_index(real_engine: Engine) -> None:
    # the ontology's "Lastbilsförare" (term "lastbilschaufför") joins "Lastbilsförare m.fl."
    model = group_model()
    assert model is not None
    assert "lastbilschaufför" in model.titles.likelihood("Lastbilschaufför C/CE").titles
    assert _codes("Lastbilschaufför C/CE till Göteborg")[0] == "8332"


def test_a_title_only_a_group_has_counts_as_a_name_of_it(real_engine: Engine) -> None:
    # no occupation name says "lastbilschaufför" or "ortoped"; their ontology titles joined the
    # group (by its label; by the physician specialty "Ortopedi, specialistkompetens för läkare")
    model = group_model()
    assert model is not None
    evidence = model.titles.likelihood("Ortoped till nystartad enhet i Halmstad")
    assert [index().concepts[g].codes.get("ssyk-code-2012") for g in evidence.named_groups] == [
        "2211"]
    assert _codes("Ortoped till nystartad enhet i Halmstad")[0] == "2211"
    assert _codes("Lastbilschaufför")[0] == "8332"
    assert model.titles.likelihood("Systemutvecklare").named_groups == ()  # a name: the lexicon's


def test_a_word_that_only_ends_compound_titles_reads_as_their_head(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    evidence = model.titles.likelihood("Testare till IT-projekt")  # "systemtestare", …
    assert evidence.titles == ("testare",)
    best = max(evidence.likelihood, key=evidence.likelihood.__getitem__)
    assert index().concepts[best].codes.get("ssyk-code-2012") == "2514"
    assert _codes("Testare till IT-projekt")[0] == "2514"
    assert model.titles.likelihood("Inom IT").titles == ()  # short words are no heads


def test_a_title_a_label_qualifies_with_a_field_is_a_title_of_that_label(
        real_engine: Engine) -> None:
    # "Driftledare växtodling" and "Driftledare lantbruk med blandad drift" are driftledare
    # too, not only "Driftledare, skogsbruk"; "Drifttekniker IT / elkraft / värmeverk" share
    # "drifttekniker"
    model = group_model()
    assert model is not None

    def codes_named_by(headline: str) -> set[str | None]:
        return {index().concepts[g].codes.get("ssyk-code-2012")
                for g in model.titles.likelihood(headline).likelihood}

    assert {"1380", "6111", "6130"} <= codes_named_by("Driftledare")
    assert {"3511", "8191"} <= codes_named_by("Drifttekniker")
    # neither a word that only qualifies ("Data scientist") nor one before a preposition
    assert "data" not in model.titles.exact
    assert "lärare" not in model.titles.exact


def test_english_ads_are_not_alike_by_their_function_words(real_engine: Engine) -> None:
    # The English ads among the labelled ones are engineering ads; an English customer service
    # ad shares "you", "we", "and", "the" with them and nothing else that matters.
    body = ("We are looking for customer service agents to join our team in Malmö, handling "
            "customers from all over the Nordics by phone, chat and email. You are "
            "service-minded, patient and a good listener, and you like working in a team. We "
            "offer paid training and a modern office next to the station.")
    assert _codes("Customer Service Agent with Norwegian or Danish – Malmö", body)[0] == "4222"
    model = group_model()
    assert model is not None
    ids, _ = model.scorer.vector("the and you we our")
    assert ids.size == 0


def test_a_long_compound_qualifier_is_seen_by_its_end(real_engine: Engine) -> None:
    # "Undersköterska, vård- och specialavdelning och mottagning": "ortopedavdelningen" is a
    # specialavdelning, so the ward's group, not home care's
    body = ("Ortopedavdelningen på Västerås sjukhus har 28 vårdplatser. Som undersköterska "
            "arbetar du med omvårdnad av patienter före och efter operation, tillsammans med "
            "sjuksköterskor, läkare och fysioterapeuter. Du har undersköterskeexamen.")
    assert _codes("Undersköterska till ortopedavdelningen, Västerås sjukhus", body)[0] == "5323"


def test_a_headline_that_names_no_job_takes_the_title_the_text_announces(
        real_engine: Engine) -> None:
    body = ("Hos oss står kunden i centrum och vi växer snabbt. Vi söker nu en "
            "kundtjänstmedarbetare som vill hjälpa våra kunder via telefon, chatt och mejl. Du "
            "har erfarenhet av service och trivs med att lösa problem. Vi erbjuder "
            "kollektivavtal och friskvårdsbidrag.")
    assert _codes("Bli en del av vårt team i Malmö!", body)[0] == "4222"


def test_a_field_after_a_slash_names_no_occupation(real_engine: Engine) -> None:
    labels = {h.preferred_label for h in enrich("Testare/QA till medicinteknikbolag").hits}
    assert "Speltestare/QA" not in labels  # QA is quality assurance, not games testing
    assert "Key account manager/KAM" in {
        h.preferred_label for h in enrich("Vi söker en KAM till vårt team.").hits}


def test_a_headline_without_a_known_title_still_decides_the_group(real_engine: Engine) -> None:
    # no name or term says "tvätteriarbetare"; its n-grams are the laundry group's
    body = ("Vi levererar till hotell, restauranger och vårdgivare i hela regionen, och våra "
            "kunder ska få rätt leverans i tid. Du arbetar skift, dag och kväll, i ett team "
            "med god service som ledstjärna. Vi erbjuder introduktion och kollektivavtal. Vi "
            "ser gärna att du har erfarenhet från liknande arbete och att du är noggrann.")
    model = group_model()
    assert model is not None
    assert model.titles.likelihood("Tvätteriarbetare med packansvar").likelihood == {}
    assert _codes("Tvätteriarbetare med packansvar sökes", body)[0] == "8151"


def test_group_probabilities_are_a_distribution(real_engine: Engine) -> None:
    guesses = enrich("Vi söker en undersköterska till hemtjänsten.",
                     headline="Undersköterska").occupation_groups
    assert guesses and guesses[0].ssyk_code == "5321"
    assert all(0 < g.probability <= 1 for g in guesses)
    assert [g.probability for g in guesses] == sorted((g.probability for g in guesses),
                                                     reverse=True)


def test_an_ads_stated_occupation_decides_its_group(real_engine: Engine) -> None:
    from jobbnav.enrich.service import enrich_ad

    ad = {"headline": "Vi söker dig!", "description": {"text": "Kom och jobba hos oss."},
          "occupation": {"concept_id": "rQds_YGd_quU", "label": "Mjukvaruutvecklare"}}
    first = enrich_ad(ad)["occupation_groups"][0]
    assert (first["ssyk_code"], first["prediction"], first["context"]) == ("2512", 1.0, "stated")
    by_label = enrich_ad({**ad, "occupation": {"label": "Mjukvaruutvecklare"}})
    assert by_label["occupation_groups"][0]["ssyk_code"] == "2512"
    unknown = enrich_ad({**ad, "occupation": {"concept_id": "no-such-id"}})
    assert all(g["context"] != "stated" for g in unknown["occupation_groups"])


def test_place_names_are_not_read_as_titles(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    # "Botkyrka" ends in "kyrka", a title head of priests; it is a municipality here
    assert model.titles.likelihood("Lagerarbetare sökes till Botkyrka").titles == (
        "lagerarbetare",)


def test_everyday_forms_of_forsaljare_titles_are_titles(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    assert "bilsäljare" in model.titles.likelihood("Bilsäljare Haninge").titles
    assert "5223" in _codes("Bilsäljare Haninge")[:3]  # Bilförsäljare, butik


def test_everyday_forms_of_forsaljare_titles_are_recognised_in_text(real_engine: Engine) -> None:
    found = enrich("Vi söker eventsäljare och bilsäljarna i Umeå.", kind="ad",
                   predict_groups=False)
    labels = {h.preferred_label: h.term for h in found.of_type("occupation-name")}
    assert labels.get("Eventförsäljare") == "eventsäljare"
    assert labels.get("Bilförsäljare") == "bilsäljarna"  # the spoken form inflects too
    # only compounds: the stand-alone word and the bare ending keep their forms
    assert spoken_title_forms("försäljare") == []
    assert spoken_title_forms("telefonförsäljare") == ["telefonsäljare"]
    assert spoken_title_forms("tekniker") == []


def test_english_titles_read_their_words_in_english(real_engine: Engine) -> None:
    assert is_english_title(["chief", "commercial", "officer"])
    assert not is_english_title(["officer", "till", "försvarsmakten"])
    english = enrich("", headline="Chief Commercial Officer", kind="ad")
    assert "Officer" not in {h.preferred_label for h in english.of_type("occupation-name")}
    assert english.occupation_groups[0].ssyk_code != "0110"  # not Officerare
    swedish = enrich("", headline="Officer till Försvarsmakten", kind="ad")
    assert "Officer" in {h.preferred_label for h in swedish.of_type("occupation-name")}
    assert swedish.occupation_groups[0].ssyk_code == "0110"
    # an English spelling of the same title keeps its concept
    admin = enrich("", headline="System Administrator", kind="ad")
    assert "Administratör" in {h.preferred_label for h in admin.of_type("occupation-name")}


def test_the_occupation_the_ad_offers_outweighs_colleagues_named_in_passing(
        real_engine: Engine) -> None:
    from jobbnav.enrich.service import _role_occupations, lexicon

    model = group_model()
    assert model is not None
    text = ("Vi söker nu en erfaren lagerarbetare till vårt team. Du arbetar nära våra "
            "truckförare.")
    hits = [h for h in enrich(text, predict_groups=False).hits
            if h.concept_type == "occupation-name"]
    labels = {h.concept_id: h.preferred_label for h in hits}
    roles = _role_occupations(hits, text, lexicon().english_names, [])
    assert [labels[cid] for cid, _ in roles] == ["Lagerarbetare/Terminalarbetare"]

    # the same two names in the body: the one offered decides, whichever it is
    both = tuple((h.concept_id, h.confidence) for h in hits)
    for role in both:
        found = GroupEvidence(body_occupations=both, role_occupations=(role,))
        best = model.predict("Ny kollega", "Välkommen med din ansökan.", found)[0]
        assert best.concept_id in lexicon().groups_of[role[0]]


def test_a_title_word_and_the_unit_it_is_for_read_as_one_compound_title(
        real_engine: Engine) -> None:
    def best(headline: str, text: str = "Välkommen med din ansökan!") -> str:
        return enrich(text, headline=headline).occupation_groups[0].preferred_label

    assert best("Medarbetare till vår kundtjänst") == "Kundtjänstpersonal"
    assert best("Assistent till vår ekonomiavdelning",
                "Du hanterar leverantörsfakturor och löpande administration.") == \
        "Ekonomiassistenter m.fl."
    assert best("Elektriker till serviceavdelningen i Västerås") == \
        "Installations- och serviceelektriker"
    # an industry or a trade is such a unit too: "montör till fordonsindustrin" is a
    # "fordonsmontör"
    assert best("Montör till fordonsindustrin") == "Fordonsmontörer"
    # a title of its own keeps what it says: a nurse for a ward is no specialist nurse
    assert best("Sjuksköterska till medicinavdelningen") == "Grundutbildade sjuksköterskor"


def test_an_ambiguous_title_offered_by_the_ad_still_names_its_groups(
        real_engine: Engine) -> None:
    guesses = enrich("Vi söker en undersköterska till vårt team.",
                     headline="Ny kollega till vårt team").occupation_groups
    assert {g.preferred_label.split(",")[0] for g in guesses[:2]} == {"Undersköterskor"}
    assert guesses[0].probability > 0.08  # the offered title's groups, not a vague spread


def test_a_compound_ending_in_a_longer_title_reads_as_that_title(real_engine: Engine) -> None:
    # "transportbilssäljare" ends in "bilsäljare" (the linking s dropped), which says more than
    # its head "säljare", spread over every sales group
    model = group_model()
    assert model is not None
    evidence = model.titles.likelihood("Transportbilssäljare Kista")
    assert evidence.titles == ("bilsäljare",)
    assert [index().concepts[g].codes.get("ssyk-code-2012") for g in evidence.named_groups] == [
        "5223"]
    assert _codes("Transportbilssäljare Kista")[0] == "5223"
    assert model.titles.likelihood("Kvällsundersköterska").titles == ("undersköterska",)


def test_a_deputy_reads_as_the_taxonomys_biträdande_title(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    for headline in ("Stf. butikschef – Hemköp", "Bitr. butikschef"):
        evidence = model.titles.likelihood(headline)
        assert evidence.titles[0] == "biträdande butikschef"
        best = max(evidence.likelihood, key=evidence.likelihood.__getitem__)
        assert index().concepts[best].codes.get("ssyk-code-2012") == "5221"


def test_a_labels_field_before_its_title_is_a_title_too(real_engine: Engine) -> None:
    # "Projektledare, IT" is written "IT-projektledare" in headlines
    model = group_model()
    assert model is not None
    assert model.titles.likelihood("IT-projektledare till vårt konsultbolag").titles[0] == \
        "it projektledare"
    assert _codes("IT-projektledare till vårt konsultbolag")[0] == "2512"


def test_english_security_and_solution_roles_read_as_it_titles(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    for headline, code in (("Security Engineer – Detection & Response", "2516"),
                           ("Solution Architect – Azure", "2511")):
        evidence = model.titles.likelihood(headline)
        best = max(evidence.likelihood, key=evidence.likelihood.__getitem__)
        assert index().concepts[best].codes.get("ssyk-code-2012") == code


def test_a_one_word_group_label_is_a_title_of_its_group(real_engine: Engine) -> None:
    # no occupation name is "Grundskollärare" or "Gymnasielärare"; their groups' labels are
    model = group_model()
    assert model is not None
    for headline, code in (("Grundskollärare i matematik till Rosendalsskolan", "2341"),
                           ("Gymnasielärare i svenska", "2330"),
                           ("Anläggningsarbetare till Vägbolaget", "7114"),
                           # a one-word title the label lists: "Övriga kontorsassistenter och
                           # sekreterare", in the singular
                           ("Kontorsassistent 75 %", "4119")):
        evidence = model.titles.likelihood(headline)
        assert [index().concepts[g].codes.get("ssyk-code-2012")
                for g in evidence.named_groups] == [code], headline


def test_an_english_title_the_phrase_list_translates_names_its_group(
        real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    named = model.titles.likelihood("Legal Counsel – Commercial & Regulatory").named_groups
    codes = [index().concepts[g].codes.get("ssyk-code-2012") for g in named]
    assert codes == ["2614"]
    # a compound joined word by word is a guess: "Data Engineer" names no group by itself
    assert not model.titles.likelihood("Data Engineer").named_groups
    # nor does a generic head: "Manager" → "chef" closes titles in dozens of groups
    for headline in ("Tax Manager", "Talent Manager", "Head of Something", "Assistant"):
        assert not model.titles.likelihood(headline).named_groups, headline


def test_office_and_it_titles_as_employers_write_them(real_engine: Engine) -> None:
    for headline, code in (("Lösningsarkitekt inom integration", "2511"),
                           ("Office Coordinator – Stockholm", "4119")):
        groups = enrich("", headline=headline, kind="ad").occupation_groups
        assert groups[0].concept_id in {g for g in index().by_type["ssyk-level-4"]
                                        if index().concepts[g].codes.get("ssyk-code-2012")
                                        == code}, headline


def test_a_teacher_of_a_vocational_subject_is_a_vocational_teacher(real_engine: Engine) -> None:
    for headline in ("SiS ungdomshem söker lärare i försäljning och service",
                     "Lärare inom vård och omsorg till Hälsogymnasiet", "Fordonslärare"):
        assert _codes(headline)[0] == "2320", headline
    # a teacher of an academic subject stays where the school form puts it
    assert _codes("Gymnasielärare i svenska och engelska")[0] == "2330"


def test_a_generic_head_closing_an_unknown_compound_names_no_occupation(
        real_engine: Engine) -> None:
    # "Omsorgsassistent" is no taxonomy title: its head "assistent" matches "Personlig
    # assistent", but the first part says the job is care work in a group home
    groups = [g.ssyk_code for g in enrich(
        "Du arbetar i en gruppbostad enligt LSS med vård och omsorg för boende med "
        "funktionsnedsättning.", headline="Omsorgsassistenter till gruppbostad").occupation_groups]
    assert groups[0] == "5342"
    # the plain title still names its occupation
    assert _codes("Personlig assistent till kund i Lund")[0] == "5343"


def test_an_english_head_word_closing_a_longer_title_names_that_title(
        real_engine: Engine) -> None:
    # "Administrator" is also a Swedish label ("Administratör", office work), but in "System
    # Administrator" it closes "systemadministratör"
    text = "Du ansvarar för drift och övervakning av våra Linuxservrar, backup och patchning."
    assert _codes("Linux System Administrator", text)[0] == "3513"
    assert _codes("Administrator", "Du sköter posten, fakturor och bokningar.")[0] == "4119"


def test_a_two_word_english_phrase_makes_a_title_english(real_engine: Engine) -> None:
    assert is_english_title(["solution", "architect"])
    assert not is_english_title(["lösningsarkitekt"])
    model = group_model()
    assert model is not None
    named = model.titles.likelihood("Solution Architect").named_groups
    assert [index().concepts[g].codes.get("ssyk-code-2012") for g in named] == ["2511"]


def test_common_english_titles_read_as_their_swedish_compounds(real_engine: Engine) -> None:
    model = group_model()
    assert model is not None
    for headline, code in (("Portfolio Manager, Nordic Equities", "2414"),
                           ("Courier / Delivery Driver (B-license)", "8329"),
                           ("Forklift Driver – night shift", "8344"),
                           ("Warehouse Associate", "4322")):
        named = model.titles.likelihood(headline).named_groups
        assert [index().concepts[g].codes.get("ssyk-code-2012") for g in named] == [code], \
            headline
    # a shift leader is a supervisor ("arbetsledare"), whose group the text decides
    assert model.titles.likelihood("Shift Supervisor – Production").titles == ("arbetsledare",)
    # a design engineer is a "konstruktör", of machines or of electrical products
    assert model.titles.likelihood("Mechanical Design Engineer").titles == ("maskinkonstruktör",)
    assert _codes("Electrical Design Engineer – Substation Automation")[0] == "3113"


def test_english_care_school_and_trades_titles_read_as_their_swedish_titles(
        real_engine: Engine) -> None:
    for headline, code in (("Assistant Nurse – Day Surgery Unit", "5323"),
                           ("English Teacher – Upper Secondary", "2330"),
                           ("Midwife, Maternity Ward", "2222"),
                           ("Caretaker for our properties in Malmö", "5152")):
        assert _codes(headline)[0] == code, headline


def test_english_plural_clinic_and_recruiting_titles_read_as_their_swedish_titles(
        real_engine: Engine) -> None:
    for headline, code in (("Carpenters wanted – residential projects in Stockholm", "7111"),
                           ("Welders wanted", "7212"),
                           ("Sales Managers, Nordics", "1250"),
                           ("Clinic Manager – Primary Care, Västerås", "1510"),
                           ("Talent Acquisition Specialist", "2423")):
        assert _codes(headline)[0] == code, headline


def test_english_singular_only_of_the_table_s_words() -> None:
    assert [english_singular(w) for w in ("carpenters", "secretaries", "welders", "sales",
                                          "säljares", "lärares", "bus")] == [
        "carpenter", "secretary", "welder", "sales", "säljares", "lärares", "bus"]


def test_a_bare_title_the_ontology_gives_one_qualified_name_stays_ambiguous(
        real_engine: Engine) -> None:
    # "servicetekniker" is the ontology's title of "Servicetekniker, elkraft", but ads use it
    # of every service technician: the text decides ("hyrmaskiner", "motorer")
    result = enrich("Vi söker en servicetekniker för service av hyrmaskiner och motorer.",
                    headline="Servicetekniker", kind="ad")
    assert result.occupation_groups[0].ssyk_code == "7231"
