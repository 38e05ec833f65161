"""Booking a seat on a phone: a bad e-mail first, then the booking, the manage link from the
confirmation e-mail, the calendar file, and cancelling with confirmation."""

import re

import pytest
from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from tests.browser.pages import pick, say

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def link_in(message: mail.EmailMessage) -> str:
    """The manage link of a booking e-mail (its plain-text part)."""
    found = re.search(r"https?://\S+/bookings/\S+", message.body)
    assert found, message.body
    return found.group(0)


def assert_box_is_inset(page) -> None:
    """The manage page's box keeps a margin from the window's edges and is centred."""
    box = page.locator(".booking-area").bounding_box()
    width = page.viewport_size["width"]
    left, right = box["x"], width - (box["x"] + box["width"])
    assert left >= 8, f"the box touches the left edge: {box}"
    assert abs(left - right) <= 2, f"the box is not centred: left {left}, right {right}"


def book_manage_download_and_cancel(page, log, event, language, tmp_path):
    email = f"vendeg-{language}@example.org"
    page.goto(event.url)
    expect(page.locator("html")).to_have_attribute("lang", language)

    # A typo in the e-mail address: the error is next to the field, in the page's language,
    # and the keyboard focus is moved to the field.
    page.get_by_label(say(language, "Full name")).fill("Teszt Elek")
    page.get_by_label(say(language, "E-mail address")).fill("teszt.elek.example.org")
    page.locator("#booking-consent").check()
    page.get_by_role("button", name=say(language, "Book"), exact=True).click()
    error = page.locator("#booking-email-error")
    expect(error).to_have_text(say(language, "Enter a valid email address."))
    if language == "hu":
        expect(error).not_to_have_text("Enter a valid email address.")
    expect(page.locator("#booking-email")).to_be_focused()
    expect(page.locator("#booking-email")).to_have_attribute("aria-invalid", "true")
    assert mail.outbox == []

    # Corrected, the booking goes through and the confirmation e-mail arrives.
    page.locator("#booking-email").fill(email)
    page.get_by_role("button", name=say(language, "Book"), exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(say(language, "Your booking"))
    status = page.locator("[data-booking-status]")
    expect(status).to_have_attribute("data-booking-status", "confirmed")
    (confirmation,) = mail.outbox
    assert confirmation.to == [email]

    # The manage link of the e-mail opens the booking in a new tab of the browser.
    page.goto(link_in(confirmation))
    expect(page.locator("[data-booking-status]")).to_have_text(say(language, "Confirmed"))
    expect(page.get_by_role("link", name=event.title)).to_be_visible()
    assert_box_is_inset(page)

    # The calendar file downloads and parses, with the event's title.
    with page.expect_download() as download_info:
        page.get_by_role("link", name=say(language, "Add to your calendar (.ics)")).click()
    path = tmp_path / f"booking-{language}.ics"
    download_info.value.save_as(path)
    calendar = Calendar.from_ical(path.read_bytes())
    (entry,) = calendar.walk("VEVENT")
    assert str(entry["SUMMARY"]) == event.title

    # Cancelling asks first; "yes" cancels and the cancellation e-mail follows.
    page.get_by_role("link", name=say(language, "Cancel my booking")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(say(language, "Cancel my booking"))
    assert_box_is_inset(page)
    page.get_by_role("button", name=say(language, "Yes, cancel my booking")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(say(language, "Your booking"))
    expect(page.locator("[data-booking-status]")).to_have_text(say(language, "Cancelled"))
    assert len(mail.outbox) == 2
    assert mail.outbox[1].to == [email]

    assert log.take() == []


@pytest.mark.parametrize("language", ["hu", "en"])
def test_booking_on_a_phone(open_page, bookable_event, language, tmp_path):
    page, log = open_page(language, "phone")
    event = pick(bookable_event, "event", language)
    book_manage_download_and_cancel(page, log, event, language, tmp_path)


def test_booking_on_a_desktop(open_page, bookable_event, tmp_path):
    page, log = open_page("hu", "desktop")
    book_manage_download_and_cancel(page, log, bookable_event["event"], "hu", tmp_path)
