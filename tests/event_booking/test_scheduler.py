"""The speed-dating scheduler (issue 11, item 4): constraints, exact optimum, fairness, locks.

Oracles: exhaustive search over every schedule of tiny instances (feasibility checked by trying
every round assignment, so König's theorem is tested rather than assumed), and networkx's
min-cost flow with hard lower bounds on medium instances.
"""

import itertools
import random
import subprocess
import sys
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from event_booking.scheduler import (
    Meeting,
    fill_freed_slots,
    max_fair_floor,
    schedule,
    schedule_report,
)

ROOT = Path(__file__).resolve().parents[2]
FAST = settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def assert_feasible(meetings, *, rounds, tables, weights, locked=()):
    """Every constraint of the contract, on the returned schedule."""
    locked = set(locked)
    for m in meetings:
        assert 1 <= m.round <= rounds and 1 <= m.table <= tables
        assert (m.company, m.researcher) in weights or m in locked
    for key in (
        lambda m: (m.round, m.table),
        lambda m: (m.round, m.company),
        lambda m: (m.round, m.researcher),
        lambda m: (m.company, m.researcher),
    ):
        counts = Counter(map(key, meetings))
        assert max(counts.values(), default=1) == 1, counts.most_common(1)
    assert locked <= set(meetings)


def total_weight(meetings, weights):
    return sum(weights.get((m.company, m.researcher), 0) for m in meetings)


def total_weight_of(pairs, weights):
    return sum(weights[p] for p in pairs)


def degrees(pairs, weights):
    """Meetings per participant (companies and researchers apart), zero included."""
    count = Counter({("c", c): 0 for c, _ in weights} | {("r", r): 0 for _, r in weights})
    for c, r in pairs:
        count["c", c] += 1
        count["r", r] += 1
    return count


def reach(weights, rounds):
    partners = degrees(weights, weights)
    return {who: min(rounds, n) for who, n in partners.items()}


def shortfall(pairs, weights, rounds, k):
    """Total meetings missing below everyone's floor min(k, reach)."""
    deg, top = degrees(pairs, weights), reach(weights, rounds)
    return sum(max(0, min(k, top[who]) - deg[who]) for who in top)


def service_floor(pairs, weights, rounds):
    """Largest d such that everyone has min(d, reach) meetings."""
    deg, top = degrees(pairs, weights), reach(weights, rounds)
    short = [deg[who] for who in top if deg[who] < top[who]]
    return min(short) if short else max(top.values(), default=0)


def schedulable(pairs, rounds, tables):
    """Tries every assignment of rounds to the pairs (tiny sizes only)."""

    def place(i, used, load):
        if i == len(pairs):
            return True
        c, r = pairs[i]
        for rnd in range(rounds):
            if load[rnd] < tables and (rnd, "c", c) not in used and (rnd, "r", r) not in used:
                load[rnd] += 1
                used |= {(rnd, "c", c), (rnd, "r", r)}
                if place(i + 1, used, load):
                    return True
                used -= {(rnd, "c", c), (rnd, "r", r)}
                load[rnd] -= 1
        return False

    return place(0, set(), [0] * rounds)


def all_schedules(weights, rounds, tables):
    """Every set of pairs that fits into some schedule."""
    pairs = sorted(weights)
    return [
        subset
        for size in range(len(pairs) + 1)
        for subset in itertools.combinations(pairs, size)
        if schedulable(subset, rounds, tables)
    ]


def nx_optimum(weights, rounds, tables, floor):
    """Max weight with everyone's meetings in [min(floor, reach), rounds], or None."""
    graph = nx.DiGraph()
    top = reach(weights, rounds)
    demand = Counter()

    def bounded(tail, head, low, high, cost=0):
        graph.add_edge(tail, head, capacity=high - low, weight=cost)
        demand[tail] += low
        demand[head] -= low

    for who, most in top.items():
        low = min(floor, most)
        if who[0] == "c":
            bounded("s", who, low, rounds)
        else:
            bounded(who, "t", low, rounds)
    for (c, r), w in weights.items():
        bounded(("c", c), ("r", r), 0, 1, -w)
    bounded("t", "s", 0, rounds * tables)
    for node in graph.nodes:
        graph.nodes[node]["demand"] = demand[node]
    try:
        return -nx.min_cost_flow_cost(graph)
    except nx.NetworkXUnfeasible:
        return None


