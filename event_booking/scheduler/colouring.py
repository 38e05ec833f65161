"""Fitting chosen pairs into rounds: bipartite edge colouring, one colour per round.

Colours are rounds ``0 .. rounds - 1``. A proper colouring (no participant twice in a colour)
exists with ``rounds`` colours whenever nobody has more than ``rounds`` meetings (König's edge
colouring theorem); `Colouring.add` finds it by alternating-path (Kempe chain) recolouring.
`Colouring.balance` then makes it equitable (class sizes differ by at most one; Bondy & Murty,
Theorem 6.4, after de Werra): while a largest class a and a smallest class b differ by two or
more, the a/b subgraph is a union of even cycles and alternating paths, it holds more a-heavy
paths than b-heavy ones by exactly ``|a| - |b|``, and swapping the colours of an a-heavy path
moves one meeting from a to b without breaking properness. With E meetings no round then holds
more than ``ceil(E / rounds)`` of them, which is at most ``tables`` when ``E <= rounds * tables``.

Locked meetings are precoloured edges that never change colour. Extending a precolouring is
NP-hard in general, so `Colouring.place` is a heuristic: a colour free at both ends with a free
table, else one Kempe swap along a chain without locked edges, else it gives up.
"""

from __future__ import annotations


class Colouring:
    """A proper edge colouring under construction (vertices are integers, edges numbered)."""

    def __init__(self, *, rounds: int, vertices: int, room: int | None = None) -> None:
        self.rounds = rounds
        self.at: list[dict[int, int]] = [{} for _ in range(vertices)]
        self.ends: list[tuple[int, int]] = []
        self.colour: list[int] = []
        self.locked: list[bool] = []
        self.count = [0] * rounds
        self.room = room  # meetings a colour may hold, locked ones included (None: any)

    def _attach(self, edge: int, colour: int) -> None:
        u, v = self.ends[edge]
        self.colour[edge] = colour
        self.at[u][colour] = edge
        self.at[v][colour] = edge
        self.count[colour] += 1

    def _new_edge(self, u: int, v: int, *, locked: bool = False) -> int:
        self.ends.append((u, v))
        self.colour.append(-1)
        self.locked.append(locked)
        return len(self.ends) - 1

    def lock(self, u: int, v: int, colour: int) -> int:
        """Adds a precoloured edge that is never recoloured."""
        edge = self._new_edge(u, v, locked=True)
        self._attach(edge, colour)
        return edge

    def _free(self, vertex: int) -> list[int]:
        used = self.at[vertex]
        return [c for c in range(self.rounds) if c not in used]

    def _chain(self, start: int, a: int, b: int) -> list[int]:
        """The maximal a/b alternating path leaving `start` by its a-edge."""
        path, vertex, colour = [], start, a
        while (edge := self.at[vertex].get(colour)) is not None:
            path.append(edge)
            u, v = self.ends[edge]
            vertex = v if vertex == u else u
            colour = b if colour == a else a
        return path

    def _swap(self, path: list[int], a: int, b: int) -> None:
        for edge in path:
            u, v = self.ends[edge]
            del self.at[u][self.colour[edge]]
            del self.at[v][self.colour[edge]]
            self.count[self.colour[edge]] -= 1
        for edge in path:
            self._attach(edge, b if self.colour[edge] == a else a)

    def add(self, u: int, v: int) -> int:
        """Colours a new edge, recolouring one Kempe chain if needed (König's proof).

        Needs a free colour at both ends, i.e. fewer than `rounds` edges at each; ignores `room`.
        """
        edge = self._new_edge(u, v)
        at_u, at_v, count = self.at[u], self.at[v], self.count
        common = [c for c in range(self.rounds) if c not in at_u and c not in at_v]
        if common:
            # The least used round keeps the classes nearly equal, which leaves `balance` little
            # to do.
            self._attach(edge, min(common, key=count.__getitem__))
            return edge
        a = self._free(u)[0]
        b = self._free(v)[0]
        # In a bipartite graph the a/b chain leaving v by its a-edge never reaches u (u's side is
        # entered only through a-edges and u has none); after the swap a is free at both ends.
        self._swap(self._chain(v, a, b), a, b)
        self._attach(edge, a)
        return edge

    def _fits(self, colour: int, extra: int = 1) -> bool:
        return self.room is None or self.count[colour] + extra <= self.room

    def place(self, u: int, v: int) -> int | None:
        """Colours a new edge within `room` without recolouring locked edges, or returns None."""
        free_u, free_v = self._free(u), self._free(v)
        common = [c for c in free_u if c not in self.at[v] and self._fits(c)]
        if common:
            edge = self._new_edge(u, v)
            self._attach(edge, min(common, key=lambda c: (self.count[c], c)))
            return edge
        for a in free_u:
            for b in free_v:
                if a == b:
                    continue
                path = self._chain(v, a, b)
                if any(self.locked[e] for e in path):
                    continue
                # An odd chain ends with an a-edge: the swap moves one meeting from a to b and the
                # new edge takes a, so b grows; an even chain leaves the counts and a grows.
                if not self._fits(b if len(path) % 2 else a):
                    continue
                self._swap(path, a, b)
                edge = self._new_edge(u, v)
                self._attach(edge, a)
                return edge
        return None

    def balance(self) -> None:
        """Makes the colour classes differ by at most one (no locked edges may be present)."""
        while self.rounds:
            a = max(range(self.rounds), key=lambda c: (self.count[c], -c))
            b = min(range(self.rounds), key=lambda c: (self.count[c], c))
            excess = (self.count[a] - self.count[b]) // 2
            if excess == 0:
                return
            seen: set[int] = set()
            for edge in [e for e, c in enumerate(self.colour) if c == a]:
                if excess == 0:
                    break
                if edge in seen:
                    continue
                for start in self.ends[edge]:
                    if b in self.at[start]:
                        continue
                    path = self._chain(start, a, b)
                    seen.update(path)
                    if len(path) % 2:
                        self._swap(path, a, b)
                        excess -= 1
                    break
