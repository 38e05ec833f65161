"""An organiser on a phone: logs in to the admin through its form, finds an event's bookings
from the menu, checks one guest in and downloads the list as CSV and Excel."""

import csv
import re

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect
from wagtail.users.models import UserProfile

from tests import factories
from tests.browser.pages import say
from tests.event_booking import booking_helpers, organiser_helpers

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.fixture
def event_with_bookings(home):
    event = booking_helpers.event_page(home, title="Agrár üzletember-találkozó")
    offering = factories.offering(event)
    guests = [
        factories.booking(offering, name="Kovács Anna", email="anna@example.org"),
        factories.booking(offering, name="Nagy Béla", email="bela@example.org", seats=2),
    ]
    return event, guests


def download(page, link_name, tmp_path):
    with page.expect_download() as info:
        page.get_by_role("link", name=link_name).click()
    path = tmp_path / info.value.suggested_filename
    info.value.save_as(path)
    return path


@pytest.mark.parametrize("language", ["hu", "en"])
def test_organiser_checks_in_and_exports(open_page, event_with_bookings, language, tmp_path):
    event, (anna, bela) = event_with_bookings
    user = organiser_helpers.organiser()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    page, log = open_page(language, "phone")

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.locator("#id_username").fill("organiser")
    page.locator("#id_password").fill(organiser_helpers.PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))

    # The phone layout hides the menu behind its toggle.
    page.locator("button.sidebar-nav-toggle--mobile").click()
    page.get_by_role("link", name=say(language, "Bookings"), exact=True).click()
    expect(page).to_have_title(f"{say(language, 'Bookings')} - Wagtail")
    page.get_by_role("link", name=event.title).click()
    expect(page).to_have_title(f"{event.title} - Wagtail")

    row = page.locator(f"tr[data-booking='{anna.reference}']")
    row.get_by_role("button", name=say(language, "Check in")).click()
    expect(page.locator("tr[data-booking]").filter(has_text="Kovács Anna")).to_contain_text(
        say(language, "Checked in")
    )
    expect(page.locator("dd[data-count='checked-in']")).to_have_text("1")

    csv_file = download(page, say(language, "Download CSV"), tmp_path)
    rows = list(csv.reader(csv_file.read_text(encoding="utf-8-sig").splitlines()))
    names = {cell for row in rows[1:] for cell in row}
    assert {"Kovács Anna", "Nagy Béla", anna.reference, bela.reference} <= names

    xlsx_file = download(page, say(language, "Download Excel"), tmp_path)
    sheet = load_workbook(xlsx_file, read_only=True).active
    cells = {cell for row in sheet.iter_rows(min_row=2, values_only=True) for cell in row}
    assert {"Kovács Anna", "Nagy Béla", anna.reference, bela.reference} <= cells

    assert log.take() == []
