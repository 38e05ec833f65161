"""On a phone: booking two seats of a paid training run with invoice details, and joining the
waiting list of a full event, which shows the person's place on the list."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.browser.pages import pick, say

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def sent_to(address):
    return [message for message in mail.outbox if message.to == [address]]


def fill_person(page, language, email):
    page.get_by_label(say(language, "Full name")).fill("Teszt Elek")
    page.get_by_label(say(language, "E-mail address")).fill(email)
    page.locator("#booking-consent").check()


@pytest.mark.parametrize("language", ["hu", "en"])
def test_paid_training_run_and_waiting_list(open_page, paid_and_full, language):
    page, log = open_page(language, "phone")
    training = pick(paid_and_full, "training", language)

    # Two seats of the second run, with the invoice details a paid booking asks for.
    page.goto(training.url)
    booking = page.locator("#booking")
    expect(booking).to_contain_text("500")
    runs = booking.get_by_role("radio")
    expect(runs).to_have_count(2)
    runs.nth(1).check()
    fill_person(page, language, f"szamla-{language}@example.org")
    page.get_by_label(say(language, "Organisation")).fill("Agrár Kft.")
    page.get_by_label(say(language, "Tax number")).fill("12345678-2-09")
    page.get_by_label(say(language, "Billing address")).fill("4032 Debrecen, Egyetem tér 1.")
    page.get_by_label(say(language, "Number of seats")).fill("2")
    # Before committing: the total for two seats, net, VAT (27 %) and gross (booking-price.js).
    total = booking.locator("[data-price-total]")
    expect(total).to_be_visible()
    expect(total.locator("[data-price-net]")).to_have_text(re.compile(r"^1\D?000[.,]00$"))
    expect(total.locator("[data-price-vat]")).to_have_text(re.compile(r"^270[.,]00$"))
    expect(total.locator("[data-price-gross]")).to_have_text(re.compile(r"^1\D?270[.,]00$"))
    page.get_by_role("button", name=say(language, "Book"), exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(say(language, "Your booking"))
    expect(page.locator("[data-booking-status]")).to_have_text(say(language, "Confirmed"))
    expect(page.locator("[data-amount-due]")).to_contain_text(re.compile(r"1[ ,.\u00a0]?000"))
    expect(page.locator("[data-booking-summary]")).to_contain_text(training.title)
    assert len(sent_to(f"szamla-{language}@example.org")) == 1

    # The full event: the booking joins the waiting list and the page says which place.
    full = pick(paid_and_full, "full", language)
    page.goto(full.url)
    fill_person(page, language, f"varo-{language}@example.org")
    page.get_by_role("button", name=say(language, "Book"), exact=True).click()
    status = page.locator("[data-booking-status]")
    expect(status).to_have_attribute("data-booking-status", "waitlisted")
    expect(status).to_have_text(
        say(language, "On the waiting list, in place %(position)s", position=1)
    )
    assert len(sent_to(f"varo-{language}@example.org")) == 1

    assert log.take() == []
