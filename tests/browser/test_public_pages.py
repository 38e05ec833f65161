"""Every public page, in both languages, on the narrowest phone the site supports (320 px):
no console error or failed request, no serious or critical axe-core violation, nothing wider
than the screen; and the keyboard reaches the main content and the booking form."""

import pytest
from playwright.sync_api import expect

from event_booking.tokens import manage_url
from tests import factories
from tests.browser.pages import (
    axe_violations,
    focused,
    horizontal_overflow,
    pick,
    report,
    say,
    tab_until,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

NOT_FOUND = {"hu": "/hu/nincs-ilyen-oldal/", "en": "/en/no-such-page/"}
SEARCH = {"hu": "/hu/kereses/?q=Agr%C3%A1r", "en": "/en/search/?q=Agri"}


def public_pages(site: dict, language: str) -> list[str]:
    """The address of each kind of public page (and state of one) in `language`."""

    def url(role: str, query: str = "") -> str:
        return pick(site, role, language).url + query

    booking = factories.booking(
        factories.offering(site["event"]), language=language, name="Teszt Elek"
    )
    manage = manage_url(booking).split("/", 3)[3]
    return [
        url("home"),
        url("cluster_index"),
        url("cluster_index", "?sector=digital&county=hajdu-bihar"),
        url("cluster_index", "?sector=no-such-sector"),
        url("cluster"),
        url("event_index"),
        url("event_index", "?when=past"),
        url("event"),
        url("full_event"),
        url("training_index"),
        url("training"),
        SEARCH[language],
        NOT_FOUND[language],
        f"/{manage}",
        f"/{manage}".replace("/?token=", "/cancel/?token="),
    ]


@pytest.mark.parametrize("language", ["hu", "en"])
def test_every_public_page_is_clean_accessible_and_fits(
    open_page, bilingual_site, axe_source, language
):
    page, log = open_page(language, "narrow")
    problems = {}
    for address in public_pages(bilingual_site, language):
        response = page.goto(address)
        expected = [NOT_FOUND[language]] if address == NOT_FOUND[language] else []
        assert response.status == (404 if expected else 200), address
        found = log.take(expected) + horizontal_overflow(page) + axe_violations(page, axe_source)
        if found:
            problems[address] = found
    # The booking form sent back with errors is a page of its own, too.
    page.goto(pick(bilingual_site, "event", language).url)
    page.get_by_role("button", name=say(language, "Book"), exact=True).click()
    expect(page.locator(".error-summary")).to_be_visible()
    found = log.take() + horizontal_overflow(page) + axe_violations(page, axe_source)
    if found:
        problems["booking form with errors"] = found
    assert not problems, report(problems)

    # On a phone, by keyboard: the skip link, then Tab through the page to the booking form.
    page, log = open_page(language, "phone")
    for role in ("event", "training"):
        page.goto(pick(bilingual_site, role, language).url)
        keyboard_reaches_main_content_and_booking_form(page, language)
    assert log.take() == []


def keyboard_reaches_main_content_and_booking_form(page, language):
    page.keyboard.press("Tab")
    skip = focused(page)
    assert "skip-link" in skip["classes"] and skip["visible"], skip
    assert skip["text"] == say(language, "Skip to main content")
    page.keyboard.press("Enter")
    expect(page.locator("main")).to_be_focused()
    # From the main content each Tab stop is visible (tab_until checks), scrollable areas
    # included, until the first field of the booking form and then its button.
    path = tab_until(page, "#booking form input:not([type=hidden])")
    assert not any("site-name" in stop["classes"] for stop in path), "focus left the main content"
    tab_until(page, "#booking form button[type=submit]")
