"""Write the demo taxonomy (src/jobbnav/demo/data/taxonomy/) from a JobTech taxonomy download.

How the bundled demo was made, kept for transparency: it picks four occupation fields that the
demo ads use and keeps, in the JobTech file formats, only public identifiers (concept ids, labels,
SSYK/ISCO/ISO codes) and relations for those fields — no definitions or other texts.
Usage: python scripts/make_demo_taxonomy.py ../shared/data/jobtech-taxonomy
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

OUT = Path(__file__).resolve().parents[1] / "src" / "jobbnav" / "demo" / "data" / "taxonomy"

# occupation field (JobTech id, label) → SSYK 2012 unit groups in it
FIELDS: dict[tuple[str, str], list[str]] = {
    ("apaJ_2ja_LuF", "Data/IT"): ["2511", "2512", "2513", "2514", "2515", "2516", "2519",
                                  "3511", "3512", "3513", "3514", "3515"],
    ("NYW6_mP6_vwf", "Hälso- och sjukvård"): ["2211", "2212", "2213", "2219", "2221", "2222",
                                              "2223", "2224", "2225", "2233", "2272", "5321",
                                              "5323", "5325", "5350"],
    ("MVqp_eS8_kDZ", "Pedagogik"): ["2320", "2330", "2341", "2342", "2343", "2351", "5311",
                                  "5312"],
    ("ASGV_zcE_bWf", "Transport, distribution, lager"): ["4321", "4322", "8329", "8331",
                                                          "8332", "8344"],
}
SKILLS_PER_GROUP = 14
LANGUAGES = {"Svenska", "Engelska", "Arabiska", "Finska", "Somaliska", "Tyska", "Spanska",
             "Persiska", "Polska", "Teckenspråk, svenskt"}


def load(src: Path, name: str) -> list[dict[str, Any]]:
    return json.loads((src / name).read_text(encoding="utf-8"))["data"]["concepts"]  # type: ignore[no-any-return]


def slim(c: dict[str, Any], *keys: str) -> dict[str, Any]:
    out = {"id": c["id"], "type": c["type"], "preferred_label": c["preferred_label"]}
    out.update({k: c[k] for k in keys if c.get(k) is not None})
    return out


def write(name: str, concepts: list[dict[str, Any]]) -> None:
    (OUT / name).write_text(json.dumps({"data": {"concepts": concepts}}, ensure_ascii=False,
                                       indent=1) + "\n", encoding="utf-8")


def main(src: Path) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    wanted = {code for codes in FIELDS.values() for code in codes}
    hierarchy = load(src, "the-ssyk-hierarchy-with-occupations.json")
    names: set[str] = set()

    def prune(node: dict[str, Any]) -> dict[str, Any] | None:
        code = node.get("ssyk_code_2012", "")
        if node["type"] == "ssyk-level-4":
            if code not in wanted:
                return None
            kids = [slim(k) for k in node.get("narrower", [])]
            names.update(k["id"] for k in kids)
            return {**slim(node, "ssyk_code_2012"), "narrower": kids}
        if node["type"] == "occupation-name":
            return slim(node)
        kids = [p for p in (prune(k) for k in node.get("narrower", [])) if p]
        return {**slim(node, "ssyk_code_2012"), "narrower": kids} if kids else None

    write("the-ssyk-hierarchy-with-occupations.json",
          [p for p in (prune(c) for c in hierarchy) if p])
    by_id = {g["id"]: g for g in load(src, "ssyk-level-4-groups-with-related-skills.json")}
    ssyk4 = {g["id"]: g for g in load(src, "ssyk-level-4-groups.json")
             if g["ssyk_code_2012"] in wanted}
    skills: dict[str, dict[str, Any]] = {}
    groups = []
    for gid, group in ssyk4.items():
        related = sorted(by_id.get(gid, {}).get("related", []),
                         key=lambda s: s["preferred_label"])[:SKILLS_PER_GROUP]
        skills.update({s["id"]: slim(s) for s in related})
        groups.append({**slim(group, "ssyk_code_2012"), "related": [slim(s) for s in related]})
    write("ssyk-level-4-groups-with-related-skills.json", groups)
    write("skills.json", sorted(skills.values(), key=lambda s: s["id"]))
    fields = []
    for (fid, flabel), codes in FIELDS.items():
        fields.append({"id": fid, "type": "occupation-field", "preferred_label": flabel,
                       "narrower": [slim(g, "ssyk_code_2012") for g in ssyk4.values()
                                    if g["ssyk_code_2012"] in codes]})
    write("occupation-fields.json", fields)
    subst = []
    for c in load(src, "substitutability-relations-between-occupations.json"):
        if c["id"] not in names:
            continue
        keep = {k: [slim(o, "substitutability_percentage") for o in c.get(k, [])
                    if o["id"] in names] for k in ("substitutes", "substituted_by")}
        if keep["substitutes"] or keep["substituted_by"]:
            subst.append({**slim(c), **keep})
    write("substitutability-relations-between-occupations.json", subst)
    isco = []
    for c in load(src, "ssyk-level-4-with-related-isco-level-4-groups.json"):
        if c["id"] in ssyk4:
            isco.append({**slim(c, "ssyk_code_2012"),
                         "related": [slim(r, "isco_code_08") for r in c.get("related", [])]})
    write("ssyk-level-4-with-related-isco-level-4-groups.json", isco)
    keywords = []
    for c in load(src, "keyword-concepts-with-relations.json"):
        rel = [slim(r) for r in c.get("related", []) if r["id"] in names or r["id"] in skills]
        if rel:
            keywords.append({**slim(c), "related": rel})
    write("keyword-concepts-with-relations.json", keywords)
    write("languages.json", [slim(c, "iso_639_1_2002", "iso_639_2_1998", "iso_639_3_2007")
                             for c in load(src, "languages.json")
                             if c["preferred_label"] in LANGUAGES])
    for name in ("concepts-describing-working-hours.json",
                 "concepts-describing-occupation-experience-in-years.json",
                 "wage-type-concepts.json"):
        write(name, [slim(c) for c in load(src, name)])
    print(f"{len(ssyk4)} groups, {len(names)} occupation names, {len(skills)} skills, "
          f"{len(subst)} substitutability rows, {len(keywords)} keywords → {OUT}")


if __name__ == "__main__":
    main(Path(sys.argv[1]))
