"""CI floors: figures below the first honest measurement (docs/benchmarks.md) fail the build."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import Engine

from jobbnav.enrich import service
from jobbnav.enrich.employer_requirements import employer_requirements
from jobbnav.enrich.evaluate import (
    BLIND_EVAL_SETS,
    DEFAULT_EVAL_SET,
    _headline_groups,
    calibration_error,
    evaluate,
    load_eval_set,
)
from jobbnav.errors import InvalidInput

# First measurement (2026-11-22): skill 0.830, occupation 0.973, all 0.932, context 0.942,
# occupation group top-1 0.406 / top-3 0.571. Floors sit a little below.
# Occupation group with the headline title index and the 2024 prior (2026-11-22, issue 4
# follow-up, weights chosen by 5-fold cross-validation): top-1 0.519, top-3 0.752 in-sample
# (cross-validated estimate ≈ 0.46 / 0.75); floors raised accordingly.
# Fourth session (real-ad false hits, workplace traits, lower-case query places): skill 0.892,
# trait 0.994, geo 0.979, all 0.957 on 186 texts; geo and all floors raised.
FLOORS_F1 = {"skill": 0.80, "occupation": 0.92, "language": 0.95, "driving-licence": 0.95,
             "trait": 0.95, "geo": 0.93}
FLOOR_ALL_F1 = 0.93
FLOOR_CONTEXT = 0.90
# Ontology titles joined by head, English role phrases, weights and temperature re-chosen by
# cross-validation (2026-11-22): top-1 0.511, top-3 0.782 in-sample (CV ≈ 0.48 / 0.77).
# Labelled-ad memory (2026-11-22, second session): each ad predicted without itself and its
# employer's ads: top-1 0.587, top-3 0.804 (leave-one-out 0.677 / 0.812, taxonomy only
# 0.511 / 0.782).
# Everyday "-säljare" forms of "-försäljare" titles in the lexicon (2026-11-22, third session):
# top-1 0.602, top-3 0.812 (leave-one-out 0.677 / 0.820, taxonomy only 0.526 / 0.789).
# Fifth session: the memory counts only similarity above 0.2 (weight 16), and a headline
# title only a group has counts as a name of it: top-1 0.624, top-3 0.835 (leave-one-out
# 0.684 / 0.842, taxonomy only 0.549 / 0.804).
FLOOR_GROUP_TOP1 = 0.60
FLOOR_GROUP_TOP3 = 0.80
# a group's probability says how often it is right: 0.122 on the dev ads at temperature 2.1
CEILING_GROUP_CALIBRATION_ERROR = 0.18
# Own everyday headlines across the labour market (2026-11-22, fourth session): 105 headlines,
# top-1 0.971, top-3 0.981 (TF-IDF + LinearSVC baseline 0.848 / 0.905).
# Addresses blanked before reading (same session): top-1 0.594 (one ad moved), top-3 0.812.
# Ads sent without a headline (the title the text announces stands in; same session):
# top-1 0.556, top-3 0.752 (0.466 / 0.714 before).
# Second set, written blind by another author (fifth session, 60 texts, 477 labels): all F1
# 0.913, skill 0.819, context 0.934 as first measured; 0.937 / 0.870 / 0.962 after the fixes
# it showed (docs/benchmarks.md).
# Third set, 50 full structured ads, CVs and course texts written blind (fifth session, 572
# labels): all F1 0.878, skill 0.766, context 0.752 as first measured; 0.894 / 0.805 / 0.960
# after the section fixes it showed.
# Fourteenth session: an ad's colleagues, bosses, contact persons, next career steps and the
# police ("i nära samarbete med läkare", "din teamledare", "kontakta rekryterare [namn]",
# "polisens belastningsregister") are no occupation of the ad, as real ads' own labels and
# the later authors have it. Occupation F1 rose where authors left them unlabelled (care
# 0.439 → 0.632, volume 0.656 → 0.764, midmarket 0.455 → 0.594, market sample, never read,
# 0.484 → 0.645) and fell where they labelled them (tail 0.792 → 0.571, structured 0.893 →
# 0.707, employers 0.785 → 0.630); the occupation floors below follow (docs/decisions/0006).
# Nineteenth session: a neutral sentence naming three or more occupations lists the staff
# (`service.STAFF_LIST_MIN`): occupation F1 fell again where authors label colleagues (tail
# 0.582 → 0.517, employers 0.638 → 0.590, market, structured, mixed) and rose where they do not
# (care 0.672 → 0.729, volume, office, midmarket, both never-read sets); those floors follow.
FLOORS_BLIND = {"eval_set_blind": {"skill": 0.83, "occupation": 0.92, "all": 0.91,
                                   "context": 0.93},
                "eval_set_blind_full_ads": {"skill": 0.77, "occupation": 0.86, "all": 0.86,
                                            "context": 0.92},
                # Sixth session, two more sets written blind: 40 long real-style ads (696
                # labels; first measured all F1 0.763, skill 0.692, occupation 0.482 (the
                # author left most occupations an ad mentions in passing unlabelled), trait
                # 0.771, context 0.901; 0.828 / 0.734 / 0.552 / 0.903 / 0.931 after the fixes)
                # and 40 course texts and CVs (587 labels; first 0.739 / skill 0.567 / context
                # 0.814, after 0.793 / 0.652 / 0.929).
                "eval_set_blind_long_ads": {"skill": 0.66, "occupation": 0.69, "all": 0.78,
                                            "context": 0.90},
                "eval_set_blind_courses_cvs": {"skill": 0.60, "occupation": 0.70, "all": 0.75,
                                               "context": 0.90},
                # Seventh session: 40 ads written blind to vary structure as real ads do (756
                # labels). Context 0.798 at the session's start, 0.866 after its first context
                # rules (written before the set existed), 0.922 after the fixes it showed; all
                # F1 0.831 / skill 0.678 / occupation 0.873 first, 0.841 / 0.684 / 0.893 after.
                "eval_set_blind_structured_ads": {"skill": 0.64, "occupation": 0.66, "all": 0.80,
                                                  "context": 0.89},
                # Eighth session: 40 ads written blind to vary how requirements, merits and
                # non-requirements are phrased (728 labels). All F1 / skill / trait / context
                # 0.785 / 0.663 / 0.775 / 0.843 with the session-start code, 0.788 / 0.668 /
                # 0.775 / 0.847 when it arrived (after the session's first phrasing cues),
                # 0.807 / 0.673 / 0.847 / 0.944 after the fixes it showed.
                "eval_set_blind_phrasing_ads": {"skill": 0.62, "occupation": 0.74, "all": 0.77,
                                                "context": 0.88},
                # Eighth session, measured once, at the end, and not used to fix anything: 40
                # ads mixed as the market's volume is (915 labels). All F1 / skill / trait /
                # context 0.787 / 0.686 / 0.745 / 0.945 with the session-start code, 0.792 /
                # 0.689 / 0.757 / 0.949 when it arrived, 0.791 / 0.689 / 0.757 / 0.954 at the
                # end (its errors were not read).
                "eval_set_blind_market_ads": {"skill": 0.64, "occupation": 0.65, "all": 0.76,
                                              "context": 0.91},
                # Ninth session: 40 ads written blind as staffing agencies, municipalities,
                # small firms and large companies write them (736 labels). All F1 / skill /
                # occupation / context 0.804 / 0.669 / 0.775 / 0.921 with the session-start
                # code, 0.806 / 0.677 / 0.775 / 0.920 when it arrived (after the session's
                # software and requirement surfaces), 0.841 / 0.943 (all F1 / context) after
                # the fixes it showed.
                "eval_set_blind_employers_ads": {"skill": 0.62, "occupation": 0.57, "all": 0.76,
                                                 "context": 0.88},
                # Ninth session, measured before its errors were read: 40 ads for the
                # occupations with the most ads (703 labels). All F1 / skill / occupation /
                # context 0.803 / 0.679 / 0.656 / 0.926 with the session-start code, 0.815 /
                # 0.710 / 0.656 / 0.928 with the session's code when it arrived (its author
                # left colleagues' titles unlabelled: occupation precision 0.52).
                "eval_set_blind_volume_ads": {"skill": 0.66, "occupation": 0.74, "all": 0.77,
                                              "context": 0.89},
                # Ninth session, measured once, at the end, and not used to fix anything: 20
                # ads, 13 course texts and 12 CVs (814 labels). All F1 / skill / occupation /
                # context 0.811 / 0.673 / 0.842 / 0.945 with the session-start code, 0.824 /
                # 0.702 / 0.842 / 0.946 with the session's code.
                "eval_set_blind_mixed_texts": {"skill": 0.66, "occupation": 0.75, "all": 0.78,
                                               "context": 0.91},
                # Tenth session, measured with the session-start code before its errors were
                # read: 40 ads from the long tail of groups (747 labels), all F1 / skill /
                # occupation / context 0.803 / 0.635 / 0.788 / 0.937 (0.806 / 0.645 after the
                # session); 40 sales and IT ads (872 labels), 0.814 / 0.741 / 0.784 / 0.923
                # (0.824 / 0.766 after).
                "eval_set_blind_tail_ads": {"skill": 0.60, "occupation": 0.50, "all": 0.76,
                                            "context": 0.90},
                "eval_set_blind_sales_it_ads": {"skill": 0.70, "occupation": 0.68, "all": 0.78,
                                                "context": 0.89},
                # Eleventh session, measured with the session-start code before its errors
                # were read: 40 ads from industry, construction, transport, warehouse, repair
                # and cleaning (718 labels), all F1 / skill / occupation / context 0.746 /
                # 0.560 / 0.729 / 0.897; 40 ads from care, schools and public services (693
                # labels; its author left colleagues' titles unlabelled), 0.722 / 0.606 /
                # 0.436 / 0.924.
                "eval_set_blind_trades_ads": {"skill": 0.53, "occupation": 0.77, "all": 0.72,
                                              "context": 0.87},
                "eval_set_blind_care_ads": {"skill": 0.58, "occupation": 0.70, "all": 0.70,
                                            "context": 0.90},
                # Eleventh session, two more measured once with the session-start code and
                # once with the session's: 40 sales, service and hospitality ads (656 labels;
                # not read), all F1 / skill / occupation / context 0.779 / 0.599 / 0.635 /
                # 0.908 first; 40 office, engineering and IT ads (773 labels; only its group
                # misses read), 0.758 / 0.667 / 0.574 / 0.923 first.
                "eval_set_blind_service_ads": {"skill": 0.57, "occupation": 0.66, "all": 0.75,
                                               "context": 0.88},
                "eval_set_blind_office_ads": {"skill": 0.64, "occupation": 0.65, "all": 0.73,
                                              "context": 0.89},
                # Twelfth session, measured with the session-start code before anything in
                # them was read: 40 ads from the middle of the market (734 labels; only its
                # group misses read afterwards), all F1 / skill / occupation / context 0.789 /
                # 0.678 / 0.451 / 0.942; 40 ads drawn as the market's volume is (665 labels;
                # never read), 0.750 / 0.580 / 0.484 / 0.955. Both authors label the job
                # offered as required where experience of it is asked for, and colleagues'
                # titles rarely: occupation precision is low.
                "eval_set_blind_midmarket_ads": {"skill": 0.64, "occupation": 0.57,
                                                 "all": 0.75, "context": 0.91},
                "eval_set_blind_marketsample_ads": {"skill": 0.54, "occupation": 0.62,
                                                    "all": 0.72, "context": 0.92},
                # Nineteenth session, two more written blind and measured with the session-start
                # code first: 40 everyday ads drawn as the market's volume is (659 labels;
                # read): all F1 / skill / occupation / context 0.813 / 0.681 / 0.628 / 0.911
                # first, 0.844 / 0.711 / 0.710 / 0.934 after the fixes it showed; 40 ads mixed as
                # the dev ads are, IT and sales (832 labels; never read): 0.841 / 0.803 / 0.588
                # / 0.938 first, 0.853 / 0.803 / 0.659 / 0.942 at the end.
                "eval_set_blind_everyday_ads": {"skill": 0.67, "occupation": 0.66, "all": 0.80,
                                                "context": 0.90},
                "eval_set_blind_itsales_ads": {"skill": 0.76, "occupation": 0.61, "all": 0.80,
                                               "context": 0.90}}
FLOOR_TEXT_ONLY_TOP1 = 0.52
# Second headline set, 120 short ads written blind by another author (fifth session): top-1
# 0.775 / top-3 0.908 as first measured, 0.842 / 0.908 with the memory's similarity floor.
FLOOR_BLIND_HEADLINES_TOP1 = 0.78
FLOOR_BLIND_HEADLINES_TOP3 = 0.88
# The long blind ads with their SSYK codes: top-1 0.825 / top-3 0.925 at the start of the sixth
# session, 0.850 / 0.975 after its changes.
FLOOR_LONG_ADS_TOP1 = 0.78
FLOOR_LONG_ADS_TOP3 = 0.90
# The structured blind ads (seventh session): 0.875 / 0.975 as first measured; 0.925 / 1.000
# once English function words stopped making English ads alike and "QA" stopped naming
# Speltestare.
FLOOR_STRUCTURED_ADS_TOP1 = 0.82
FLOOR_STRUCTURED_ADS_TOP3 = 0.92
# 60 short ads with messy headlines ("Sommarjobb 2026", "Field Service Engineer"), written
# blind (seventh session): 0.767 / 0.950 at the session start, 0.783 / 0.950 when first
# measured, 0.800 / 0.950 after a long compound qualifier counted by its end
# ("specialavdelning" in "ortopedavdelningen"), 0.867 / 0.967 once a headline that names no
# job takes the title the text announces (the 120 blind short ads: 0.867 / 0.917 → 0.892 /
# 0.925), 0.867 / 0.983 with "QA Engineer" read as "testare" (short ads 0.892 / 0.933).
# TF-IDF baseline 0.783 / 0.883.
# The phrasing blind ads (eighth session): 0.925 / 0.975 as first measured (with the session
# start code too), 0.950 / 0.975 once a unit is read by its head ("Säljare till modebutik"),
# 0.950 / 1.000 with "IT Support Specialist" read as "supporttekniker".
FLOOR_PHRASING_ADS_TOP1 = 0.87
FLOOR_PHRASING_ADS_TOP3 = 0.95
# The market blind ads (eighth session): 0.825 / 0.950 with the session-start code, 0.850 /
# 0.950 with the session's code when it arrived, 0.850 / 1.000 once "IT Support Specialist"
# and "DevOps Engineer" read as their Swedish titles.
FLOOR_MARKET_ADS_TOP1 = 0.78
FLOOR_MARKET_ADS_TOP3 = 0.92
# The employers blind ads (ninth session): 0.800 / 0.900 with the session-start code and when
# it arrived. Most misses are rare groups the 2024 prior outweighs, and titles the taxonomy
# files elsewhere than the author ("Butikschef" is under Chefer inom handel).
FLOOR_EMPLOYERS_ADS_TOP1 = 0.72
FLOOR_EMPLOYERS_ADS_TOP3 = 0.85
# The volume blind ads (ninth session): 0.975 / 1.000 with the session-start code and after.
FLOOR_VOLUME_ADS_TOP1 = 0.90
FLOOR_VOLUME_ADS_TOP3 = 0.95
# The tenth session's blind sets: long-tail groups 0.850 / 0.925 with the session-start code
# and after; sales and IT 0.725 / 0.875 first, 0.725 / 0.900 after (English "Engineer" titles
# drawn to the electrical engineers the dev ads' "Data Engineer" ads are often filed under).
FLOOR_TAIL_ADS_TOP1 = 0.78
FLOOR_TAIL_ADS_TOP3 = 0.87
FLOOR_SALES_IT_ADS_TOP1 = 0.65
FLOOR_SALES_IT_ADS_TOP3 = 0.82
# The eleventh session's: the trades 0.925 / 0.925 with the session-start code; care, schools
# and public services 0.875 / 0.950 (a doctor hired in filed as "other doctors", a needs
# assessor the author files elsewhere than the taxonomy does).
FLOOR_TRADES_ADS_TOP1 = 0.87
FLOOR_TRADES_ADS_TOP3 = 0.87
FLOOR_CARE_ADS_TOP1 = 0.82
FLOOR_CARE_ADS_TOP3 = 0.90
# Sales and service 0.775 / 0.925, office work 0.700 / 0.800 with the session-start code (below
# the target: English engineering titles, generic "-konstruktör", "-specialist" compounds).
FLOOR_SERVICE_ADS_TOP1 = 0.70
FLOOR_SERVICE_ADS_TOP3 = 0.87
FLOOR_OFFICE_ADS_TOP1 = 0.62
FLOOR_OFFICE_ADS_TOP3 = 0.75
# The twelfth session's, first measured with the session-start code: the middle of the market
# 0.675 / 0.775 (0.725 / 0.775 after the session), the volume sample 0.675 / 0.800. Fresh
# authors' ads sit well below the older sets, close to the real dev ads: the older sets' 0.90
# owes something to the fixes their misses prompted.
FLOOR_MIDMARKET_ADS_TOP1 = 0.62
FLOOR_MIDMARKET_ADS_TOP3 = 0.72
FLOOR_MARKETSAMPLE_ADS_TOP1 = 0.62
# Nineteenth session: the everyday ads 0.850 / 1.000 first (0.875 / 1.000 at the end); the IT
# and sales ads, mixed as the dev ads are and never read, 0.775 / 0.875 throughout.
FLOOR_EVERYDAY_ADS_TOP1 = 0.80
FLOOR_EVERYDAY_ADS_TOP3 = 0.92
FLOOR_ITSALES_ADS_TOP1 = 0.72
FLOOR_ITSALES_ADS_TOP3 = 0.82
FLOOR_MARKETSAMPLE_ADS_TOP3 = 0.75
# 100 short ads each, groups drawn as the market's volume is: 0.76 / 0.91 (read afterwards)
# and 0.78 / 0.86 (agencies and public employers; never read) with the session-start code.
FLOOR_DRAWN_HEADLINES_TOP1 = 0.71
FLOOR_DRAWN_HEADLINES_TOP3 = 0.86
FLOOR_AGENCIES_HEADLINES_TOP1 = 0.73
FLOOR_AGENCIES_HEADLINES_TOP3 = 0.81
FLOOR_MESSY_HEADLINES_TOP1 = 0.73
FLOOR_MESSY_HEADLINES_TOP3 = 0.90
# Twentieth session, 120 short ads each written blind for groups drawn as the 2024 volume is,
# first measured before they were in the memory: with the real ads alone 0.833 / 0.933 and
# 0.892 / 0.942; with the older written ads too (decision 0008) 0.875 / 0.983 and 0.933 / 0.992.
FLOOR_VOLUME_A_HEADLINES_TOP1 = 0.82
FLOOR_VOLUME_A_HEADLINES_TOP3 = 0.93
FLOOR_VOLUME_B_HEADLINES_TOP1 = 0.87
FLOOR_VOLUME_B_HEADLINES_TOP3 = 0.94
# Twenty-first session, two more sets drawn and written the same way, measured before they were
# in the memory (with every older written set in it): 0.908 / 0.975 and 0.900 / 0.958.
FLOOR_VOLUME_C_HEADLINES_TOP1 = 0.86
FLOOR_VOLUME_C_HEADLINES_TOP3 = 0.94
FLOOR_VOLUME_D_HEADLINES_TOP1 = 0.86
FLOOR_VOLUME_D_HEADLINES_TOP3 = 0.93
# every written set together (decision 0008; the figures are in the test)
FLOOR_WRITTEN_SETS_TOP1 = 0.87
FLOOR_WRITTEN_SETS_TOP3 = 0.94
# Requirements employers picked in Platsbanken's form on the dev ads (seventh session; 135
# labels on 78 ads, many never written in the text): recall 0.452 (exact-label baseline 0.296),
# context as the form says 0.861 of 36 found skills and languages as first measured, 0.889
# after the lead-in fixes.
FLOOR_REQUIREMENTS_RECALL = 0.42
FLOOR_REQUIREMENTS_CONTEXT = 0.80
FLOOR_HEADLINES_TOP1 = 0.93
FLOOR_HEADLINES_TOP3 = 0.95


def test_calibration_error_is_the_gap_between_probability_and_share_right() -> None:
    honest = [(0.8, True)] * 8 + [(0.8, False)] * 2 + [(0.3, True)] * 3 + [(0.3, False)] * 7
    assert calibration_error(honest) == pytest.approx(0.0)
    # said 0.9, right half the time; said 0.25, right a quarter of the time: off by 0.4 on half
    boastful = [(0.9, True), (0.9, False), (0.25, True), (0.25, False), (0.25, False),
                (0.25, False)]
    assert calibration_error(boastful) == pytest.approx(2 / 6 * 0.4)
    assert calibration_error([]) == 0.0


def test_evaluation_set_is_big_enough_and_well_formed() -> None:
    items = load_eval_set(DEFAULT_EVAL_SET)
    assert len(items) >= 150
    assert {i["kind"] for i in items} == {"ad", "cv", "course", "query"}
    for item in items:
        for c in item["concepts"]:
            assert c["concept_id"] and c["type"] and c["context"] in (
                "required", "meriting", "neutral", "prerequisite", "outcome", "negated")


def test_quality_stays_above_the_floors(real_engine: Engine) -> None:
    report = evaluate()
    ours = report["concepts"]["ours"]
    for group, floor in FLOORS_F1.items():
        assert ours["per_type"][group]["f1"] >= floor, (group, ours["per_type"][group])
    assert ours["all"]["f1"] >= FLOOR_ALL_F1
    assert ours["context_accuracy"] >= FLOOR_CONTEXT
    assert all(len(load_eval_set(path)) >= 40 for path in BLIND_EVAL_SETS)
    for name, floors in FLOORS_BLIND.items():
        blind = report["concepts_blind_sets"][name]["ours"]
        assert blind["per_type"]["skill"]["f1"] >= floors["skill"], (name, blind["per_type"])
        assert blind["per_type"]["occupation"]["f1"] >= floors["occupation"], name
        assert blind["all"]["f1"] >= floors["all"], name
        assert blind["context_accuracy"] >= floors["context"], name
    assert ours["all"]["f1"] > report["concepts"]["baseline_exact_label"]["all"]["f1"]
    groups = report["occupation_groups"]
    if groups.get("ads"):
        assert groups["top1"] >= FLOOR_GROUP_TOP1
        assert groups["top3"] >= FLOOR_GROUP_TOP3
        # the memory of labelled ads must earn its place against the taxonomy-only model
        assert groups["top1"] > groups["other_protocols"]["taxonomy_only"]["top1"]
        assert groups["other_protocols"]["text_only"]["top1"] >= FLOOR_TEXT_ONLY_TOP1
        assert groups["calibration_error"] <= CEILING_GROUP_CALIBRATION_ERROR, groups
        required = report["employer_requirements"]
        assert required["labels"] >= 100
        assert required["recall"] >= FLOOR_REQUIREMENTS_RECALL, required
        assert required["recall"] > required["baseline_recall"]
        assert required["context_accuracy"] >= FLOOR_REQUIREMENTS_CONTEXT, required
    headlines = report["headline_groups"]
    assert headlines["headlines"] >= 100
    assert headlines["top1"] >= FLOOR_HEADLINES_TOP1, headlines["misses"]
    assert headlines["top3"] >= FLOOR_HEADLINES_TOP3
    assert headlines["top1"] > headlines["baseline_tfidf_linear"]["top1"]
    # blind sets with SSYK codes: report key → (ads at least, top-1 floor, top-3 floor)
    blind_group_floors = {
        "headline_groups_blind_set": (120, FLOOR_BLIND_HEADLINES_TOP1,
                                      FLOOR_BLIND_HEADLINES_TOP3),
        "long_ads_groups_blind_set": (40, FLOOR_LONG_ADS_TOP1, FLOOR_LONG_ADS_TOP3),
        "structured_ads_groups_blind_set": (40, FLOOR_STRUCTURED_ADS_TOP1,
                                            FLOOR_STRUCTURED_ADS_TOP3),
        "phrasing_ads_groups_blind_set": (40, FLOOR_PHRASING_ADS_TOP1, FLOOR_PHRASING_ADS_TOP3),
        "market_ads_groups_blind_set": (40, FLOOR_MARKET_ADS_TOP1, FLOOR_MARKET_ADS_TOP3),
        "employers_ads_groups_blind_set": (40, FLOOR_EMPLOYERS_ADS_TOP1,
                                           FLOOR_EMPLOYERS_ADS_TOP3),
        "volume_ads_groups_blind_set": (40, FLOOR_VOLUME_ADS_TOP1, FLOOR_VOLUME_ADS_TOP3),
        "tail_ads_groups_blind_set": (40, FLOOR_TAIL_ADS_TOP1, FLOOR_TAIL_ADS_TOP3),
        "sales_it_ads_groups_blind_set": (40, FLOOR_SALES_IT_ADS_TOP1, FLOOR_SALES_IT_ADS_TOP3),
        "trades_ads_groups_blind_set": (40, FLOOR_TRADES_ADS_TOP1, FLOOR_TRADES_ADS_TOP3),
        "care_ads_groups_blind_set": (40, FLOOR_CARE_ADS_TOP1, FLOOR_CARE_ADS_TOP3),
        "service_ads_groups_blind_set": (40, FLOOR_SERVICE_ADS_TOP1, FLOOR_SERVICE_ADS_TOP3),
        "office_ads_groups_blind_set": (40, FLOOR_OFFICE_ADS_TOP1, FLOOR_OFFICE_ADS_TOP3),
        "midmarket_ads_groups_blind_set": (40, FLOOR_MIDMARKET_ADS_TOP1,
                                           FLOOR_MIDMARKET_ADS_TOP3),
        "marketsample_ads_groups_blind_set": (40, FLOOR_MARKETSAMPLE_ADS_TOP1,
                                              FLOOR_MARKETSAMPLE_ADS_TOP3),
        "everyday_ads_groups_blind_set": (40, FLOOR_EVERYDAY_ADS_TOP1, FLOOR_EVERYDAY_ADS_TOP3),
        "itsales_ads_groups_blind_set": (40, FLOOR_ITSALES_ADS_TOP1, FLOOR_ITSALES_ADS_TOP3),
        "drawn_headlines_groups_blind_set": (100, FLOOR_DRAWN_HEADLINES_TOP1,
                                             FLOOR_DRAWN_HEADLINES_TOP3),
        "agencies_headlines_groups_blind_set": (100, FLOOR_AGENCIES_HEADLINES_TOP1,
                                                FLOOR_AGENCIES_HEADLINES_TOP3),
        "volume_a_headlines_groups_blind_set": (120, FLOOR_VOLUME_A_HEADLINES_TOP1,
                                                FLOOR_VOLUME_A_HEADLINES_TOP3),
        "volume_b_headlines_groups_blind_set": (120, FLOOR_VOLUME_B_HEADLINES_TOP1,
                                                FLOOR_VOLUME_B_HEADLINES_TOP3),
        "volume_c_headlines_groups_blind_set": (120, FLOOR_VOLUME_C_HEADLINES_TOP1,
                                                FLOOR_VOLUME_C_HEADLINES_TOP3),
        "volume_d_headlines_groups_blind_set": (120, FLOOR_VOLUME_D_HEADLINES_TOP1,
                                                FLOOR_VOLUME_D_HEADLINES_TOP3),
        "messy_headlines_groups_blind_set": (60, FLOOR_MESSY_HEADLINES_TOP1,
                                             FLOOR_MESSY_HEADLINES_TOP3),
    }
    for key, (count, top1, top3) in blind_group_floors.items():
        blind = report[key]
        assert blind["headlines"] >= count, key
        # a written set is in the ad memory: it must be predicted from the other authors' ads
        assert blind["own_ads_hidden"] == blind["headlines"], key
        assert blind["top1"] >= top1, (key, blind["misses"])
        assert blind["top3"] >= top3, key
    # all written sets together, each with its own ads hidden (decision 0008): 0.850 / 0.933 on
    # the 1,020 ads written before the twentieth session with the real ads alone in the
    # memory; 0.898 / 0.962 on all 1,260 with the other authors' written ads too
    sets = [report[key] for key in blind_group_floors]
    ads = sum(s["headlines"] for s in sets)
    assert sum(s["top1"] * s["headlines"] for s in sets) / ads >= FLOOR_WRITTEN_SETS_TOP1
    assert sum(s["top3"] * s["headlines"] for s in sets) / ads >= FLOOR_WRITTEN_SETS_TOP3


def test_headline_sets_name_their_faults_or_are_skipped_on_another_taxonomy(
        real_engine: Engine, tmp_path: Path) -> None:
    path = tmp_path / "headlines.jsonl"
    path.write_text(json.dumps({"headline": "Kock", "ssyk": "0000"}) + "\n", encoding="utf-8")
    report = _headline_groups(path)
    assert report["headlines"] == 0 and "0000" in report["skipped"]
    path.write_text(json.dumps({"headline": "Kock"}) + "\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as error:
        _headline_groups(path)
    assert error.value.field == "headlines"


def test_employer_requirements_score_recall_and_the_form_s_context(real_engine: Engine) -> None:
    lexicon = service.lexicon()
    truck = next(cid for cid, c in lexicon.concepts.items()
                 if c.preferred_label == "Utbildningsbevis enligt TLP 10 för truckförare")
    ad = {"headline": "Lagerarbetare", "description": {"text": (
        "Krav:\nB-körkort\nMeriterande:\nTruckkort")},
        "must_have": {"skills": [{"concept_id": truck}, {"concept_id": "no_such_id"}],
                      "languages": [{"concept_id": "zSLA_vw2_FXN"}]},
        "nice_to_have": {"skills": [], "driving_licences": []}}
    report = employer_requirements([ad, {"headline": "Kock"}], lexicon.concepts.__contains__,
                                   lambda text: set())
    # the form says truck licence is a must; the text calls it a merit; Swedish is not written
    assert report["ads"] == 1 and report["labels"] == 2
    assert report["recall"] == 0.5 and report["context_accuracy"] == 0.0
    assert report["not_in_taxonomy"] == {"skill": 1}
