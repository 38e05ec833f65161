"""Choosing the pairs: a degree-constrained bipartite b-matching solved exactly by min-cost flow.

The network (one unit of flow = one meeting)::

    source -> company c        capacity cap(c), split into arcs by the bonus of each extra meeting
    company c -> researcher r  capacity 1, cost -weight(c, r) * S     (one arc per allowed pair)
    researcher r -> sink       capacity cap(r), split like the company side
    source -> sink             capacity F, cost 0                     (the flow that stays unused)

The source supplies F = the most meetings there can be, the sink absorbs F; the sink's inflow
through the researchers is bounded by the bypass, so "at most `rounds * tables` meetings" is the
supply itself. Every participant's arcs carry a non-increasing bonus per meeting (the first
`floor(v)` meetings earn A, the first `tie(v)` meetings earn 1 more), so the parallel arcs model a
concave function of the participant's number of meetings and the flow optimum is exact.

The three tiers are scaled so that each dominates everything below it (lexicographic optimum):
the tie bonus totals at most ``sum(tie) < S``; the weight of any selection is at most ``W``, so
weight and tie bonus together stay below ``A = (W + 1) * S``; one more meeting toward anyone's
floor is therefore worth more than any change in weight, and one more unit of weight is worth more
than any change in the tie bonus. The network is totally unimodular, so the integral flow the
solver returns is an optimal selection.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from ortools.graph.python import min_cost_flow

INT64_SAFE = 2**62
TOO_LARGE = "weights are too large for an exact 64-bit min-cost flow; scale them down"


@dataclass(frozen=True)
class Instance:
    """A selection problem on integer vertices.

    Companies are ``0 .. n_companies - 1``; researchers ``0 .. n_researchers - 1`` on their own
    side. ``base`` counts meetings a participant already has (locked ones), ``capacity`` how many
    more they may get, ``reach`` the most meetings any schedule could give them in total
    (``min(rounds, locked + allowed partners)``); the floor targets derive from it.
    """

    n_companies: int
    n_researchers: int
    company_of: np.ndarray
    researcher_of: np.ndarray
    weight: np.ndarray
    capacity: np.ndarray
    base: np.ndarray
    reach: np.ndarray
    total: int

    @property
    def size(self) -> int:
        return self.n_companies + self.n_researchers

    def degrees(self, chosen: np.ndarray) -> np.ndarray:
        """Meetings per participant (companies then researchers), locked ones included."""
        picked_c = np.bincount(self.company_of[chosen], minlength=self.n_companies)
        picked_r = np.bincount(self.researcher_of[chosen], minlength=self.n_researchers)
        return self.base + np.concatenate([picked_c, picked_r])

    def targets(self, level: int) -> np.ndarray:
        """New meetings each participant needs to reach ``min(level, reach)`` in total."""
        return np.clip(np.minimum(level, self.reach) - self.base, 0, self.capacity)

    def service_floor(self, chosen: np.ndarray) -> int:
        """Largest d such that everyone has at least ``min(d, reach)`` meetings."""
        degrees = self.degrees(chosen)
        short = degrees < self.reach
        top = int(self.reach.max(initial=0))
        return int(degrees[short].min()) if short.any() else top


def solve(
    instance: Instance,
    *,
    floor: np.ndarray | None,
    tie: np.ndarray | None,
    use_weights: bool = True,
) -> np.ndarray:
    """The lexicographically best selection: floor meetings, then weight, then tie meetings.

    ``floor`` and ``tie`` are per-participant targets of new meetings (``None``: no such tier).
    Returns a boolean mask over the instance's pairs.
    """
    n = instance.size
    zeros = np.zeros(n, dtype=np.int64)
    floor = zeros if floor is None else floor.astype(np.int64)
    tie = zeros if tie is None else tie.astype(np.int64)
    cap = instance.capacity.astype(np.int64)
    weight = instance.weight.astype(np.int64) if use_weights else np.zeros_like(instance.weight)

    flow_amount = int(min(instance.total, cap[: instance.n_companies].sum(), len(weight)))
    flow_amount = int(min(flow_amount, cap[instance.n_companies :].sum()))
    tie_scale = int(tie.sum()) + 1
    best_weight = int(np.sort(weight)[::-1][:flow_amount].sum())
    floor_bonus = (best_weight + 1) * tie_scale
    largest = max(floor_bonus + 1, int(weight.max(initial=0)) * tie_scale)
    if largest * (n + 3) >= INT64_SAFE:
        raise ValueError(TOO_LARGE)

    source, sink = n, n + 1
    vertex = np.arange(n, dtype=np.int32)
    low = np.minimum(floor, tie)
    high = np.maximum(floor, tie)
    middle_bonus = np.where(floor > tie, floor_bonus, 1)
    segments = [
        (low, floor_bonus + 1),
        (high - low, middle_bonus),
        (cap - high, np.zeros(n, dtype=np.int64)),
    ]
    tails, heads, caps, costs = [], [], [], []
    is_company = vertex < instance.n_companies
    for length, bonus in segments:
        bonus = np.broadcast_to(np.asarray(bonus, dtype=np.int64), (n,))
        tails.append(np.where(is_company, source, vertex).astype(np.int32))
        heads.append(np.where(is_company, vertex, sink).astype(np.int32))
        caps.append(length.astype(np.int64))
        costs.append(-bonus)

    mcf = min_cost_flow.SimpleMinCostFlow()
    mcf.add_arcs_with_capacity_and_unit_cost(
        np.concatenate(tails), np.concatenate(heads), np.concatenate(caps), np.concatenate(costs)
    )
    pair_arcs = mcf.add_arcs_with_capacity_and_unit_cost(
        instance.company_of.astype(np.int32),
        (instance.researcher_of + instance.n_companies).astype(np.int32),
        np.ones(len(weight), dtype=np.int64),
        -weight * tie_scale,
    )
    mcf.add_arc_with_capacity_and_unit_cost(source, sink, flow_amount, 0)
    mcf.set_node_supply(source, flow_amount)
    mcf.set_node_supply(sink, -flow_amount)
    status = mcf.solve()
    if status == mcf.BAD_COST_RANGE:
        raise ValueError(TOO_LARGE)
    if status != mcf.OPTIMAL:  # pragma: no cover - the bypass makes every instance feasible
        raise RuntimeError(f"min-cost flow failed with status {status}")
    return np.asarray(mcf.flows(np.asarray(pair_arcs, dtype=np.int32))) > 0


def meets_targets(instance: Instance, chosen: np.ndarray, targets: np.ndarray) -> bool:
    """True when every participant gets at least its target of new meetings."""
    new = instance.degrees(chosen) - instance.base
    return bool((new >= targets).all())


def _largest_level(
    instance: Instance, *, low: int, attempt: Callable[[np.ndarray], np.ndarray]
) -> tuple[int, np.ndarray | None]:
    """Largest level d in [low, max reach] at which `attempt(targets(d))` meets its targets.

    Relies on monotonicity (meeting level d+1 meets level d). Exponential search upward from
    `low`, then bisection: the answer is usually `low` or just above it (one or two solves), and
    never more than about 2 log2(rounds) solves. Each success jumps to the service floor that the
    selection actually reached. Returns the level and the selection that reached it (None when
    no probe succeeded).
    """
    high = int(instance.reach.max(initial=0))
    best, step, bisecting = None, 1, False
    while low < high:
        probe = (low + high + 1) // 2 if bisecting else min(high, low + step)
        targets = instance.targets(probe)
        candidate = attempt(targets)
        if meets_targets(instance, candidate, targets):
            best, low = candidate, max(probe, instance.service_floor(candidate))
            step *= 2
        else:
            high, bisecting = probe - 1, True
    return low, best


def best_selection(instance: Instance, *, min_meetings: int = 0) -> np.ndarray:
    """The optimum of the scheduler's objective, including the tie-break.

    First the floor (``min_meetings``) and the weight; then the largest service floor d among
    those optima (each probe asks whether an optimum of the first two tiers can also give
    everyone ``min(d, reach)`` meetings, which the third tier answers).
    """
    floor = instance.targets(min_meetings) if min_meetings > 0 else None
    first = solve(instance, floor=floor, tie=None)
    _, better = _largest_level(
        instance,
        low=instance.service_floor(first),
        attempt=lambda targets: solve(instance, floor=floor, tie=targets),
    )
    return first if better is None else better


def largest_floor(instance: Instance) -> int:
    """Largest k such that some selection gives everyone ``min(k, reach)`` meetings."""
    level, _ = _largest_level(
        instance,
        low=0,
        attempt=lambda targets: solve(instance, floor=None, tie=targets, use_weights=False),
    )
    return level
