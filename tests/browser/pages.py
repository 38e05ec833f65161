"""What the browser tests check on a page: console and network problems, axe-core, keyboard
reach and horizontal overflow. Each check returns what a person would complain about (empty
when all is well), so a failing assertion prints the problems themselves."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from playwright.sync_api import ConsoleMessage, Page, Request, Response

#: axe-core impacts that fail a test (minor and moderate ones are reported by axe only).
BLOCKING_IMPACTS = ("serious", "critical")


@dataclass
class PageLog:
    """Console errors, failed requests and HTTP error responses of one page, in order."""

    lines: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)

    @classmethod
    def attach(cls, page: Page) -> PageLog:
        log = cls()
        page.on("console", log._console)
        page.on("pageerror", lambda error: log._problem(f"page error: {error}"))
        page.on("requestfailed", log._request_failed)
        page.on("response", log._response)
        return log

    def _problem(self, text: str) -> None:
        self.lines.append(text)
        self.problems.append(text)

    def _console(self, message: ConsoleMessage) -> None:
        text = f"console {message.type}: {message.text} ({message.location.get('url', '')})"
        if message.type == "error":
            self._problem(text)
        else:
            self.lines.append(text)

    def _request_failed(self, request: Request) -> None:
        # A download that the browser hands over is reported as an aborted request.
        if request.failure == "net::ERR_ABORTED" and request.resource_type == "document":
            self.lines.append(f"request aborted (download?): {request.url}")
            return
        self._problem(f"request failed: {request.method} {request.url} {request.failure}")

    def _response(self, response: Response) -> None:
        line = f"{response.status} {response.request.method} {response.url}"
        if response.status >= 400:
            self._problem(line)
        else:
            self.lines.append(line)

    def take(self, expected: Iterable[str] = ()) -> list[str]:
        """The problems seen since the last call, less those containing an `expected` text."""
        found = [p for p in self.problems if not any(text in p for text in expected)]
        self.problems.clear()
        return found


def axe_violations(page: Page, axe_source: str) -> list[str]:
    """Serious and critical axe-core violations of the page as it is now, one line per node.

    axe is evaluated through the DevTools protocol, which a Content-Security-Policy does not
    restrict, so the page's own policy stays in force for everything else.
    """
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source)
    results = page.evaluate(
        """async () => {
            const result = await axe.run(document, {resultTypes: ["violations"]});
            return result.violations.map(v => ({
                id: v.id, impact: v.impact, help: v.help,
                nodes: v.nodes.map(n => n.target.join(" ")),
            }));
        }"""
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at {node}"
        for v in results
        if v["impact"] in BLOCKING_IMPACTS
        for node in v["nodes"]
    ]


def horizontal_overflow(page: Page) -> list[str]:
    """Elements that stick out of the viewport on the right (empty when nothing scrolls)."""
    return page.evaluate(
        """() => {
            const root = document.documentElement;
            if (root.scrollWidth <= root.clientWidth) return [];
            const wide = [];
            for (const element of document.body.querySelectorAll("*")) {
                const box = element.getBoundingClientRect();
                if (box.right > root.clientWidth + 1 && box.width > 0) {
                    const name = element.tagName.toLowerCase()
                        + (element.id ? "#" + element.id : "")
                        + (element.className && typeof element.className === "string"
                           ? "." + element.className.trim().split(/\\s+/).join(".") : "");
                    wide.push(`${name} right=${Math.round(box.right)}`);
                }
            }
            return [`scrollWidth ${root.scrollWidth} > clientWidth ${root.clientWidth}`,
                    ...wide.slice(0, 10)];
        }"""
    )


def focused(page: Page) -> dict:
    """The focused element: its tag, id, classes, text, and whether it is on screen."""
    return page.evaluate(
        """() => {
            const element = document.activeElement;
            const box = element.getBoundingClientRect();
            const style = getComputedStyle(element);
            return {
                tag: element.tagName.toLowerCase(), id: element.id,
                classes: typeof element.className === "string" ? element.className : "",
                text: (element.innerText || element.value || "").trim().slice(0, 60),
                visible: box.width > 0 && box.height > 0 && style.visibility !== "hidden"
                    && box.bottom > 0 && box.right > 0 && box.left < innerWidth,
            };
        }"""
    )


def tab_until(page: Page, wanted: str, limit: int = 80) -> list[dict]:
    """Press Tab until the focused element matches the CSS selector `wanted`.

    Returns every element focused on the way (the last one matches); fails after `limit`
    presses. Each focused element must be visible: a keyboard user sees where they are.
    """
    path = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        now = focused(page)
        path.append(now)
        assert now["visible"], f"keyboard focus went to an invisible element: {now}"
        if page.evaluate("(wanted) => document.activeElement.matches(wanted)", wanted):
            return path
    raise AssertionError(f"{wanted} not reached after {limit} Tab presses: {path[-5:]}")


def pick(site: dict, role: str, language: str) -> object:
    """The object of `role` ("cluster", "event", ...) of the test site in `language`."""
    return site[role] if language == "hu" else site[f"en_{role}"]


def say(language: str, msgid: str, **values: object) -> str:
    """`msgid` as the site shows it in `language` (from the shipped catalogue)."""
    from django.utils import translation

    with translation.override(language):
        text = translation.gettext(msgid)
    return text % values if values else text


def report(problems: dict[str, list[str]]) -> str:
    """Problems by page address, one per line, for an assertion message."""
    return "\n".join(
        f"{address}\n" + "\n".join(f"  - {line}" for line in lines)
        for address, lines in problems.items()
    )
