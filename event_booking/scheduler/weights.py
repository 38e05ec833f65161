"""Meeting priorities from requests: the one weight function of the Django side and the bench.

Pure (no Django), so that `tests/benchmarks/bench_scheduler.py` builds its synthetic weights
with the very function `event_booking.services.matchmaking` uses.

Tiers, each far above the next whatever the ranks (so the scheduler first meets as many
requests of a higher tier as it can, see `schedule`): a *mutual* request (both asked, nobody
declined) ``MUTUAL + score + score``; an *accepted* one-sided request ``ACCEPTED + score``; a
pair with a *shared interest* and no accepted request (a request that expired, or none at all)
``SHARED_INTEREST + score`` (score 0 without a request). The rank score of a request is
``max_requests + 1 - rank``: a first choice scores `max_requests`, the last one 1, so earlier
ranks come first within a tier. Declined pairs and pairs with nothing in common get no weight:
they never meet.

The tiers stay ordered while ``SHARED_INTEREST + MAX_SCORE < ACCEPTED + 1`` (the event page
caps the requests per participant at `MAX_SCORE`).
"""

from __future__ import annotations

import enum

MUTUAL = 1000
ACCEPTED = 100
SHARED_INTEREST = 10
#: The largest rank score (= the most requests a participant may send) that keeps the tiers
#: apart: a shared interest with a first choice (10 + 45) stays below any accepted request.
MAX_SCORE = 45


class Tier(enum.IntEnum):
    MUTUAL = MUTUAL
    ACCEPTED = ACCEPTED
    SHARED_INTEREST = SHARED_INTEREST


def rank_score(rank: int, *, max_requests: int) -> int:
    """How much a request of `rank` (1 = first choice) adds within its tier: at least 1."""
    return max(max_requests + 1 - rank, 1)


def pair_weight(tier: Tier, *scores: int) -> int:
    """The scheduler weight of a pair in `tier` with the rank scores of its requests."""
    return int(tier) + sum(scores)
