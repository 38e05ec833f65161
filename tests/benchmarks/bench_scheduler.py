"""Benchmark: the speed-dating scheduler against a greedy pass (issue 11, item 4).

Run by `make bench` (not by pytest). Three synthetic events, each participant sending 8 ranked
requests to the other side (fixed seed, so every run sees the same instances):

    200 participants (120 companies, 80 researchers), 12 rounds, 40 tables
    1,000 (600, 400), 20 rounds, 200 tables
    5,000 (3,000, 2,000), 20 rounds, 1,000 tables

Requests favour the other side's popular participants and shared fields of interest. A request
answered by a request of its recipient is a mutual request; other requests are accepted (60 %),
declined (20 %) or left pending until they expire (20 %). Weights come from the function the
Django side uses (`event_booking.scheduler.weights`): accepted mutual requests (1000 + rank
scores) far above accepted one-sided ones (100 + rank score), above expired requests between
participants with a shared interest (10 + rank score); the rank score is 8 for a first choice
down to 1 for an eighth. Declined requests and expired ones without a shared interest allow no
meeting.

For each event one JSON line: for the scheduler without a floor, with the fairness floor
``max_fair_floor`` and for a greedy pass (heaviest pair first, earliest round with a free table):
seconds (best of three runs), total weight and its ratio to the optimum, the share of mutual
requests and of all requests met, and the fewest meetings any participant got. The optimum is
computed independently here (a plain min-cost circulation, hard lower bounds for the floor), so
``optimal`` says whether the scheduler reached it. Exits 1 if it did not.
"""

from __future__ import annotations

import itertools
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np
from ortools.graph.python import min_cost_flow

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from event_booking.scheduler import Meeting, max_fair_floor, schedule  # noqa: E402
from event_booking.scheduler.weights import Tier, pair_weight, rank_score  # noqa: E402

SEED = 11
REQUESTS = 8
FIELDS = 20
INSTANCES = [
    # companies, researchers, rounds, tables, goal in seconds
    (120, 80, 12, 40, 0.1),
    (600, 400, 20, 200, 0.5),
    (3000, 2000, 20, 1000, 3.0),
]


def synthetic_event(companies: int, researchers: int, seed: int) -> tuple[dict, set, list]:
    """(weights, mutual pairs, requests as (company, researcher) pairs, one per request)."""
    rnd = random.Random(seed)
    sides = {
        "c": [f"c{i:04d}" for i in range(companies)],
        "r": [f"r{i:04d}" for i in range(researchers)],
    }
    interests = {
        who: {rnd.randrange(FIELDS) for _ in range(rnd.randint(1, 3))}
        for people in sides.values()
        for who in people
    }
    popularity = {who: rnd.paretovariate(1.5) for people in sides.values() for who in people}

    def pool(people: list[str]) -> tuple[list[str], list[float]]:
        return people, list(itertools.accumulate(popularity[x] for x in people))

    ranked: dict[str, list[str]] = {}
    for side, other in (("c", "r"), ("r", "c")):
        anyone = pool(sides[other])
        by_field = {
            field: pool([x for x in sides[other] if field in interests[x]])
            for field in range(FIELDS)
        }
        for who in sides[side]:
            chosen: list[str] = []
            while len(chosen) < REQUESTS:
                # Three requests in four go to someone sharing a field, the popular ones first.
                field = rnd.choice(sorted(interests[who]))
                people, cumulative = by_field[field] if rnd.random() < 0.75 else anyone
                if not people:
                    people, cumulative = anyone
                pick = rnd.choices(people, cum_weights=cumulative)[0]
                if pick not in chosen:
                    chosen.append(pick)
            ranked[who] = chosen

    def score(who: str, target: str) -> int:
        return rank_score(ranked[who].index(target) + 1, max_requests=REQUESTS)

    weights: dict[tuple[str, str], int] = {}
    mutual: set[tuple[str, str]] = set()
    requests: list[tuple[str, str]] = []
    for who, targets in ranked.items():
        for target in targets:
            pair = (who, target) if who.startswith("c") else (target, who)
            requests.append(pair)
            if pair in weights:
                continue
            if who in ranked[target]:
                mutual.add(pair)
                weights[pair] = pair_weight(Tier.MUTUAL, score(who, target), score(target, who))
                continue
            answer = rnd.random()
            if answer < 0.6:
                weights[pair] = pair_weight(Tier.ACCEPTED, score(who, target))
            elif answer >= 0.8 and interests[who] & interests[target]:
                weights[pair] = pair_weight(Tier.SHARED_INTEREST, score(who, target))
    return weights, mutual, requests


def greedy(*, rounds: int, tables: int, weights: dict) -> list[Meeting]:
    """Heaviest pair first, into the earliest round where both are free and a table is left."""
    busy: set[tuple[int, str]] = set()
    load = [0] * (rounds + 1)
    meetings = []
    for (company, researcher), _ in sorted(weights.items(), key=lambda item: -item[1]):
        for rnd in range(1, rounds + 1):
            if load[rnd] < tables and (rnd, company) not in busy and (rnd, researcher) not in busy:
                load[rnd] += 1
                busy |= {(rnd, company), (rnd, researcher)}
                meetings.append(Meeting(rnd, load[rnd], company, researcher))
                break
    return meetings


