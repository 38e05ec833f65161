"""Assigning a cluster's managers: the edit form's panel (moderators) and Settings > Users.

Both routes change the membership of the cluster's group "Cluster managers: <cluster>", so each
shows what the other did; every change is in the cluster page's history (audit log).
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import querydict_from_html

from cluster_pages.managers import LOG_ACTION, ensure_cluster_manager_group
from cms.roles import CLUSTER_MANAGERS
from tests import factories


def member(username: str, *groups: Group):
    user = get_user_model().objects.create_user(username=username, password="x")
    user.groups.add(*groups)
    return user


@pytest.fixture
def world(home, en_home):
    index = factories.cluster_index(home)
    factories.english_index(index)
    cluster = factories.cluster(index, title="Agrár Klaszter")
    group = ensure_cluster_manager_group(cluster)[0]
    shared = Group.objects.get(name=CLUSTER_MANAGERS)
    made = {
        "cluster": cluster,
        "en_cluster": factories.to_english(cluster),
        "group": group,
        "moderator": member("moderator", Group.objects.get(name="Moderators")),
        "editor": member("editor", Group.objects.get(name="Editors")),
        "anna": member("anna", shared, group),
        "bela": member("bela"),
    }
    return made | {"history": PageLogEntry.objects.filter(page=cluster, action=LOG_ACTION)}


def new_entries(world) -> list[PageLogEntry]:
    """The cluster's assignment log entries written by the test (not by setting it up)."""
    return list(world["history"].filter(user__isnull=False).order_by("pk"))


def edit_url(page) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def save_form(client, page, **changes):
    """Open the page's editor as the logged-in user, change fields and press "Save draft"."""
    html = client.get(edit_url(page)).content.decode()
    form = querydict_from_html(html, form_id="page-edit-form")
    for field in page._meta.get_fields():
        if isinstance(field, StreamField):
            form[f"{field.name}-count"] = "0"
    for name, value in changes.items():
        form.setlist(name, value if isinstance(value, list) else [value])
    return client.post(edit_url(page), form)


def managers_of(world) -> set[str]:
    return set(world["group"].user_set.values_list("username", flat=True))


def test_only_moderators_see_the_panel_on_the_hungarian_page(world, client):
    client.force_login(world["moderator"])
    html = client.get(edit_url(world["cluster"])).content.decode()
    form = querydict_from_html(html, form_id="page-edit-form")
    assert form.getlist("managers") == [str(world["anna"].pk)]  # reads the group

    for username in ["editor", "anna"]:
        client.force_login(world[username])
        response = client.get(edit_url(world["cluster"]))
        assert response.status_code == 200
        assert 'name="managers"' not in response.content.decode(), username


def test_a_moderator_assigns_managers_on_save_and_it_is_logged(world, client):
    cluster = world["cluster"]
    client.force_login(world["moderator"])

    response = save_form(client, cluster, managers=[str(world["bela"].pk)])

    assert response.status_code == 302
    assert managers_of(world) == {"bela"}
    # Bela can now reach the admin and his page (the shared group came with it), before any
    # new version of the page is published.
    assert world["bela"].groups.filter(name=CLUSTER_MANAGERS).exists()
    cluster.refresh_from_db()
    assert cluster.permissions_for_user(world["bela"]).can_edit()
    # Saved as a draft only: the assignment did not wait for a publication.
    assert cluster.has_unpublished_changes
    assert [(e.user.username, e.data["added"], e.data["removed"]) for e in new_entries(world)] == [
        ("moderator", [], ["anna"]),
        ("moderator", ["bela"], []),
    ]
    history = client.get(reverse("wagtailadmin_pages:history", args=[cluster.pk]))
    # The admin speaks the site's language (Hungarian) to a user who chose none.
    assert "A klasztermenedzserek változtak: hozzáadva bela" in history.content.decode()


@pytest.mark.parametrize("username", ["editor", "anna"])
def test_others_posting_the_field_change_nothing(world, client, username):
    client.force_login(world[username])

    response = save_form(client, world["cluster"], managers=[str(world["bela"].pk)])

    assert response.status_code == 302
    assert managers_of(world) == {"anna"}
    assert new_entries(world) == []


def test_the_english_page_has_no_panel(world, client):
    client.force_login(world["moderator"])
    response = client.get(edit_url(world["en_cluster"]))
    assert 'name="managers"' not in response.content.decode()


def test_settings_users_and_the_panel_stay_in_sync(world, admin_client, admin_user):
    bela, group = world["bela"], world["group"]
    url = reverse("wagtailusers_users:edit", args=[bela.pk])
    form = querydict_from_html(admin_client.get(url).content.decode(), form_id="w-editor-form")
    form.setlist("groups", [str(group.pk)])
    for name, value in [
        ("email", "bela@example.org"),
        ("first_name", "Béla"),
        ("last_name", "Kis"),
    ]:
        form[name] = value
    form["is_active"] = "on"

    assert admin_client.post(url, form).status_code == 302

    assert managers_of(world) == {"anna", "bela"}
    assert bela.groups.filter(name=CLUSTER_MANAGERS).exists()
    (entry,) = new_entries(world)
    assert (entry.user, entry.data["added"]) == (admin_user, ["bela"])
    html = admin_client.get(edit_url(world["cluster"])).content.decode()
    shown = querydict_from_html(html, form_id="page-edit-form").getlist("managers")
    assert set(shown) == {str(world["anna"].pk), str(bela.pk)}


def test_preview_assigns_nobody(world, client):
    client.force_login(world["moderator"])
    html = client.get(edit_url(world["cluster"])).content.decode()
    form = querydict_from_html(html, form_id="page-edit-form")
    form.setlist("managers", [str(world["bela"].pk)])
    for field in ["description", "social_links"]:
        form[f"{field}-count"] = "0"
    preview = reverse("wagtailadmin_pages:preview_on_edit", args=[world["cluster"].pk])

    assert client.post(preview, form).status_code == 200
    client.get(preview)

    assert managers_of(world) == {"anna"}


def test_moderators_hold_the_permission_from_the_migration(world):
    assert world["moderator"].has_perm("cluster_pages.assign_cluster_managers")
    assert not world["editor"].has_perm("cluster_pages.assign_cluster_managers")
