"""The permission matrix: what each role may do to which page, through the admin's own URLs.

Generated from ONE table (`MATRIX`): a row per action and role, a column per page: the cluster
the cluster manager manages ("own") and another cluster, and an event (the organisers' pages),
each in Hungarian and English. Every cell is one targeted request (or form post) made by the
test client as a user of that role, and the cell says what a user would notice afterwards:

    ok     the admin let the user in (exact status 200) or the action took effect
    no     refused and nothing changed: 403 or a redirect to the dashboard (a bulk action:
           back to itself without the page; the copy form: shown again with its error)
    live   a new version of the page went live (publish, copy with "publish copies", approve)
    draft  the copy was made, not live
    queue  the page went to the review workflow ("Submit for moderation" / "for review")
    -      not applicable (e.g. "convert to alias" of a source page; "sync" of a translation)

Changing a role's rights therefore shows up as a diff of this table. The world (pages, users)
is built once per module (`module_world`); each cell runs in its own rolled-back transaction.
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import TestCase
from django.urls import reverse
from wagtail.fields import StreamField
from wagtail.models import Page, TaskState
from wagtail.test.utils.form_data import querydict_from_html
from wagtail_localize.models import TranslationSource

from cluster_pages.models import ClusterIndexPage
from cluster_pages.roles import ensure_cluster_manager_group
from cms.roles import CLUSTER_MANAGERS, ORGANISERS, TRANSLATORS
from event_booking.models import EventIndexPage
from tests import factories

# fmt: off
COLUMNS = ("own_hu", "own_en", "other_hu", "other_en", "event_hu", "event_en")
MATRIX = """
action          role        own_hu own_en other_hu other_en event_hu event_en
edit            editor      ok     ok     ok       ok       ok       ok
edit            moderator   ok     ok     ok       ok       ok       ok
edit            translator  no     ok     no       ok       no       ok
edit            reviewer    no     ok     no       ok       no       ok
edit            manager     ok     no     no       no       no       no
edit            organiser   no     no     no       no       ok       ok
submit          editor      queue  queue  queue    queue    queue    queue
submit          moderator   queue  queue  queue    queue    queue    queue
submit          translator  no     queue  no       queue    no       queue
submit          reviewer    no     queue  no       queue    no       queue
submit          manager     queue  no     no       no       no       no
submit          organiser   no     no     no       no       queue    queue
publish         editor      no     no     no       no       no       no
publish         moderator   live   no     live     no       live     no
publish         translator  no     no     no       no       no       no
publish         reviewer    no     live   no       live     no       live
publish         manager     no     no     no       no       no       no
publish         organiser   no     no     no       no       live     no
unpublish       editor      no     no     no       no       no       no
unpublish       moderator   ok     no     ok       no       ok       no
unpublish       translator  no     no     no       no       no       no
unpublish       reviewer    no     ok     no       ok       no       ok
unpublish       manager     no     no     no       no       no       no
unpublish       organiser   no     no     no       no       ok       no
delete          editor      no     no     no       no       no       no
delete          moderator   ok     no     ok       no       ok       no
delete          translator  no     no     no       no       no       no
delete          reviewer    no     ok     no       ok       no       ok
delete          manager     no     no     no       no       no       no
delete          organiser   no     no     no       no       ok       no
move            editor      no     no     no       no       no       no
move            moderator   ok     no     ok       no       ok       no
move            translator  no     no     no       no       no       no
move            reviewer    no     no     no       no       no       no
move            manager     no     no     no       no       no       no
move            organiser   no     no     no       no       ok       no
copy            editor      draft  draft  draft    draft    draft    draft
copy            moderator   live   no     live     no       live     no
copy            translator  no     no     no       no       no       no
copy            reviewer    no     no     no       no       no       no
copy            manager     no     no     no       no       no       no
copy            organiser   no     no     no       no       live     no
revert          editor      ok     ok     ok       ok       ok       ok
revert          moderator   ok     ok     ok       ok       ok       ok
revert          translator  no     ok     no       ok       no       ok
revert          reviewer    no     ok     no       ok       no       ok
revert          manager     ok     no     no       no       no       no
revert          organiser   no     no     no       no       ok       ok
history         editor      ok     ok     ok       ok       ok       ok
history         moderator   ok     ok     ok       ok       ok       ok
history         translator  no     ok     no       ok       no       ok
history         reviewer    no     ok     no       ok       no       ok
history         manager     ok     no     no       no       no       no
history         organiser   no     no     no       no       ok       ok
compare         editor      ok     ok     ok       ok       ok       ok
compare         moderator   ok     ok     ok       ok       ok       ok
compare         translator  no     ok     no       ok       no       ok
compare         reviewer    no     ok     no       ok       no       ok
compare         manager     ok     no     no       no       no       no
compare         organiser   no     no     no       no       ok       ok
preview         editor      ok     ok     ok       ok       ok       ok
preview         moderator   ok     ok     ok       ok       ok       ok
preview         translator  no     ok     no       ok       no       ok
preview         reviewer    no     ok     no       ok       no       ok
preview         manager     ok     no     no       no       no       no
preview         organiser   no     no     no       no       ok       ok
lock            editor      no     no     no       no       no       no
lock            moderator   ok     ok     ok       ok       ok       ok
lock            translator  no     no     no       no       no       no
lock            reviewer    no     no     no       no       no       no
lock            manager     no     no     no       no       no       no
lock            organiser   no     no     no       no       no       no
translate       editor      ok     ok     ok       ok       ok       ok
translate       moderator   ok     ok     ok       ok       ok       ok
translate       translator  no     ok     no       ok       no       ok
translate       reviewer    no     no     no       no       no       no
translate       manager     no     no     no       no       no       no
translate       organiser   no     no     no       no       no       no
sync            editor      ok     -      ok       -        ok       -
sync            moderator   ok     -      ok       -        ok       -
sync            translator  ok     -      ok       -        ok       -
sync            reviewer    no     -      no       -        no       -
sync            manager     no     -      no       -        no       -
sync            organiser   no     -      no       -        no       -
sync_publish    editor      no     -      no       -        no       -
sync_publish    moderator   no     -      no       -        no       -
sync_publish    translator  no     -      no       -        no       -
sync_publish    reviewer    no     -      no       -        no       -
sync_publish    manager     no     -      no       -        no       -
sync_publish    organiser   no     -      no       -        no       -
alias           editor      -      no     -        no       -        no
alias           moderator   -      no     -        no       -        no
alias           translator  -      no     -        no       -        no
alias           reviewer    -      ok     -        ok       -        ok
alias           manager     -      no     -        no       -        no
alias           organiser   -      no     -        no       -        no
bulk_publish    editor      no     no     no       no       no       no
bulk_publish    moderator   live   no     live     no       live     no
bulk_publish    translator  no     no     no       no       no       no
bulk_publish    reviewer    no     live   no       live     no       live
bulk_publish    manager     no     no     no       no       no       no
bulk_publish    organiser   no     no     no       no       live     no
bulk_unpublish  editor      no     no     no       no       no       no
bulk_unpublish  moderator   ok     no     ok       no       ok       no
bulk_unpublish  translator  no     no     no       no       no       no
bulk_unpublish  reviewer    no     ok     no       ok       no       ok
bulk_unpublish  manager     no     no     no       no       no       no
bulk_unpublish  organiser   no     no     no       no       ok       no
bulk_delete     editor      no     no     no       no       no       no
bulk_delete     moderator   ok     no     ok       no       ok       no
bulk_delete     translator  no     no     no       no       no       no
bulk_delete     reviewer    no     ok     no       ok       no       ok
bulk_delete     manager     no     no     no       no       no       no
bulk_delete     organiser   no     no     no       no       ok       no
chooser         editor      ok     ok     ok       ok       ok       ok
chooser         moderator   ok     ok     ok       ok       ok       ok
chooser         translator  ok     ok     ok       ok       ok       ok
chooser         reviewer    ok     ok     ok       ok       ok       ok
chooser         manager     ok     ok     ok       ok       ok       ok
chooser         organiser   ok     ok     ok       ok       ok       ok
approve         editor      no     no     no       no       no       no
approve         moderator   live   no     live     no       live     no
approve         translator  no     no     no       no       no       no
approve         reviewer    no     live   no       live     no       live
approve         manager     no     no     no       no       no       no
approve         organiser   no     no     no       no       no       no
reject          editor      no     no     no       no       no       no
reject          moderator   ok     no     ok       no       ok       no
reject          translator  no     no     no       no       no       no
reject          reviewer    no     ok     no       ok       no       ok
reject          manager     no     no     no       no       no       no
reject          organiser   no     no     no       no       no       no
"""
# fmt: on

ROLE_GROUPS = {
    "editor": ["Editors"],
    "moderator": ["Moderators"],
    "translator": [TRANSLATORS],
    "reviewer": ["Translation reviewers"],
    "manager": [CLUSTER_MANAGERS],  # + the own cluster's group
    "organiser": [ORGANISERS],
}


def parse(table: str) -> dict[tuple[str, str, str], str]:
    """`MATRIX` as {(action, role, column): expected}."""
    header, *rows = [line.split() for line in table.strip().splitlines()]
    assert tuple(header[2:]) == COLUMNS, header
    cells = {}
    for action, role, *outcomes in rows:
        assert len(outcomes) == len(COLUMNS), (action, role)
        assert (action, role, COLUMNS[0]) not in cells, f"{action} {role} twice"
        cells |= {(action, role, column): o for column, o in zip(COLUMNS, outcomes, strict=True)}
    return cells


EXPECTED = parse(MATRIX)


# --- The world ----------------------------------------------------------------------------------


@dataclass
class World:
    pages: dict[str, int]  # column -> page id
    destinations: dict[str, int]  # column -> id of another parent the page may be moved to
    users: dict[str, int]  # role -> user id
    forms: dict[str, dict]  # Hungarian column -> the page's edit form as a browser posts it


def edit_url(page_id: int) -> str:
    return reverse("wagtailadmin_pages:edit", args=[page_id])


def edit_form(client, page: Page) -> dict:
    """The page's edit form, read from the editor's HTML (stream fields, built by JavaScript
    in a browser, are posted empty: the world's pages have none)."""
    html = client.get(edit_url(page.pk)).content.decode()
    form = querydict_from_html(html, form_id="page-edit-form")
    for field in page.specific._meta.get_fields():
        if isinstance(field, StreamField):
            form[f"{field.name}-count"] = "0"
    return {key: form.getlist(key) for key in form}


def build_world() -> World:
    site = factories.bilingual_site()
    en = factories.to_english
    own = factories.cluster(site.clusters, title="Saját Klaszter")
    other = factories.cluster(site.clusters, title="Másik Klaszter")
    event = factories.event(site.events)
    cluster_archive = factories.cluster_index(site.home, title="Archívum", slug="archivum")
    event_archive = factories.event_index(site.home, title="Múltbeli", slug="multbeli")
    pages = {"own_hu": own, "other_hu": other, "event_hu": event}
    pages |= {f"{key[:-3]}_en": en(page) for key, page in list(pages.items())}
    archives = {ClusterIndexPage: cluster_archive, EventIndexPage: event_archive}
    archives_en = {model: en(page) for model, page in archives.items()}
    destinations = {}
    for column, page in pages.items():
        by_type = archives if column.endswith("_hu") else archives_en
        destinations[column] = by_type[type(page.get_parent().specific)].pk

    users = {}
    for role, groups in ROLE_GROUPS.items():
        user = get_user_model().objects.create_user(username=role, password="x")
        user.groups.add(*Group.objects.filter(name__in=groups))
        users[role] = user.pk
    get_user_model().objects.get(pk=users["manager"]).groups.add(
        ensure_cluster_manager_group(own)[0]
    )
    admin = get_user_model().objects.create_superuser("admin", "admin@example.org", "x")
    client = TestCase.client_class()
    client.force_login(admin)
    # English pages open in wagtail-localize's translation editor, which has no such form.
    forms = {c: edit_form(client, p) for c, p in pages.items() if c.endswith("_hu")}
    return World({c: p.pk for c, p in pages.items()}, destinations, users, forms)


@pytest.fixture(scope="module")
def _world(module_world) -> World:
    return build_world()


@pytest.fixture
def world(_world, db) -> World:
    return copy.deepcopy(_world)


# --- Probes: one per action; each makes the request and reports what a user would notice -------


def page(page_id: int) -> Page:
    """The page as it is now; `reviews` counts the workflows ever started on it (read now)."""
    found = Page.objects.get(pk=page_id)
    found.reviews = found.workflow_states.count()
    return found


def refused(response) -> bool:
    """Wagtail's admin refuses with 403, or with a redirect to the dashboard and a message."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def shown(response) -> str:
    """ "ok" for the exact 200 of a page the user may open, "no" for the admin's refusal."""
    if refused(response):
        return "no"
    assert response.status_code == 200, response.status_code
    return "ok"


def took_effect(response, effect: bool) -> str:
    """ "ok" when the action's effect is there; else it must have been refused."""
    if effect:
        return "ok"
    assert refused(response), response.status_code
    return "no"


def went_live(before: Page, response) -> str:
    after = page(before.pk)
    if after.live and after.live_revision_id != before.live_revision_id:
        return "live"
    if after.reviews > before.reviews and after.workflow_in_progress:
        return "queue"
    assert refused(response) or response.status_code == 302, response.status_code
    return "no"


@dataclass
class Cell:
    client: object
    world: World
    column: str

    @property
    def page_id(self) -> int:
        return self.world.pages[self.column]

    @property
    def hungarian(self) -> bool:
        return self.column.endswith("_hu")

    def get(self, url: str):
        return self.client.get(url)

    def post(self, url: str, data: dict | None = None):
        """POST as the user; what the view defers to the commit (wagtail-localize publishes
        then) has run when this returns, so the outcome can be read right after."""
        with TestCase.captureOnCommitCallbacks(execute=True):
            return self.client.post(url, data or {})


def a_draft(page_id: int, title: str = "Draft title") -> Page:
    """A new unpublished revision of the page (as its editor would save)."""
    draft = page(page_id).specific
    draft.title = title
    draft.save_revision()
    return page(page_id)


def probe_edit(cell: Cell) -> str:
    return shown(cell.get(edit_url(cell.page_id)))


def probe_submit(cell: Cell) -> str:
    """The editor's "Submit for moderation" (Hungarian), or the translation editor's "Submit for
    review" (English, the workflow plugin's action)."""
    before = page(cell.page_id)
    if cell.hungarian:
        form = {**cell.world.forms[cell.column], "title": ["Submitted title"]}
        form["action-submit"] = ["action-submit"]
    else:
        form = {"cms-workflow-submit-for-review": "1"}
    return went_live(before, cell.post(edit_url(cell.page_id), form))


def probe_publish(cell: Cell) -> str:
    """The editor's "Publish" (Hungarian) or the translation editor's "Publish" (English)."""
    before = page(cell.page_id)
    if cell.hungarian:
        form = {**cell.world.forms[cell.column], "title": ["Published title"]}
        form["action-publish"] = ["action-publish"]
    else:
        form = {"action": "publish"}
    return went_live(before, cell.post(edit_url(cell.page_id), form))


def probe_unpublish(cell: Cell) -> str:
    url = reverse("wagtailadmin_pages:unpublish", args=[cell.page_id])
    response = cell.post(url)
    return took_effect(response, not page(cell.page_id).live)


def probe_delete(cell: Cell) -> str:
    response = cell.post(reverse("wagtailadmin_pages:delete", args=[cell.page_id]))
    return took_effect(response, not Page.objects.filter(pk=cell.page_id).exists())


def probe_move(cell: Cell) -> str:
    destination = cell.world.destinations[cell.column]
    url = reverse("wagtailadmin_pages:move_confirm", args=[cell.page_id, destination])
    response = cell.post(url)
    return took_effect(response, page(cell.page_id).get_parent().pk == destination)


def probe_copy(cell: Cell) -> str:
    """Copy beside the page with "publish copies" ticked."""
    parent = page(cell.page_id).get_parent()
    url = reverse("wagtailadmin_pages:copy", args=[cell.page_id])
    form = {
        "new_title": "Másolat",
        "new_slug": "masolat-matrix",
        "new_parent_page": parent.pk,
        "publish_copies": "on",
    }
    response = cell.post(url, form)
    made = parent.get_children().filter(slug="masolat-matrix").first()
    if made is not None:
        return "live" if made.live else "draft"
    # Refused, or the form shown again with the error that the user may not add a page there.
    assert refused(response) or response.context["form"].errors, response.status_code
    return "no"


def first_revision(page_id: int) -> int:
    return page(page_id).revisions.order_by("pk").first().pk


def probe_revert(cell: Cell) -> str:
    """Open an earlier revision to revert to it (the editor pre-filled with it)."""
    url = reverse(
        "wagtailadmin_pages:revisions_revert", args=[cell.page_id, first_revision(cell.page_id)]
    )
    return shown(cell.get(url))


def probe_history(cell: Cell) -> str:
    return shown(cell.get(reverse("wagtailadmin_pages:history", args=[cell.page_id])))


def probe_compare(cell: Cell) -> str:
    a_draft(cell.page_id)
    url = reverse("wagtailadmin_pages:revisions_compare", args=[cell.page_id, "live", "latest"])
    return shown(cell.get(url))


def probe_preview(cell: Cell) -> str:
    """The draft's preview ("View draft")."""
    a_draft(cell.page_id)
    return shown(cell.get(reverse("wagtailadmin_pages:view_draft", args=[cell.page_id])))


def probe_lock(cell: Cell) -> str:
    response = cell.post(reverse("wagtailadmin_pages:lock", args=[cell.page_id]))
    return took_effect(response, page(cell.page_id).locked)


def probe_translate(cell: Cell) -> str:
    """wagtail-localize's "Translate this page" form (the source page's)."""
    url = reverse("wagtail_localize:submit_page_translation", args=[cell.page_id])
    return shown(cell.get(url))


def source_id(cell: Cell) -> int:
    return TranslationSource.objects.get(object_id=page(cell.page_id).translation_key).pk


def english_of(cell: Cell) -> int:
    return cell.world.pages[cell.column.replace("_hu", "_en")]


def probe_sync(cell: Cell) -> str:
    """ "Sync translated pages" of the source page, without publishing: the translation's
    source text is refreshed from the page (what the translators then translate)."""
    source = TranslationSource.objects.get(pk=source_id(cell))
    url = reverse("wagtail_localize:update_translations", args=[source.pk])
    response = cell.post(url)
    source_after = TranslationSource.objects.get(pk=source.pk)
    return took_effect(response, source_after.last_updated_at != source.last_updated_at)


def probe_sync_publish(cell: Cell) -> str:
    """ "Sync translated pages" with "publish immediately": does the English page go live?"""
    english = page(english_of(cell))
    url = reverse("wagtail_localize:update_translations", args=[source_id(cell)])
    return went_live(english, cell.post(url, {"publish_translations": "on"}))


def probe_alias(cell: Cell) -> str:
    """wagtail-localize's "Convert to alias" of a translation."""
    url = reverse("wagtail_localize:convert_to_alias", args=[cell.page_id])
    response = cell.post(url)
    return took_effect(response, page(cell.page_id).alias_of_id is not None)


def bulk(cell: Cell, action: str, effect: Callable[[], bool]) -> str:
    """A bulk action of the page listing on this one page.

    Wagtail drops the pages the user may not act on; with none left it answers with a
    redirect to the bulk action's own address without them: that is the refusal here.
    """
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])
    response = cell.post(f"{url}?id={cell.page_id}")
    if effect():
        return "live" if action == "publish" else "ok"
    assert response.status_code == 302 and response["Location"] == url, response.status_code
    return "no"


