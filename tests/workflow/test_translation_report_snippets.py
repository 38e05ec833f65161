"""Translatable snippets in the translation status surfaces: the report (kind column and
filter, CSV), the translators' dashboard panel and the snippet editor's status side panel.

The plugin finds translatable snippet models by itself; these tests use the test app's
`ReviewedSnippet` (`tests.workflow_testapp`).
"""

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
from wagtail.models import Locale, Page

from tests import factories
from tests.workflow.conftest import reject_translation, translators_panel
from tests.workflow_testapp.models import ReviewedPage, ReviewedSnippet

REPORT = "/admin/workflow/translations/"
KIND = "workflow_testapp.reviewedsnippet"


def snippet(name: str, *, days_ago: int = 1) -> ReviewedSnippet:
    """A live Hungarian snippet first published `days_ago` days ago."""
    made = ReviewedSnippet.objects.create(name=name, locale=Locale.objects.get(language_code="hu"))
    made.save_revision().publish()
    ReviewedSnippet.objects.filter(pk=made.pk).update(
        first_published_at=timezone.now() - dt.timedelta(days=days_ago)
    )
    return ReviewedSnippet.objects.get(pk=made.pk)


@pytest.fixture
def snippets(home, en_home, to_english) -> dict[str, ReviewedSnippet]:
    """current (translated), outdated (10 days ago), missing (3 days); a Hungarian page
    `page` (missing, 5 days); a snippet that was never published (not listed)."""
    current = snippet("Ágazat")
    to_english(current, {"Ágazat": "Sector"})
    outdated = snippet("Helyszín", days_ago=30)
    to_english(outdated, {"Helyszín": "Venue"})
    factories.outdated(outdated, timezone.now() - dt.timedelta(days=10))
    missing = snippet("Téma", days_ago=3)
    draft = ReviewedSnippet.objects.create(
        name="Vázlat", locale=Locale.objects.get(language_code="hu"), live=False
    )
    page = ReviewedPage(title="Rólunk", slug="rolunk")
    home.add_child(instance=page)
    page.save_revision().publish()
    Page.objects.filter(pk=page.pk).update(first_published_at=timezone.now() - dt.timedelta(days=5))
    return {
        "current": current,
        "outdated": outdated,
        "missing": missing,
        "draft": draft,
        "page": page,
    }


def report_rows(html: str) -> list[tuple[str, str]]:
    """`("page:<id>" or "<kind>:<id>", state)` of each row of the report, in order."""
    return [
        (f"page:{page}" if page else snippet, state)
        for page, snippet, state in re.findall(
            r'<tr (?:data-page="(\d+)"|data-snippet="([\w.]+:\d+)") data-state="(\w+)">', html
        )
    ]


def ref(obj) -> str:
    return f"page:{obj.pk}" if isinstance(obj, Page) else f"{KIND}:{obj.pk}"


def test_report_lists_snippets_with_their_kind_in_waiting_order(as_user, snippets, home):
    html = as_user("translator").get(REPORT).content.decode()

    s = snippets
    ours = {ref(obj) for obj in (*s.values(), home)}  # the project's own snippets are listed too
    assert [row for row in report_rows(html) if row[0] in ours] == [
        (ref(s["outdated"]), "outdated"),
        (ref(s["page"]), "missing"),
        (ref(s["missing"]), "missing"),
        (ref(home), "current"),
        (ref(s["current"]), "current"),
    ]
    assert "Téma" in html and "Vázlat" not in html
    assert re.search(r"<td>Reviewed snippet</td>", html, re.IGNORECASE)


def test_report_filters_by_kind_and_page_filters_list_pages_only(as_user, snippets, home):
    client = as_user("translator")
    s = snippets

    def shown(**params) -> set[str]:
        return {row for row, _state in report_rows(client.get(REPORT, params).content.decode())}

    assert shown(kind=KIND) == {ref(s["current"]), ref(s["outdated"]), ref(s["missing"])}
    assert shown(kind="page") == {ref(home), ref(s["page"])}
    assert shown(kind=KIND, state="missing") == {ref(s["missing"])}
    assert shown(within=s["page"].pk) == {ref(s["page"])}
    assert shown(kind=KIND, section=s["page"].pk) == set()


def test_an_unknown_kind_is_an_error_naming_the_field(as_user, snippets):
    response = as_user("translator").get(REPORT, {"kind": "auth.user"})

    assert response.status_code == 200
    assert report_rows(response.content.decode()) == []
    assert "kind" in response.context["form"].errors


def test_report_csv_has_the_kind_of_each_row(as_user, snippets):
    response = as_user("translator").get(REPORT, {"state": "missing", "format": "csv"})

    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:3] == ["kind", "id", "title"]
    assert [(row[0], row[1], row[2], row[5]) for row in rows[1:]] == [
        ("page", str(snippets["page"].pk), "Rólunk", "missing"),
        (KIND, str(snippets["missing"].pk), "Téma", "missing"),
    ]


@pytest.mark.parametrize("more", [5, 50])
def test_report_and_panel_query_counts_do_not_grow_with_the_snippets(as_user, snippets, more):
    client = as_user("translator")

    def count(url: str) -> int:
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200  # pages and every snippet model
        return len(queries)

    urls = (REPORT, reverse("wagtailadmin_home"))
    for url in urls:
        client.get(url)  # warm up per-process caches (content types, site, user profile)
    before = {url: count(url) for url in urls}
    for n in range(more):
        factories.outdated(snippet(f"Téma {n}"))
    after = {url: count(url) for url in before}

    assert after == before
    listed = report_rows(client.get(REPORT, {"kind": KIND}).content.decode())
    assert len(listed) == 3 + more


def test_translators_panel_lists_snippets_to_translate_and_to_fix(as_user, snippets, users):
    s = snippets
    english = s["current"].get_translation(factories.locale("en"))
    english.name = "Sector (to review)"
    reject_translation(english, users["translator"])

    html = as_user("translator").get(reverse("wagtailadmin_home")).content.decode()

    to_fix, todo = translators_panel(html)
    assert re.findall(r'data-snippet="([\w.:]+)"', to_fix) == [ref(s["current"])]
    assert re.findall(r'data-(?:page|snippet)="([\w.:]+)"', todo) == [
        ref(s["outdated"]),
        str(s["page"].pk),
        ref(s["missing"]),
    ]
    translate = reverse(
        "wagtail_localize:submit_snippet_translation",
        args=["workflow_testapp", "reviewedsnippet", s["missing"].pk],
    )
    assert f'href="{translate}"' in todo


def test_snippet_editor_status_panel_shows_the_translation_state(client, snippets):
    client.force_login(get_user_model().objects.create_superuser("admin"))
    outdated = snippets["outdated"]
    english = outdated.get_translation(factories.locale("en"))
    edit = ReviewedSnippet.snippet_viewset.get_url_name("edit")

    source = client.get(reverse(edit, args=[outdated.pk])).content.decode()
    translation = client.get(reverse(edit, args=[english.pk])).content.decode()

    assert 'data-language="en" data-state="outdated"' in source
    assert 'data-language="en" data-state="outdated"' in translation
