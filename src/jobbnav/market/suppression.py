"""Small-cell suppression for the job-seeker counts: primary and secondary (complementary).

Primary: a cell below `min_cell` is not published. That alone is not enough: where a total and
all but one of its parts are published, the hidden part is the difference. So every published
grouping is checked as an equation `total = part_1 + ... + part_k + rest`, where `rest` (seekers
counted in the total but in no published part, e.g. without a municipality) is never published:
- the unknowns of an equation (hidden total, hidden parts, a non-zero rest) must number 0 or at
  least 2 — one unknown is recovered by subtraction;
- when the total is published, what it reveals about the hidden parts (their sum plus the rest)
  must itself be at least `min_cell`, so two hidden cells of 1 and 2 do not stand as "3".
An unsafe equation gets its smallest published part suppressed too (or, with no part left to
hide, its total). Groupings: municipalities within their län, län within the country (per
occupation), and occupation-names within their ssyk-level-4 group, groups within all
occupations (per area). The table is two-dimensional, so the passes repeat until nothing
changes. This is the usual heuristic (as in tau-argus's hypercube method, simpler): it defeats
subtraction within each published grouping; it does not solve the general linear-programming
attack on the whole table.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping

__all__ = ["Cell", "Group", "groups_of", "suppress"]

# (occ_level, occupation_id, area_level, area_id)
Cell = tuple[str, str, str, str]
# (total cell, its part cells)
Group = tuple[Cell, list[Cell]]


def groups_of(cells: Iterable[Cell], occ_parent: Mapping[tuple[str, str], tuple[str, str]],
              area_parent: Mapping[tuple[str, str], tuple[str, str]]) -> list[Group]:
    """Every published total with its published parts, along both dimensions."""
    present = set(cells)
    parts: dict[Cell, list[Cell]] = defaultdict(list)
    for cell in present:
        occ, area = (cell[0], cell[1]), (cell[2], cell[3])
        up_area = area_parent.get(area)
        if up_area is not None and (total := (*occ, *up_area)) in present:
            parts[total].append(cell)
        up_occ = occ_parent.get(occ)
        if up_occ is not None and (total := (*up_occ, *area)) in present:
            parts[total].append(cell)
    # one total can head two groupings (its municipalities and its occupations): split them
    out: list[Group] = []
    for total, members in parts.items():
        by_dimension: dict[bool, list[Cell]] = defaultdict(list)
        for member in members:
            by_dimension[(member[0], member[1]) == (total[0], total[1])].append(member)
        out.extend((total, sorted(group)) for group in by_dimension.values())
    return sorted(out)


def _unsafe(total: Cell, parts: list[Cell], rest: int, counts: Mapping[Cell, int],
            hidden: set[Cell], min_cell: int) -> bool:
    hidden_parts = [p for p in parts if p in hidden]
    unknowns = len(hidden_parts) + (total in hidden) + (rest > 0)
    if unknowns == 1:
        return True
    if total not in hidden and hidden_parts:
        return sum(counts[p] for p in hidden_parts) + rest < min_cell
    return False


def suppress(counts: Mapping[Cell, int], groups: list[Group], min_cell: int
             ) -> tuple[set[Cell], set[Cell]]:
    """(primary, secondary) suppressed cells; every count is >= 1."""
    primary = {cell for cell, n in counts.items() if n < min_cell}
    hidden = set(primary)
    member_of: dict[Cell, list[int]] = defaultdict(list)
    rests = []
    for i, (total, parts) in enumerate(groups):
        rests.append(counts[total] - sum(counts[p] for p in parts))
        for cell in (total, *parts):
            member_of[cell].append(i)
    # a worklist: a group needs a look again only when one of its cells was newly hidden
    pending = sorted({i for cell in hidden for i in member_of.get(cell, ())})
    queued = set(pending)
    while pending:
        i = pending.pop()
        queued.discard(i)
        total, parts = groups[i]
        while _unsafe(total, parts, rests[i], counts, hidden, min_cell):
            shown = [p for p in parts if p not in hidden]
            if shown:
                cell = min(shown, key=lambda p: (counts[p], p))
            elif total not in hidden:
                cell = total
            else:  # everything hidden already
                break
            hidden.add(cell)
            for j in member_of[cell]:
                if j != i and j not in queued:
                    queued.add(j)
                    pending.append(j)
    return primary, hidden - primary
