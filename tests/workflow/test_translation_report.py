"""The translation status of pages in the admin: the report (filters, waiting order, CSV), the
translators' dashboard panel and the page editor's status side panel."""

import csv
import datetime as dt
import io
import re

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from tests import factories
from tests.workflow.conftest import reject_translation, translators_panel
from tests.workflow_testapp.models import ReviewedPage

REPORT = "/admin/workflow/translations/"


def add(parent: Page, title: str, slug: str, published_days_ago: int = 1) -> ReviewedPage:
    page = ReviewedPage(title=title, slug=slug, body=f"<p>{title}</p>")
    parent.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    Page.objects.filter(pk=page.pk).update(
        first_published_at=timezone.now() - dt.timedelta(days=published_days_ago)
    )
    return page


@pytest.fixture
def site_pages(home, en_home, to_english) -> dict[str, Page]:
    """news (current) with old (outdated 10 days ago) and fresh (missing, 2 days) below it;
    about (missing, 5 days) in a section of its own."""
    news = add(home, "Hírek", "hirek")
    to_english(news)
    old = add(news, "Régi hír", "regi-hir", 30)
    to_english(old)
    factories.outdated(old, timezone.now() - dt.timedelta(days=10))
    fresh = add(news, "Friss hír", "friss-hir", 2)
    about = add(home, "Rólunk", "rolunk", 5)
    return {"news": news, "old": old, "fresh": fresh, "about": about}


def report_rows(html: str) -> list[tuple[int, str]]:
    return [
        (int(page), state)
        for page, state in re.findall(r'<tr data-page="(\d+)" data-state="(\w+)">', html)
    ]


def test_report_lists_every_state_oldest_waiting_first(as_user, site_pages, home):
    html = as_user("translator").get(REPORT).content.decode()
    newest_first = as_user("translator").get(REPORT, {"sort": "-waiting"}).content.decode()

    p = site_pages
    assert report_rows(html) == [
        (p["old"].pk, "outdated"),
        (p["about"].pk, "missing"),
        (p["fresh"].pk, "missing"),
        (home.pk, "current"),  # the home page is a section of its own
        (p["news"].pk, "current"),
    ]
    assert [page for page, _state in report_rows(newest_first)][:3] == [
        p["fresh"].pk,
        p["about"].pk,
        p["old"].pk,
    ]
    assert "Elavult" in html and "Hiányzik" in html  # the labels, in the admin's Hungarian


def test_report_filters_by_state_section_page_and_language(as_user, site_pages, home):
    client = as_user("translator")
    p = site_pages

    def shown(**params) -> set[int]:
        return {page for page, _state in report_rows(client.get(REPORT, params).content.decode())}

    assert shown(state="missing") == {p["fresh"].pk, p["about"].pk}
    assert shown(section=p["news"].pk) == {p["news"].pk, p["old"].pk, p["fresh"].pk}
    assert shown(within=p["old"].pk) == {p["old"].pk}
    assert shown(language="en", state="current") == {home.pk, p["news"].pk}


@pytest.mark.parametrize(
    ("field", "value"), [("state", "bogus"), ("language", "xx"), ("within", "abc")]
)
def test_bad_filter_is_an_error_naming_the_field(as_user, site_pages, field, value):
    response = as_user("translator").get(REPORT, {field: value})

    assert response.status_code == 200
    assert report_rows(response.content.decode()) == []
    assert field in response.context["form"].errors


def test_report_csv_export(as_user, site_pages):
    response = as_user("translator").get(REPORT, {"state": "missing", "format": "csv"})

    assert response["Content-Type"].startswith("text/csv")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0] == [
        "kind",
        "id",
        "title",
        "section",
        "language",
        "state",
        "translated",
        "waiting_since",
        "publication_waits",
    ]
    assert [tuple(row[2:6]) for row in rows[1:]] == [
        ("Rólunk", "Rólunk", "en", "missing"),
        ("Friss hír", "Hírek", "en", "missing"),
    ]


def test_report_query_count_does_not_grow_with_the_pages(as_user, site_pages, home):
    client = as_user("translator")

    def count() -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(REPORT).status_code == 200
        return len(queries)

    before = count()
    for n in range(8):
        page = add(site_pages["news"], f"Hír {n}", f"hir-{n}")
        factories.outdated(page)
    after = count()

    assert after == before


def test_report_replaces_wagtail_localize_report_in_the_menu(as_user, site_pages):
    client = as_user("translator")

    dashboard = client.get(reverse("wagtailadmin_home")).content.decode()
    old = client.get("/admin/localize/reports/translations/")

    assert REPORT in dashboard
    assert "/admin/localize/reports/translations/" not in dashboard
    assert old.status_code == 302 and old["Location"] == REPORT


def test_translators_dashboard_panel_to_translate_and_to_fix(as_user, site_pages, users):
    p = site_pages
    english_news = p["news"].get_translation(factories.locale("en")).specific
    english_news.title = "News (to review)"
    reject_translation(english_news, users["translator"])

    html = as_user("translator").get(reverse("wagtailadmin_home")).content.decode()
    moderator = as_user("moderator").get(reverse("wagtailadmin_home")).content.decode()

    to_fix, todo = translators_panel(html)
    assert re.findall(r'data-page="(\d+)"', to_fix) == [str(p["news"].pk)]
    assert re.findall(r'data-page="(\d+)"', todo) == [
        str(p["old"].pk),
        str(p["about"].pk),
        str(p["fresh"].pk),
    ]
    assert 'id="cms-workflow-to-translate-section"' not in moderator


def test_editor_status_side_panel_on_source_and_translation(client, site_pages):
    client.force_login(get_user_model().objects.create_superuser("admin"))
    old = site_pages["old"]
    english_old = old.get_translation(factories.locale("en"))

    source = client.get(reverse("wagtailadmin_pages:edit", args=[old.pk])).content.decode()
    translation = client.get(
        reverse("wagtailadmin_pages:edit", args=[english_old.pk])
    ).content.decode()

    assert 'data-language="en" data-state="outdated"' in source
    assert 'data-language="en" data-state="outdated"' in translation