@st.composite
def tiny_instances(draw):
    companies = [f"c{i}" for i in range(draw(st.integers(1, 3)))]
    researchers = [f"r{i}" for i in range(draw(st.integers(1, 3)))]
    every = [(c, r) for c in companies for r in researchers]
    chosen = draw(st.lists(st.sampled_from(every), min_size=1, max_size=6, unique=True))
    weights = {pair: draw(st.integers(1, 4)) for pair in chosen}
    return draw(st.integers(1, 3)), draw(st.integers(1, 3)), weights


@st.composite
def random_instances(draw, max_side=25):
    """Instances big enough for Kempe swaps and the table limit to matter."""
    seed = draw(st.integers(0, 2**32 - 1))
    rnd = random.Random(seed)
    n_c, n_r = draw(st.integers(1, max_side)), draw(st.integers(1, max_side))
    density = draw(st.floats(0.05, 0.9))
    weights = {
        (f"c{c}", f"r{r}"): rnd.choice([1, 2, 3, 50, 100, 1000])
        for c in range(n_c)
        for r in range(n_r)
        if rnd.random() < density
    }
    rounds = draw(st.integers(1, 8))
    tables = draw(st.integers(1, max(1, min(n_c, n_r))))
    return rounds, tables, weights


@FAST
@given(random_instances(), st.integers(0, 4))
def test_every_constraint_holds(instance, floor):
    rounds, tables, weights = instance
    meetings = schedule(rounds=rounds, tables=tables, weights=weights, min_meetings=floor)
    assert_feasible(meetings, rounds=rounds, tables=tables, weights=weights)


@settings(max_examples=100, deadline=None)
@given(tiny_instances())
def test_weight_and_tie_break_match_brute_force(instance):
    rounds, tables, weights = instance
    options = all_schedules(weights, rounds, tables)
    best = max(total_weight_of(pairs, weights) for pairs in options)
    fairest = max(
        service_floor(pairs, weights, rounds)
        for pairs in options
        if total_weight_of(pairs, weights) == best
    )

    meetings = schedule(rounds=rounds, tables=tables, weights=weights)

    assert_feasible(meetings, rounds=rounds, tables=tables, weights=weights)
    pairs = [(m.company, m.researcher) for m in meetings]
    assert total_weight(meetings, weights) == best
    assert service_floor(pairs, weights, rounds) == fairest


@settings(max_examples=100, deadline=None)
@given(tiny_instances(), st.integers(1, 3))
def test_floor_weight_and_tie_break_match_brute_force(instance, floor):
    rounds, tables, weights = instance
    options = all_schedules(weights, rounds, tables)
    least_short = min(shortfall(p, weights, rounds, floor) for p in options)
    fairest_first = [p for p in options if shortfall(p, weights, rounds, floor) == least_short]
    best = max(total_weight_of(p, weights) for p in fairest_first)
    best_served = max(
        service_floor(p, weights, rounds)
        for p in fairest_first
        if total_weight_of(p, weights) == best
    )

    meetings = schedule(rounds=rounds, tables=tables, weights=weights, min_meetings=floor)

    assert_feasible(meetings, rounds=rounds, tables=tables, weights=weights)
    pairs = [(m.company, m.researcher) for m in meetings]
    assert shortfall(pairs, weights, rounds, floor) == least_short
    assert total_weight(meetings, weights) == best
    assert service_floor(pairs, weights, rounds) == best_served


@settings(max_examples=100, deadline=None)
@given(tiny_instances())
def test_max_fair_floor_matches_brute_force(instance):
    rounds, tables, weights = instance
    options = all_schedules(weights, rounds, tables)
    top = max(reach(weights, rounds).values())
    expected = max(
        k for k in range(top + 1) if any(shortfall(p, weights, rounds, k) == 0 for p in options)
    )

    k = max_fair_floor(rounds=rounds, tables=tables, weights=weights)

    assert k == expected
    meetings = schedule(rounds=rounds, tables=tables, weights=weights, min_meetings=k)
    pairs = [(m.company, m.researcher) for m in meetings]
    assert shortfall(pairs, weights, rounds, k) == 0


def test_equal_weight_optima_prefer_the_least_served():
    """One heavy meeting or two light ones of the same total: the two serve everyone."""
    weights = {("c1", "r1"): 2, ("c1", "r2"): 1, ("c2", "r1"): 1}

    meetings = schedule(rounds=1, tables=2, weights=weights)

    assert {(m.company, m.researcher) for m in meetings} == {("c1", "r2"), ("c2", "r1")}


