"""The evidence dashboard in a real browser: a consultant logs in, opens it from the menu, sees
its SVG charts drawn (with their data tables) and opens the printable report; no console
errors, failed requests or error responses on the way."""

import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from agency_services.models import ClusterApplication
from agency_services.roles import CONSULTANTS
from tests.agency_services.helpers import PASSWORD, member, world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["hu", "en"])
def test_the_dashboard_draws_its_charts_without_console_errors(open_page, home, language):
    w = world()
    ClusterApplication.objects.create(
        cluster=w.cluster_a, programme="GINOP Plusz", submitted_on=timezone.localdate()
    )
    member("staff", [CONSULTANTS], language=language)
    page, log = open_page(language, "desktop")

    page.goto("/admin/")
    expect(page).to_have_url(re.compile(r"/admin/login/"))
    page.locator("#id_username").fill("staff")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/$"))
    expect(page.locator("[data-panel='evidence']")).to_be_visible()

    page.goto("/admin/evidence/")
    charts = page.locator("svg.evidence-chart")
    expect(charts.first).to_be_visible()
    assert charts.count() >= 3
    box = charts.first.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 50
    # Each bar is drawn with a pattern fill, and its value is written as text.
    assert page.locator("svg.evidence-chart rect[fill^='url(#']").count() >= 3
    table = page.locator("[data-chart='chart-programme'] table")
    expect(table).to_be_visible()

    year = timezone.localdate().year
    page.goto(f"/admin/evidence/{year}/report/{language}/")
    expect(page.locator("html")).to_have_attribute("lang", language)
    expect(page.locator("li[data-figure='applications'] strong")).to_have_text("1")
    expect(page.locator("svg.evidence-chart").first).to_be_visible()

    assert log.take() == []
