"""The evidence dashboard's screens: who sees them, the charts with their data tables, the
records behind a figure, the CSV, the printable report in both languages, bad input."""

import csv
import re

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from agency_services.models import ClusterApplication
from agency_services.roles import CONSULTANTS
from tests.agency_services.helpers import member, world
from tests.agency_services.test_consultation_permissions import refused

pytestmark = pytest.mark.django_db

YEAR = timezone.localdate().year
DASHBOARD = "/admin/evidence/"


def client_of(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def w(home):
    made = world()
    today = timezone.localdate()
    ClusterApplication.objects.create(
        cluster=made.cluster_a, programme="GINOP Plusz", submitted_on=today
    )
    ClusterApplication.objects.create(
        cluster=made.cluster_a, programme="Horizont Európa", submitted_on=today
    )
    return made


def test_staff_see_the_dashboard_and_cluster_managers_do_not(w):
    moderator = member("moderator", ["Moderators"])
    boss = User.objects.create_superuser("boss", "boss@agency.example", "pw")
    urls = [
        DASHBOARD,
        f"/admin/evidence/{YEAR}/applications/",
        f"/admin/evidence/{YEAR}/csv/",
        f"/admin/evidence/{YEAR}/report/hu/",
    ]
    for user in (w.consultant, moderator, boss):
        assert [client_of(user).get(url).status_code for url in urls] == [200] * 4
    editor = member("editor", ["Editors"])
    for user in (w.manager_a, editor):
        assert all(refused(client_of(user).get(url)) for url in urls)
    anonymous = Client().get(DASHBOARD)
    assert anonymous.status_code == 302


def test_the_menu_item_and_the_home_panel_are_for_staff_only(w):
    staff_home = client_of(w.consultant).get("/admin/").content.decode()
    manager_home = client_of(w.manager_a).get("/admin/").content.decode()
    assert DASHBOARD in staff_home
    assert 'data-panel="evidence"' in staff_home
    assert 'data-figure="applications"' in staff_home
    assert DASHBOARD not in manager_home
    assert 'data-panel="evidence"' not in manager_home


def test_the_dashboard_shows_figures_in_order_with_charts_tables_and_links(w):
    html = client_of(w.consultant).get(DASHBOARD).content.decode()

    keys = re.findall(r'<tr data-figure="([a-z_]+)"', html)
    assert keys[:8] == [
        "active_cooperation",
        "international_support",
        "national_events",
        "consultancy",
        "applications",
        "website_clusters",
        "website_share",
        "seminar_day_participants",
    ]
    applications = html.split('<tr data-figure="applications">')[1].split("</tr>")[0]
    assert '<td class="value">2</td>' in applications
    assert f'href="/admin/evidence/{YEAR}/applications/"' in applications
    # Charts: SVG with a title, patterns (not colour alone) and a data table beside.
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="evidence-chart"') >= 2
    assert '<title id="chart-programme-t">' in html
    assert "<pattern " in html
    programme_chart = html.split('data-chart="chart-programme"')[1].split("</table>")[0]
    assert 'Applications written for clusters</th><td class="value">2</td>' in programme_chart


def test_the_records_behind_a_figure_link_to_their_admin_screens(w):
    html = client_of(w.consultant).get(f"/admin/evidence/{YEAR}/applications/").content.decode()
    for application in ClusterApplication.objects.all():
        assert f'href="/admin/cluster_applications/edit/{application.pk}/"' in html
    assert "Horizont Európa" in html
    assert client_of(w.consultant).get(f"/admin/evidence/{YEAR}/nonsense/").status_code == 404
    assert client_of(w.consultant).get("/admin/evidence/1999/applications/").status_code == 404


def test_a_bad_year_is_named_and_this_year_shown(w):
    response = client_of(w.consultant).get(DASHBOARD, {"year": "next year"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "Year: enter a year between 2000 and 2100." in html
    assert f"Evidence of success {YEAR}" in html
    last_year = client_of(w.consultant).get(DASHBOARD, {"year": YEAR - 1})
    assert f"Evidence of success {YEAR - 1}" in last_year.content.decode()


def test_the_csv_has_every_figure_and_its_breakdown(w):
    response = client_of(w.consultant).get(f"/admin/evidence/{YEAR}/csv/")
    assert response["Content-Disposition"] == f'attachment; filename="evidence-{YEAR}.csv"'
    rows = list(csv.reader(response.content.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Year", "Key", "Figure", "Part", "Value", "Unit"]
    figures = {row[1]: row for row in rows[1:] if row[3] == ""}
    assert figures["applications"][4] == "2"
    assert figures["website_share"][5] == "%"
    assert {"consultation_days", "fill_rate", "speed_dating_held", "trainings_run"} <= set(figures)
    budget = [row for row in rows if row[1] == "consultation_days" and row[3] == "Budget"]
    assert budget[0][4] == "40"


@pytest.mark.parametrize(
    ("language", "heading", "applications"),
    [
        ("hu", f"Eredményességi mutatók {YEAR}", "Klasztereknek írt pályázatok"),
        ("en", f"Evidence of success {YEAR}", "Applications written for clusters"),
    ],
)
def test_the_printable_report_in_both_languages(w, language, heading, applications):
    html = client_of(w.consultant).get(f"/admin/evidence/{YEAR}/report/{language}/").content
    html = html.decode()
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html
    items = re.findall(r'<li data-figure="([a-z_]+)">', html)
    assert items == [
        "active_cooperation",
        "international_support",
        "national_events",
        "consultancy",
        "applications",
        "website_clusters",
        "seminar_day_participants",
    ]
    assert f'<li data-figure="applications">{applications}: <strong>2</strong>' in html
    assert "evidence.css" in html


def test_a_report_in_another_language_is_404(w):
    response = client_of(w.consultant).get(f"/admin/evidence/{YEAR}/report/de/")
    assert response.status_code == 404


def test_consultants_keep_the_regions_number_of_clusters(w):
    assert w.consultant.has_perm("agency_services.change_evidencesettings")
    assert not member("translator", ["Translators"]).has_perm("agency_services.view_evidence")
    assert CONSULTANTS in {g.name for g in w.consultant.groups.all()}


def test_a_year_without_records_shows_zeros(w):
    html = client_of(w.consultant).get(DASHBOARD, {"year": YEAR - 1}).content.decode()
    applications = html.split('<tr data-figure="applications">')[1].split("</tr>")[0]
    assert '<td class="value">0</td>' in applications
