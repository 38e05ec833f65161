"""The speed-dating scheduler: an exactly optimal, fair meeting schedule (pure Python, no Django).

Input: ``rounds`` rounds, ``tables`` tables per round, and ``weights`` mapping a (company id,
researcher id) pair to a positive priority; only those pairs may meet. Company ids and researcher
ids are separate namespaces (the two sides never meet among themselves). Output: a list of
`Meeting` ``(round, table, company, researcher)``, rounds and tables numbered from 1.

Constraints, always kept: nobody has two meetings in a round; no pair meets twice; at most one
meeting per table per round; only allowed pairs meet (a locked meeting is kept even if its pair
is not in ``weights``); locked meetings stay exactly as given.

Definitions. A participant's *reach* is ``min(rounds, number of allowed partners)``: the most
meetings any schedule could give them. A schedule *gives everyone floor k* when every participant
has at least ``min(k, reach)`` meetings; in particular everyone with at least k allowed partners has
at least k meetings, and nobody with fewer is required to have more than all their partners. This is
monotone in k, so `max_fair_floor` (the largest k for which some schedule gives everyone floor k, at
most the largest reach) is well defined. When not everyone can reach floor k, "everyone gets k where
any schedule can give them that" is made precise as: the total shortfall
``sum(max(0, min(k, reach) - meetings))`` is as small as any schedule can make it (zero exactly when
``k <= max_fair_floor``). Shortfall, not the number of people who reach the floor: the shortfall
is a concave function of each participant's meetings, so a flow minimises it exactly, while
counting people who reach a threshold is not a flow objective (and would let one participant lose
all meetings to lift two others). The
*service floor* of a schedule is the largest d such that it gives everyone floor d: its least-served
participant, counted against what they could get at all.

Guarantee without locked meetings: `schedule` returns a lexicographic optimum of
(1) the smallest floor shortfall for ``k = min_meetings`` (only when ``min_meetings > 0``),
(2) the largest total weight, (3) the largest service floor. So with ``min_meetings=0`` the
total weight is the maximum possible, and among equal-weight optima the least-served
participant has as many meetings as possible.

Algorithm. Choosing the pairs is a degree-constrained bipartite b-matching (everyone at most
``rounds`` meetings, at most ``rounds * tables`` in all), solved exactly by one min-cost flow per
probe with OR-Tools' `SimpleMinCostFlow` (`selection`): tier (1) and the tie-break tier are concave
per-participant bonuses on parallel arcs, scaled so that each tier dominates the next; tier (3) is
an exponential search over d, each probe asking the flow for "a weight optimum that also gives
everyone floor d" (usually one or two more solves, at most about 2 log2(rounds)). Any such choice
fits into the rounds (`colouring`): a bipartite graph of maximum degree at most ``rounds`` has a
proper edge colouring with ``rounds`` colours (König), and an equitable one (classes differ by at
most one; Bondy & Murty, Theorem 6.4), whose rounds then hold at most ``ceil(E / rounds) <= tables``
meetings. Neither step loses anything, hence exactness.

Locked meetings. Extending a fixed partial schedule is NP-hard in general (precolouring
extension), so with ``locked`` the scheduler keeps every lock, solves the selection exactly on
what is left (capacities reduced by the locks, locked pairs excluded), fits the chosen pairs
around the locks greedily (heaviest first, one Kempe swap that never touches a lock), drops what
does not fit, then offers the freed capacity to the remaining pairs, heaviest first. The result
is always feasible; `schedule_report` tells how far it is from the unlocked optimum and whether
it is optimal given the locks (nothing dropped). `fill_freed_slots` uses this to refill a
schedule after cancellations without moving any other meeting.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import NamedTuple

import numpy as np

from .colouring import Colouring
from .selection import Instance, best_selection, largest_floor, solve

__all__ = [
    "Meeting",
    "ScheduleReport",
    "fill_freed_slots",
    "max_fair_floor",
    "schedule",
    "schedule_report",
]


class Meeting(NamedTuple):
    """One meeting: in round `round` (from 1), at table `table` (from 1)."""

    round: int
    table: int
    company: str
    researcher: str


@dataclass(frozen=True)
class ScheduleReport:
    """A schedule with its quality figures.

    Attributes:
        meetings: the schedule, sorted by round and table.
        total_weight: sum of ``weights`` over its meetings (a locked pair outside ``weights``
            counts 0).
        optimum_without_locks: total weight of the exact optimum of the same objective with no
            locked meetings (equal to ``total_weight`` when nothing is locked).
        bound_with_locks: the locked meetings' weight plus the weight of the optimal choice of
            further pairs before they are fitted into rounds (a relaxation that ignores rounds):
            no schedule keeping the locks does better on the lexicographic objective, so with
            ``min_meetings=0`` none has more weight.
        dropped: chosen pairs that did not fit around the locks (before the freed capacity was
            offered to other pairs). Zero means the schedule is an exact optimum among those
            keeping the locks; so does ``total_weight == bound_with_locks`` when
            ``min_meetings=0``, which the refill often reaches even after a drop.
    """

    meetings: list[Meeting]
    total_weight: int
    optimum_without_locks: int
    bound_with_locks: int
    dropped: int

    @property
    def gap(self) -> int:
        """How much weight the locks cost against the unlocked optimum.

        Never negative with ``min_meetings=0``. With a floor it can be: when the locks keep some
        participants below the floor, the meetings they would have needed may go to heavier
        pairs instead.
        """
        return self.optimum_without_locks - self.total_weight


class _Problem:
    """Maps participant ids to vertices and builds the selection instance around the locks."""

    def __init__(
        self,
        *,
        rounds: int,
        tables: int,
        weights: Mapping[tuple[str, str], int],
        locked: list[Meeting],
    ) -> None:
        self.rounds, self.tables, self.weights, self.locked = rounds, tables, weights, locked
        self.companies = sorted({c for c, _ in weights} | {m.company for m in locked})
        self.researchers = sorted({r for _, r in weights} | {m.researcher for m in locked})
        self.company_index = company_index = {c: i for i, c in enumerate(self.companies)}
        self.researcher_index = researcher_index = {r: i for i, r in enumerate(self.researchers)}
        self.locked_pairs = {(m.company, m.researcher) for m in locked}
        self.pairs = sorted(p for p in weights if p not in self.locked_pairs)
        nc, nr = len(self.companies), len(self.researchers)
        base = np.zeros(nc + nr, dtype=np.int64)
        for m in locked:
            base[company_index[m.company]] += 1
            base[nc + researcher_index[m.researcher]] += 1
        company_of = np.array([company_index[c] for c, _ in self.pairs], dtype=np.int64)
        researcher_of = np.array([researcher_index[r] for _, r in self.pairs], dtype=np.int64)
        partners = np.concatenate(
            [
                np.bincount(company_of, minlength=nc),
                np.bincount(researcher_of, minlength=nr),
            ]
        )
        self.instance = Instance(
            n_companies=nc,
            n_researchers=nr,
            company_of=company_of,
            researcher_of=researcher_of,
            weight=np.array([weights[p] for p in self.pairs], dtype=np.int64),
            capacity=rounds - base,
            base=base,
            reach=np.minimum(rounds, base + partners),
            total=rounds * tables - len(locked),
        )

    def weight_of(self, chosen: np.ndarray) -> int:
        return int(self.instance.weight[chosen].sum())

    def _ends(self, pair: int) -> tuple[int, int]:
        """The colouring's vertices of a pair: companies first, then researchers."""
        nc = len(self.companies)
        return int(self.instance.company_of[pair]), nc + int(self.instance.researcher_of[pair])

    def fit(self, chosen: np.ndarray) -> tuple[list[Meeting], int]:
        """Puts the chosen pairs into rounds and tables; returns the meetings and the dropped."""
        vertices = len(self.companies) + len(self.researchers)
        order = np.flatnonzero(chosen)
        if not self.locked:
            colouring = Colouring(rounds=self.rounds, vertices=vertices)
            placed = [colouring.add(*self._ends(i)) for i in order]
            colouring.balance()
            return self._tables(colouring, dict(zip(placed, order, strict=True))), 0
        colouring = Colouring(rounds=self.rounds, vertices=vertices, room=self.tables)
        for m in self.locked:
            company = self.company_index[m.company]
            researcher = len(self.companies) + self.researcher_index[m.researcher]
            colouring.lock(company, researcher, m.round - 1)
        pair_of: dict[int, int] = {}
        dropped = 0
        for i in sorted(order, key=lambda i: -self.instance.weight[i]):
            edge = colouring.place(*self._ends(i))
            if edge is None:
                dropped += 1
            else:
                pair_of[edge] = i
        # What did not fit leaves rooms and rounds free: offer them to every other pair.
        placed_pairs = set(pair_of.values())
        for i in np.argsort(-self.instance.weight, kind="stable"):
            if i not in placed_pairs and (edge := colouring.place(*self._ends(i))) is not None:
                pair_of[edge] = i
        return self._tables(colouring, pair_of), dropped

    def _tables(self, colouring: Colouring, pair_of: dict[int, int]) -> list[Meeting]:
        """Locked meetings keep their tables; new ones take the lowest free tables of a round."""
        taken: dict[int, set[int]] = {r: set() for r in range(1, self.rounds + 1)}
        for m in self.locked:
            taken[m.round].add(m.table)
        new_by_round: dict[int, list[tuple[str, str]]] = {r: [] for r in taken}
        for edge, i in pair_of.items():
            new_by_round[colouring.colour[edge] + 1].append(self.pairs[i])
        meetings = list(self.locked)
        for r, pairs in new_by_round.items():
            free = (t for t in range(1, self.tables + 1) if t not in taken[r])
            for (company, researcher), table in zip(sorted(pairs), free, strict=False):
                meetings.append(Meeting(r, table, company, researcher))
        return sorted(meetings)