def flow_optimum(*, rounds: int, tables: int, weights: dict, floor: int) -> int | None:
    """Max weight with everyone's meetings in [min(floor, reach), rounds]; None if impossible.

    A min-cost circulation source -> company -> researcher -> sink -> source with lower bounds
    moved into node supplies: written apart from the scheduler to check it.
    """
    pairs = list(weights)
    companies = sorted({c for c, _ in pairs})
    researchers = sorted({r for _, r in pairs})
    node = {("c", c): i + 2 for i, c in enumerate(companies)}
    node |= {("r", r): i + 2 + len(companies) for i, r in enumerate(researchers)}
    partners = Counter(("c", c) for c, _ in pairs) + Counter(("r", r) for _, r in pairs)
    source, sink = 0, 1
    supply = Counter()
    mcf = min_cost_flow.SimpleMinCostFlow()
    for who, index in node.items():
        low = min(floor, rounds, partners[who])
        tail, head = (source, index) if who[0] == "c" else (index, sink)
        mcf.add_arc_with_capacity_and_unit_cost(tail, head, rounds - low, 0)
        supply[tail] -= low
        supply[head] += low
    tails = np.array([node["c", c] for c, _ in pairs], dtype=np.int32)
    heads = np.array([node["r", r] for _, r in pairs], dtype=np.int32)
    mcf.add_arcs_with_capacity_and_unit_cost(
        tails,
        heads,
        np.ones(len(pairs), dtype=np.int64),
        -np.array([weights[p] for p in pairs], dtype=np.int64),
    )
    mcf.add_arc_with_capacity_and_unit_cost(sink, source, rounds * tables, 0)
    for index, amount in supply.items():
        mcf.set_node_supply(index, amount)
    if mcf.solve() != mcf.OPTIMAL:
        return None
    return -mcf.optimal_cost()


def total(meetings: list[Meeting], weights: dict) -> int:
    return sum(weights[m.company, m.researcher] for m in meetings)


def figures(meetings: list[Meeting], *, weights, mutual, requests, people, optimum, floor) -> dict:
    """What the organiser sees; `below_floor`: meetings missing below min(floor, reach)."""
    met = {(m.company, m.researcher) for m in meetings}
    count = Counter(m.company for m in meetings) + Counter(m.researcher for m in meetings)
    partners = Counter(c for c, _ in weights) + Counter(r for _, r in weights)
    weight = total(meetings, weights)
    return {
        "weight": weight,
        "of_optimum": round(weight / optimum, 4),
        "mutual_met": round(len(mutual & met) / len(mutual), 3),
        "requests_met": round(sum(pair in met for pair in requests) / len(requests), 3),
        "least_meetings": min(count[who] for who in people),
        "below_floor": sum(max(0, min(floor, partners[who]) - count[who]) for who in people),
        "meetings": len(meetings),
    }


def timed(function, repeat: int = 3) -> tuple[dict, object]:
    """Best of `repeat` runs: wall-clock seconds and this process's CPU seconds.

    The CPU time is what the run would take on an idle core; the wall time also counts the
    waiting for a core when other work runs on the machine.
    """
    wall = cpu = float("inf")
    result = None
    for _ in range(repeat):
        start, start_cpu = time.perf_counter(), time.process_time()
        result = function()
        wall = min(wall, time.perf_counter() - start)
        cpu = min(cpu, time.process_time() - start_cpu)
    return {"seconds": round(wall, 3), "cpu_seconds": round(cpu, 3)}, result


def main() -> int:
    failed = False
    for companies, researchers, rounds, tables, goal in INSTANCES:
        weights, mutual, requests = synthetic_event(companies, researchers, SEED)
        people = {c for c, _ in weights} | {r for _, r in weights}
        size = {"rounds": rounds, "tables": tables, "weights": weights}
        context = {"weights": weights, "mutual": mutual, "requests": requests, "people": people}
        optimum = flow_optimum(**size, floor=0)

        plain_time, plain = timed(lambda size=size: schedule(**size))
        floor_time, floor = timed(lambda size=size: max_fair_floor(**size))
        fair_time, fair = timed(lambda size=size, k=floor: schedule(**size, min_meetings=k))
        greedy_time, quick = timed(lambda size=size: greedy(**size))
        fair_optimum = flow_optimum(**size, floor=floor)
        context |= {"optimum": optimum, "floor": floor}

        line = {
            "participants": companies + researchers,
            "companies": companies,
            "researchers": researchers,
            "rounds": rounds,
            "tables": tables,
            "pairs": len(weights),
            "mutual_pairs": len(mutual),
            "requests": len(requests),
            "goal_seconds": goal,
            "optimal": {
                **plain_time,
                **figures(plain, **context),
                "optimal": total(plain, weights) == optimum,
            },
            "fair": {
                "floor": floor,
                "max_fair_floor": floor_time,
                **fair_time,
                **figures(fair, **context),
                "optimal": total(fair, weights) == fair_optimum,
            },
            "greedy": {**greedy_time, **figures(quick, **context)},
        }
        failed |= not (line["optimal"]["optimal"] and line["fair"]["optimal"])
        print(json.dumps(line), flush=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