def probe_bulk_publish(cell: Cell) -> str:
    before = a_draft(cell.page_id)
    return bulk(
        cell, "publish", lambda: page(cell.page_id).live_revision_id != before.live_revision_id
    )


def probe_bulk_unpublish(cell: Cell) -> str:
    return bulk(cell, "unpublish", lambda: not page(cell.page_id).live)


def probe_bulk_delete(cell: Cell) -> str:
    return bulk(cell, "delete", lambda: not Page.objects.filter(pk=cell.page_id).exists())


def probe_chooser(cell: Cell) -> str:
    """The page chooser, browsing the page's parent (as when linking to the page)."""
    parent = page(cell.page_id).get_parent()
    return shown(cell.get(reverse("wagtailadmin_choose_page_child", args=[parent.pk])))


def in_review(cell: Cell) -> tuple[Page, TaskState]:
    """A draft of the page submitted to its workflow (by a superuser)."""
    draft = a_draft(cell.page_id, "Reviewed title")
    submitter = get_user_model().objects.get(username="admin")
    draft.specific.get_workflow().start(draft.specific, submitter)
    state = TaskState.objects.get(
        workflow_state__object_id=str(cell.page_id), status=TaskState.STATUS_IN_PROGRESS
    )
    return page(cell.page_id), state


