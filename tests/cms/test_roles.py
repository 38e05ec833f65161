"""The editorial roles come from migrations and page receivers, not from `seed_demo`.

The test database is built by running the migrations, so a plain `db` test sees what a fresh
`migrate` on an empty database leaves: no demo content, every group with its permissions.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    WorkflowPage,
)

from cms.roles import CLUSTER_MANAGERS, ORGANISERS, TRANSLATORS
from tests import factories
from tests.cms.role_migrations import ROLE_MIGRATIONS, run_backwards, run_forwards


def model_permissions(group_name: str) -> set[str]:
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def collection_permissions(group_name: str) -> set[tuple[str, str]]:
    return {
        (
            grant.collection.name,
            f"{grant.permission.content_type.app_label}.{grant.permission.codename}",
        )
        for grant in GroupCollectionPermission.objects.filter(group__name=group_name)
    }


def page_permissions(group_name: str) -> set[tuple[int, str]]:
    return set(
        GroupPagePermission.objects.filter(group__name=group_name).values_list(
            "page_id", "permission__codename"
        )
    )


def grants_snapshot() -> dict:
    return {
        "groups": sorted(Group.objects.values_list("id", "name")),
        "model": sorted(Group.permissions.through.objects.values_list("group_id", "permission_id")),
        "pages": sorted(
            GroupPagePermission.objects.values_list("group_id", "page_id", "permission_id")
        ),
        "collections": sorted(
            GroupCollectionPermission.objects.values_list(
                "group_id", "collection_id", "permission_id"
            )
        ),
    }


def member_of(*group_names: str, username: str = "someone"):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(*Group.objects.filter(name__in=group_names))
    return user


def page_permission(codename: str) -> Permission:
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


ORGANISER_PAGE_KINDS = {"add_page", "change_page", "publish_page"}
# Translations of the reviewed snippets (cms.snippet_review, tests/cms/test_snippet_review.py).
SNIPPET_CHANGE = {
    "cms.change_sector",
    "cms.change_venue",
    "training_catalog.change_trainingtopic",
    "event_booking.change_fieldofinterest",
}
SNIPPET_ADD = {
    "cms.add_sector",
    "cms.add_venue",
    "training_catalog.add_trainingtopic",
    "event_booking.add_fieldofinterest",
}
ORGANISER_TRANSLATION_KINDS = {"add_page", "change_page"}


def organiser_grants(hungarian: list[Page], english: list[Page]) -> set[tuple[int, str]]:
    """Publish below the Hungarian index pages; add and edit only below the English ones."""
    return {(page.pk, kind) for page in hungarian for kind in ORGANISER_PAGE_KINDS} | {
        (page.pk, kind) for page in english for kind in ORGANISER_TRANSLATION_KINDS
    }


def test_fresh_migrate_installs_every_role_with_exactly_its_permissions(db):
    root = Collection.get_first_root_node().name
    assert model_permissions(TRANSLATORS) == {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        *SNIPPET_CHANGE,
    }
    assert collection_permissions(TRANSLATORS) == set()
    assert model_permissions(CLUSTER_MANAGERS) == {"wagtailadmin.access_admin"}
    assert collection_permissions(CLUSTER_MANAGERS) == {
        (root, "wagtailimages.add_image"),
        (root, "wagtailimages.choose_image"),
    }
    assert model_permissions(ORGANISERS) == {
        "wagtailadmin.access_admin",
        "event_booking.view_booking",
        "event_booking.change_booking",
        "event_booking.delete_booking",
    }
    assert collection_permissions(ORGANISERS) == {
        (root, "wagtailimages.choose_image"),
        (root, "wagtaildocs.add_document"),
        (root, "wagtaildocs.choose_document"),
    }
    # No English home, index or cluster page exists yet, so no page permission either.
    for role in [TRANSLATORS, CLUSTER_MANAGERS, ORGANISERS]:
        assert page_permissions(role) == set(), role
    assert not Group.objects.filter(name__startswith=f"{CLUSTER_MANAGERS}: ").exists()
    # Wagtail's own migrations: Editors and Moderators; the workflow plugin (cms.workflow)
    # replaced Wagtail's workflow by its own, on the home page of each language.
    assert Group.objects.filter(name__in=["Editors", "Moderators"]).count() == 2
    workflow = WorkflowPage.objects.get(page__depth=2, page__locale__language_code="hu").workflow
    assert workflow.name == "Cluster site"


def test_event_and_training_index_pages_are_the_organisers_in_both_languages(
    home, en_home, to_english
):
    organiser = member_of(ORGANISERS)
    events = factories.event_index(home)
    trainings = factories.training_index(home)
    english_events = to_english(events)
    english_trainings = to_english(trainings)

    for index in [events, trainings, english_events, english_trainings]:
        perms = index.permissions_for_user(organiser)
        assert perms.can_add_subpage(), index.title
        assert perms.can_edit(), index.title
        # English pages go live through translation review, not the organiser's own publish.
        assert perms.can_publish() is (index.locale.language_code == "hu"), index.title
    assert page_permissions(ORGANISERS) == organiser_grants(
        [events, trainings], [english_events, english_trainings]
    )
    assert not home.permissions_for_user(organiser).can_edit()


def test_translated_home_page_is_the_translators(home, en_home):
    translator = member_of(TRANSLATORS)
    events = factories.event_index(home)

    assert page_permissions(TRANSLATORS) == {(en_home.pk, "change_page")}
    perms = en_home.permissions_for_user(translator)
    assert perms.can_edit()
    assert not perms.can_publish()
    assert not home.permissions_for_user(translator).can_edit()
    assert not events.permissions_for_user(translator).can_edit()


def test_a_new_cluster_page_gets_its_own_managers_group(home, en_home, to_english):
    index = factories.cluster_index(home)
    pharma = factories.cluster(index, title="Gyógyszeripari Klaszter")
    twin = factories.cluster(index, title="Gyógyszeripari Klaszter")
    to_english(index)
    to_english(pharma)

    group = Group.objects.get(name="Cluster managers: Gyógyszeripari Klaszter")
    assert page_permissions(group.name) == {(pharma.pk, "change_page")}
    # Same title, still a group of its own; the English profile (translators' work) gets none.
    twin_group = Group.objects.get(name=f"Cluster managers: Gyógyszeripari Klaszter ({twin.pk})")
    assert page_permissions(twin_group.name) == {(twin.pk, "change_page")}
    assert Group.objects.filter(name__startswith=f"{CLUSTER_MANAGERS}: ").count() == 2

    manager = member_of(CLUSTER_MANAGERS, group.name)
    assert pharma.permissions_for_user(manager).can_edit()
    assert not pharma.permissions_for_user(manager).can_publish()
    assert not twin.permissions_for_user(manager).can_edit()
    assert not index.permissions_for_user(manager).can_add_subpage()


@pytest.fixture
def site_with_every_page(home, en_home, to_english):
    """Index pages in both languages and a cluster page: everything a role has a grant on."""
    events = factories.event_index(home)
    trainings = factories.training_index(home)
    cluster = factories.cluster(factories.cluster_index(home))
    return {
        "events": [events, to_english(events)],
        "trainings": [trainings, to_english(trainings)],
        "cluster": cluster,
        "en_home": en_home,
    }


def test_running_the_role_migrations_again_changes_nothing(site_with_every_page):
    before = grants_snapshot()
    for _ in range(2):
        for app_label, name in ROLE_MIGRATIONS:
            run_forwards(app_label, name)
    assert grants_snapshot() == before


def test_migrations_grant_on_pages_that_existed_before_them(site_with_every_page):
    """A database whose pages predate the receivers (e.g. seeded earlier) gets the same grants."""
    GroupPagePermission.objects.filter(group__name__in=[TRANSLATORS, ORGANISERS]).delete()
    Group.objects.filter(name__startswith=f"{CLUSTER_MANAGERS}: ").delete()

    for app_label, name in ROLE_MIGRATIONS:
        run_forwards(app_label, name)

    cluster = site_with_every_page["cluster"]
    assert page_permissions(f"Cluster managers: {cluster.title}") == {(cluster.pk, "change_page")}
    assert page_permissions(TRANSLATORS) == {(site_with_every_page["en_home"].pk, "change_page")}
    (events, english_events), (trainings, english_trainings) = (
        site_with_every_page["events"],
        site_with_every_page["trainings"],
    )
    assert page_permissions(ORGANISERS) == organiser_grants(
        [events, trainings], [english_events, english_trainings]
    )


def test_migrations_keep_what_an_administrator_granted_by_hand(site_with_every_page):
    events = site_with_every_page["events"][0]
    organisers = Group.objects.get(name=ORGANISERS)
    GroupPagePermission.objects.create(
        group=organisers, page=events, permission=page_permission("delete_page")
    )
    before = grants_snapshot()
    for app_label, name in ROLE_MIGRATIONS:
        run_forwards(app_label, name)
    assert grants_snapshot() == before
    assert events.permissions_for_user(member_of(ORGANISERS)).can_delete()


def test_reverse_migrations_remove_the_roles_but_keep_hand_granted_permissions(
    site_with_every_page,
):
    organisers = Group.objects.get(name=ORGANISERS)
    change_image = Permission.objects.get(codename="change_image")
    organisers.permissions.add(change_image)
    editors_before = model_permissions("Editors"), page_permissions("Editors")

    for app_label, name in reversed(ROLE_MIGRATIONS):
        run_backwards(app_label, name)

    assert not Group.objects.filter(name=TRANSLATORS).exists()
    assert not Group.objects.filter(name__startswith=CLUSTER_MANAGERS).exists()
    # Organisers keeps only what an administrator added by hand.
    assert model_permissions(ORGANISERS) == {"wagtailimages.change_image"}
    assert collection_permissions(ORGANISERS) == set()
    assert page_permissions(ORGANISERS) == set()
    # Editors lose only the snippet permissions the snippet migrations gave them.
    assert (model_permissions("Editors"), page_permissions("Editors")) == (
        editors_before[0] - SNIPPET_CHANGE - SNIPPET_ADD,
        editors_before[1],
    )

    # And forwards again: the roles are back.
    for app_label, name in ROLE_MIGRATIONS:
        run_forwards(app_label, name)
    cluster = site_with_every_page["cluster"]
    assert page_permissions(f"Cluster managers: {cluster.title}") == {(cluster.pk, "change_page")}
    assert "event_booking.view_booking" in model_permissions(ORGANISERS)
    assert model_permissions(TRANSLATORS) == {
        "wagtailadmin.access_admin",
        "wagtail_localize.submit_translation",
        *SNIPPET_CHANGE,
    }