def test_floor_gives_the_unpopular_a_meeting_at_some_weight():
    """Everyone wants r1; without a floor c2 stays alone, with floor 1 both companies meet."""
    weights = {("c1", "r1"): 11, ("c2", "r1"): 9, ("c1", "r2"): 1}

    plain = schedule(rounds=1, tables=2, weights=weights)
    fair = schedule(rounds=1, tables=2, weights=weights, min_meetings=1)

    assert {(m.company, m.researcher) for m in plain} == {("c1", "r1")}
    assert {(m.company, m.researcher) for m in fair} == {("c2", "r1"), ("c1", "r2")}
    assert max_fair_floor(rounds=1, tables=2, weights=weights) == 1


@st.composite
def tight_instances(draw):
    """Dense instances whose tables hold about as many meetings as people want."""
    rnd = random.Random(draw(st.integers(0, 2**32 - 1)))
    n_c, n_r = draw(st.integers(2, 12)), draw(st.integers(2, 12))
    weights = {
        (f"c{c}", f"r{r}"): rnd.randint(1, 3)
        for c in range(n_c)
        for r in range(n_r)
        if rnd.random() < 0.7
    }
    rounds = draw(st.integers(2, 6))
    tables = max(1, min(len(weights), rounds * min(n_c, n_r)) // rounds)
    return rounds, tables, weights


@settings(max_examples=120, deadline=None)
@given(tight_instances())
def test_tight_tables_are_respected_without_losing_weight(instance):
    """Every round stays within its tables although the chosen pairs fill nearly all seats."""
    rounds, tables, weights = instance

    meetings = schedule(rounds=rounds, tables=tables, weights=weights)

    assert_feasible(meetings, rounds=rounds, tables=tables, weights=weights)
    assert total_weight(meetings, weights) == nx_optimum(weights, rounds, tables, 0)


def test_table_limit_spreads_meetings_over_rounds():
    """Six disjoint pairs, two tables: three rounds of two, nothing dropped."""
    weights = {(f"c{i}", f"r{i}"): 1 for i in range(6)}

    meetings = schedule(rounds=3, tables=2, weights=weights)

    assert len(meetings) == 6
    assert Counter(m.round for m in meetings) == {1: 2, 2: 2, 3: 2}


@settings(max_examples=25, deadline=None)
@given(random_instances(max_side=14))
def test_medium_instances_match_networkx(instance):
    rounds, tables, weights = instance
    k = max_fair_floor(rounds=rounds, tables=tables, weights=weights)

    plain = schedule(rounds=rounds, tables=tables, weights=weights)
    fair = schedule(rounds=rounds, tables=tables, weights=weights, min_meetings=k)

    assert total_weight(plain, weights) == nx_optimum(weights, rounds, tables, 0)
    assert total_weight(fair, weights) == nx_optimum(weights, rounds, tables, k)
    if k < max(reach(weights, rounds).values(), default=0):
        assert nx_optimum(weights, rounds, tables, k + 1) is None


@st.composite
def locked_instances(draw):
    """An instance, a published schedule of it, some meetings locked, and new weights."""
    rounds, tables, weights = draw(random_instances(max_side=15))
    published = schedule(rounds=rounds, tables=tables, weights=weights)
    locked = draw(st.lists(st.sampled_from(published), unique=True)) if published else []
    rnd = random.Random(draw(st.integers(0, 2**16)))
    changed = {pair: rnd.randint(1, 100) for pair in weights if rnd.random() < 0.8}
    return rounds, tables, changed, locked


@FAST
@given(locked_instances(), st.integers(0, 2))
def test_locked_meetings_survive_a_rerun(instance, floor):
    rounds, tables, weights, locked = instance

    report = schedule_report(
        rounds=rounds, tables=tables, weights=weights, locked=locked, min_meetings=floor
    )

    assert_feasible(report.meetings, rounds=rounds, tables=tables, weights=weights, locked=locked)
    assert report.total_weight == total_weight(report.meetings, weights)
    if floor == 0:
        assert report.gap >= 0
        assert report.total_weight <= report.bound_with_locks
    if report.dropped == 0 and floor == 0:
        assert report.total_weight == report.bound_with_locks


@FAST
@given(random_instances(max_side=15), st.data())
def test_fill_freed_slots_moves_nothing_else(instance, data):
    rounds, tables, weights = instance
    published = schedule(rounds=rounds, tables=tables, weights=weights)
    people = sorted({m.company for m in published} | {m.researcher for m in published})
    gone = set(data.draw(st.lists(st.sampled_from(people), max_size=3))) if people else set()
    kept = [m for m in published if m.company not in gone and m.researcher not in gone]

    report = fill_freed_slots(
        rounds=rounds, tables=tables, weights=weights, existing=published, removed=gone
    )

    assert set(kept) <= set(report.meetings)
    assert not {p for m in report.meetings for p in (m.company, m.researcher)} & gone
    assert_feasible(report.meetings, rounds=rounds, tables=tables, weights=weights, locked=kept)
    assert report.total_weight >= total_weight(kept, weights)


def test_fill_freed_slots_gives_the_partner_a_new_meeting():
    """r1 cancels; c1's freed round goes to r2, which was left out before."""
    weights = {("c1", "r1"): 5, ("c2", "r1"): 5, ("c1", "r2"): 1}
    published = schedule(rounds=2, tables=1, weights=weights)
    assert {(m.company, m.researcher) for m in published} == {("c1", "r1"), ("c2", "r1")}

    report = fill_freed_slots(
        rounds=2, tables=1, weights=weights, existing=published, removed={"r1"}
    )

    assert [(m.company, m.researcher) for m in report.meetings] == [("c1", "r2")]


def test_report_measures_the_cost_of_a_bad_lock():
    """Locking the light pair in the only round blocks the heavy one."""
    weights = {("c1", "r1"): 10, ("c1", "r2"): 1}
    lock = Meeting(1, 1, "c1", "r2")

    report = schedule_report(rounds=1, tables=1, weights=weights, locked=[lock])

    assert report.meetings == [lock]
    assert (report.total_weight, report.optimum_without_locks, report.gap) == (1, 10, 9)


def test_new_meetings_are_swapped_around_a_lock():
    """c1 is locked with r1 in round 1, c2-r2 first lands in round 2: swapping it to round 1
    frees round 2 for c1-r2, so nothing is dropped and the result is optimal given the lock."""
    weights = {("c2", "r2"): 10, ("c1", "r2"): 5, ("c1", "r1"): 1}
    lock = Meeting(1, 1, "c1", "r1")

    report = schedule_report(rounds=2, tables=2, weights=weights, locked=[lock])

    assert report.meetings == [lock, Meeting(1, 2, "c2", "r2"), Meeting(2, 1, "c1", "r2")]
    assert (report.dropped, report.total_weight, report.bound_with_locks) == (0, 16, 16)


@pytest.mark.parametrize(
    "locked",
    [
        [Meeting(1, 1, "c1", "r1"), Meeting(1, 1, "c2", "r2")],
        [Meeting(1, 1, "c1", "r1"), Meeting(1, 2, "c1", "r2")],
        [Meeting(1, 1, "c1", "r1"), Meeting(2, 1, "c1", "r1")],
        [Meeting(3, 1, "c1", "r1")],
    ],
)
def test_inconsistent_locks_are_refused(locked):
    with pytest.raises(ValueError):
        schedule(rounds=2, tables=2, weights={("c1", "r1"): 1}, locked=locked)


@pytest.mark.parametrize(
    "weights",
    [
        {("c1", "r1"): 0},
        {("c1", "r1"): 1.5},
        {(f"c{i}", f"r{j}"): 10**14 + i + j for i in range(20) for j in range(20)},
    ],
)
def test_weights_must_be_positive_integers_of_sane_size(weights):
    """Too large weights are refused rather than rounded into a wrong optimum."""
    with pytest.raises(ValueError):
        schedule(rounds=3, tables=5, weights=weights, min_meetings=2)


@pytest.mark.parametrize(("rounds", "tables"), [(0, 3), (3, 0)])
def test_no_rounds_or_no_tables_schedule_nothing(rounds, tables):
    weights = {("c1", "r1"): 1}

    assert schedule(rounds=rounds, tables=tables, weights=weights, min_meetings=1) == []
    assert max_fair_floor(rounds=rounds, tables=tables, weights=weights) == 0


def test_scheduler_runs_without_django():
    """The django-q2 job and the organiser's re-run call a pure module: no Django inside."""
    code = (
        "import sys; from event_booking.scheduler import schedule; "
        "print(len(schedule(rounds=1, tables=1, weights={('c', 'r'): 1}))); "
        "print(any(name.split('.')[0] == 'django' for name in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert result.stdout.split() == ["1", "False"]