def workflow_action(cell: Cell, state: TaskState, action: str):
    url = reverse("wagtailadmin_pages:workflow_action", args=[cell.page_id, action, state.pk])
    return cell.post(url, {"comment": "Matrix"})


def probe_approve(cell: Cell) -> str:
    before, state = in_review(cell)
    response = workflow_action(cell, state, "approve")
    outcome = went_live(before, response)
    return "no" if outcome == "queue" else outcome


def probe_reject(cell: Cell) -> str:
    _before, state = in_review(cell)
    response = workflow_action(cell, state, "reject")
    state.refresh_from_db()
    return took_effect(response, state.status == TaskState.STATUS_REJECTED)


PROBES: dict[str, Callable[[Cell], str]] = {
    "edit": probe_edit,
    "submit": probe_submit,
    "publish": probe_publish,
    "unpublish": probe_unpublish,
    "delete": probe_delete,
    "move": probe_move,
    "copy": probe_copy,
    "revert": probe_revert,
    "history": probe_history,
    "compare": probe_compare,
    "preview": probe_preview,
    "lock": probe_lock,
    "translate": probe_translate,
    "sync": probe_sync,
    "sync_publish": probe_sync_publish,
    "alias": probe_alias,
    "bulk_publish": probe_bulk_publish,
    "bulk_unpublish": probe_bulk_unpublish,
    "bulk_delete": probe_bulk_delete,
    "chooser": probe_chooser,
    "approve": probe_approve,
    "reject": probe_reject,
}


# --- The test -----------------------------------------------------------------------------------


APPLICABLE = sorted(cell for cell, expected in EXPECTED.items() if expected != "-")


@pytest.mark.parametrize(("action", "role", "column"), APPLICABLE)
def test_permission_matrix(world, client, action, role, column):
    expected = EXPECTED[action, role, column]
    client.force_login(get_user_model().objects.get(pk=world.users[role]))
    outcome = PROBES[action](Cell(client, world, column))
    assert outcome == expected, f"{role} {action} on {column}: {outcome}, table says {expected}"
