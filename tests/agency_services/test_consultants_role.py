"""The Consultants role comes from a migration: exactly its permissions, idempotent, reversible."""

import pytest
from django.contrib.auth.models import Group

from agency_services.roles import CONSULTANTS
from tests.cms.role_migrations import run_backwards, run_forwards

pytestmark = pytest.mark.django_db

MIGRATION = ("agency_services", "0002_consultants_role")
EVIDENCE_MIGRATION = ("agency_services", "0004_evidence_role")
EXPECTED = {
    "wagtailadmin.access_admin",
    "agency_services.view_consultationrequest",
    "agency_services.change_consultationrequest",
    "agency_services.add_clusterapplication",
    "agency_services.change_clusterapplication",
    "agency_services.delete_clusterapplication",
    "agency_services.view_clusterapplication",
    "agency_services.add_eventsupport",
    "agency_services.change_eventsupport",
    "agency_services.delete_eventsupport",
    "agency_services.view_eventsupport",
    "agency_services.change_consultationsettings",
}
#: Added by the evidence dashboard's migration (0004).
EVIDENCE = {"agency_services.view_evidence", "agency_services.change_evidencesettings"}


def permissions() -> set[str]:
    group = Group.objects.get(name=CONSULTANTS)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_migrate_installs_consultants_with_exactly_their_permissions():
    assert permissions() == EXPECTED | EVIDENCE
    run_forwards(*MIGRATION)
    run_forwards(*EVIDENCE_MIGRATION)
    assert permissions() == EXPECTED | EVIDENCE
    assert Group.objects.filter(name=CONSULTANTS).count() == 1


def test_backwards_removes_the_group_and_forwards_brings_it_back():
    run_backwards(*EVIDENCE_MIGRATION)
    assert permissions() == EXPECTED
    run_backwards(*MIGRATION)
    assert not Group.objects.filter(name=CONSULTANTS).exists()
    run_forwards(*MIGRATION)
    assert permissions() == EXPECTED
    run_forwards(*EVIDENCE_MIGRATION)
    assert permissions() == EXPECTED | EVIDENCE


def test_moderators_see_the_evidence_and_keep_their_group_when_it_is_reversed():
    moderators = Group.objects.get(name="Moderators")
    assert moderators.permissions.filter(codename="view_evidence").exists()
    run_backwards(*EVIDENCE_MIGRATION)
    assert Group.objects.filter(name="Moderators").exists()
    assert not moderators.permissions.filter(codename="view_evidence").exists()
    run_forwards(*EVIDENCE_MIGRATION)
    run_forwards(*EVIDENCE_MIGRATION)
    assert moderators.permissions.filter(codename="view_evidence").count() == 1