def _checked_locks(*, rounds: int, tables: int, locked: Iterable[Meeting]) -> list[Meeting]:
    locks = [Meeting(*m) for m in locked]
    for m in locks:
        if not (1 <= m.round <= rounds and 1 <= m.table <= tables):
            raise ValueError(f"locked meeting {m} lies outside the rounds or tables")
    checks = {
        "a table twice in a round": [(m.round, m.table) for m in locks],
        "a company twice in a round": [(m.round, m.company) for m in locks],
        "a researcher twice in a round": [(m.round, m.researcher) for m in locks],
        "a pair twice": [(m.company, m.researcher) for m in locks],
    }
    for what, keys in checks.items():
        if len(set(keys)) != len(keys):
            raise ValueError(f"locked meetings use {what}")
    return locks


def _checked(*, rounds: int, tables: int, weights: Mapping, min_meetings: int) -> None:
    if rounds < 0 or tables < 0 or min_meetings < 0:
        raise ValueError("rounds, tables and min_meetings cannot be negative")
    if any(not isinstance(w, int) or w <= 0 for w in weights.values()):
        raise ValueError("every weight must be a positive integer")


def schedule_report(
    *,
    rounds: int,
    tables: int,
    weights: Mapping[tuple[str, str], int],
    locked: Iterable[Meeting] = (),
    min_meetings: int = 0,
) -> ScheduleReport:
    """The schedule `schedule` returns, with its weight and its distance from the optimum."""
    _checked(rounds=rounds, tables=tables, weights=weights, min_meetings=min_meetings)
    locks = _checked_locks(rounds=rounds, tables=tables, locked=locked)
    problem = _Problem(rounds=rounds, tables=tables, weights=weights, locked=locks)
    chosen = best_selection(problem.instance, min_meetings=min_meetings)
    meetings, dropped = problem.fit(chosen)
    total = sum(weights.get((m.company, m.researcher), 0) for m in meetings)
    locked_weight = sum(weights.get(pair, 0) for pair in problem.locked_pairs)
    bound = locked_weight + problem.weight_of(chosen)
    optimum = bound
    if locks:
        free = _Problem(rounds=rounds, tables=tables, weights=weights, locked=[])
        floor = free.instance.targets(min_meetings) if min_meetings > 0 else None
        optimum = free.weight_of(solve(free.instance, floor=floor, tie=None))
    return ScheduleReport(
        meetings=meetings,
        total_weight=total,
        optimum_without_locks=optimum,
        bound_with_locks=bound,
        dropped=dropped,
    )


def schedule(
    *,
    rounds: int,
    tables: int,
    weights: Mapping[tuple[str, str], int],
    locked: Iterable[Meeting] = (),
    min_meetings: int = 0,
) -> list[Meeting]:
    """An optimal, fair schedule of one-to-one meetings (see the module docstring).

    Args:
        rounds: number of rounds (each participant meets at most one partner per round).
        tables: number of tables (at most one meeting per table per round).
        weights: (company id, researcher id) -> positive priority; only these pairs may meet.
        locked: meetings to keep exactly as they are (round, table and pair).
        min_meetings: the floor k: first give everyone ``min(k, reach)`` meetings as far as any
            schedule can (smallest total shortfall), then maximise the weight.

    Returns:
        The meetings sorted by round and table. Exactly optimal when nothing is locked; with
        locks, feasible and keeping every lock (`schedule_report` tells how good it is).

    Raises:
        ValueError: negative sizes, a weight that is not a positive integer or too large for a
            64-bit flow, or locked meetings that break the constraints themselves.
    """
    return schedule_report(
        rounds=rounds, tables=tables, weights=weights, locked=locked, min_meetings=min_meetings
    ).meetings


def max_fair_floor(*, rounds: int, tables: int, weights: Mapping[tuple[str, str], int]) -> int:
    """The largest k for which some schedule gives everyone ``min(k, reach)`` meetings.

    At most the largest reach (beyond it the requirement no longer changes). With
    ``schedule(..., min_meetings=max_fair_floor(...))`` nobody falls short of that floor.
    """
    _checked(rounds=rounds, tables=tables, weights=weights, min_meetings=0)
    problem = _Problem(rounds=rounds, tables=tables, weights=weights, locked=[])
    return largest_floor(problem.instance)


def fill_freed_slots(
    *,
    rounds: int,
    tables: int,
    weights: Mapping[tuple[str, str], int],
    existing: Iterable[Meeting],
    removed: Iterable[str],
    min_meetings: int = 0,
) -> ScheduleReport:
    """Refills a published schedule after cancellations, moving no other meeting.

    Every meeting of `existing` without a removed participant is kept exactly (as a locked
    meeting); the removed participants (ids of either side) lose their meetings and all their
    pairs; the freed capacity goes to the best pairs that still fit.
    """
    gone = set(removed)
    kept = [Meeting(*m) for m in existing if m[2] not in gone and m[3] not in gone]
    remaining = {pair: w for pair, w in weights.items() if gone.isdisjoint(pair)}
    return schedule_report(
        rounds=rounds, tables=tables, weights=remaining, locked=kept, min_meetings=min_meetings
    )
