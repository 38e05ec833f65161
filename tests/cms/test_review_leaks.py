"""Nothing waiting for review reaches a public surface; the approved text stays there.

One world holds, beside live clusters and events in both languages: Hungarian revisions in
moderation (of live pages and of never-published ones), English translations submitted for
review through the translation editor's "Submit for review" (of live English pages and of one
that was never live), and a plain Hungarian draft. Each text waiting somewhere carries a token
(`SECRET`); each public surface is read for every token, and, as a control that the surface is
read at all, shows the live tokens of its kind (`LIVE`).

Surfaces: the public pages (home, index and detail pages, both languages), the API (detail,
listing, `search`, `child_of`, `translation_of`), the site search, the sitemap and the events
calendar feeds and downloads. Already covered elsewhere and not repeated here: unpublished,
future-scheduled and private pages (tests/site/test_visibility.py, tests/api/test_visibility.py,
tests/event_booking/test_calendars.py).
"""

import copy
from collections.abc import Callable
from dataclasses import dataclass, field

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import User
from django.test import Client
from wagtail.models import Page, Revision, WorkflowState
from wagtail_localize.models import StringTranslation

from cluster_pages.models import ClusterProfilePage
from cms.workflow.translation_review import submit_for_review, translation_of
from event_booking.models import EventPage
from tests import factories
from tests.cms.review_helpers import member

CLUSTERS = "cluster_pages.ClusterProfilePage"
EVENTS = "event_booking.EventPage"

#: Live texts, which each surface of their kind must show (the control).
LIVE = {
    "cluster": ["tokajelo", "tokajlive"],
    "event": ["borvacsoraelo", "winedinnerlive"],
}
#: Texts waiting for review or never published, which no surface may show.
SECRET = {
    "hu_moderated": "moderalasban",  # a live cluster's next revision, in moderation
    "en_in_review": "underreview",  # a live English cluster's new translation, in review
    "en_never_live": "neverlive",  # an English translation never live, in review
    "hu_new_in_moderation": "bekuldott",  # a never-published Hungarian cluster, in moderation
    "hu_draft": "piszkozatos",  # a never-published Hungarian cluster, not submitted
    "event_moderated": "titkosvacsora",  # a live event's next revision, in moderation
    "event_in_review": "secretdinner",  # a live English event's new translation, in review
    "event_new_in_moderation": "rejtettesemeny",  # an unpublished event, in moderation
}


@dataclass
class LeakWorld:
    site: factories.BilingualSite
    pages: list[Page] = field(default_factory=list)  # every page of the world, live or not
    hungarian: list[Page] = field(default_factory=list)  # the Hungarian pages among them


def named(token: str) -> dict[str, str]:
    """A cluster page's title and slug, each carrying `token`."""
    return {"title": f"{token.capitalize()} Klaszter", "slug": f"{token}-klaszter"}


def in_moderation(page: Page, user: User, token: str) -> None:
    """Save a revision of `page` whose texts carry `token` and submit it for moderation."""
    revision = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    revision.title, revision.slug = f"{token.capitalize()} cím", f"{token}-cim"
    if isinstance(revision, ClusterProfilePage):
        revision.summary = f"{token} összefoglaló"
    revision.save_revision(user=user)
    page.get_workflow().start(page, user)


def in_review(en_page: Page, translator: User, strings: dict[str, str]) -> None:
    """Translate `en_page`'s source strings anew and submit them for review (the editor's way)."""
    for source_text, text in strings.items():
        updated = StringTranslation.objects.filter(
            translation_of__data=source_text, locale=en_page.locale
        ).update(data=text)
        assert updated, source_text
    page = Page.objects.get(pk=en_page.pk).specific
    submit_for_review(translation=translation_of(page), obj=page, user=translator)


def new_cluster(index: Page, token: str) -> ClusterProfilePage:
    """A Hungarian cluster page saved as a draft, never published."""
    page = ClusterProfilePage(
        **named(token), summary=f"{token} összefoglaló", county="hajdu-bihar", city="Eger"
    )
    page.live = False
    index.add_child(instance=page)
    page.save_revision()
    return page


def build_world() -> LeakWorld:
    site = factories.bilingual_site()
    moderator = member("leak-moderator", ("Moderators",))
    manager = member("leak-manager", ("Cluster managers",))
    translator = member("leak-translator", ("Translators",))
    world = LeakWorld(site=site)

    cluster = factories.cluster(site.clusters, **named("tokajelo"), summary="tokajelo szöveg")
    en_cluster = factories.to_english(
        cluster,
        {
            cluster.title: "Tokajlive Cluster",
            cluster.slug: "tokajlive-cluster",
            cluster.summary: "tokajlive text",
        },
    )
    in_moderation(cluster, manager, SECRET["hu_moderated"])
    in_review(en_cluster, translator, {cluster.title: "Underreview Cluster"})

    fresh = factories.cluster(site.clusters, title="Friss Klaszter", slug="friss-klaszter")
    never_live = factories.to_english(
        fresh, {fresh.title: "Neverlive Cluster", fresh.slug: "neverlive-cluster"}, publish=False
    )
    in_review(never_live, translator, {})

    submitted = new_cluster(site.clusters, SECRET["hu_new_in_moderation"])
    submitted.get_workflow().start(submitted, manager)
    draft = new_cluster(site.clusters, SECRET["hu_draft"])

    event = factories.event(site.events, title="Borvacsoraelo", slug="borvacsoraelo")
    en_event = factories.to_english(
        event, {event.title: "Winedinnerlive", event.slug: "winedinnerlive"}
    )
    in_moderation(event, moderator, SECRET["event_moderated"])
    in_review(en_event, translator, {event.title: "Secretdinner"})
    hidden_event = factories.event(site.events, title="Rejtettesemeny", slug="rejtettesemeny")
    hidden_event.unpublish()
    in_moderation(hidden_event, moderator, SECRET["event_new_in_moderation"])

    world.hungarian = [cluster, fresh, submitted, draft, event, hidden_event]
    world.pages = [*world.hungarian, en_cluster, never_live, en_event]
    return world


@pytest.fixture(scope="module")
def _world(module_world) -> LeakWorld:
    return build_world()


@pytest.fixture
def world(_world, db) -> LeakWorld:
    return copy.deepcopy(_world)


# --- the surfaces: each returns what an anonymous reader gets, as text --------------------------


def _texts(client: Client, urls: list[str]) -> str:
    return "\n".join(client.get(url).content.decode() for url in urls)


def public_pages(client: Client, world: LeakWorld, words: list[str]) -> str:
    site = world.site
    indexes = [
        site.home,
        site.home_en,
        site.clusters,
        site.clusters_en,
        site.events,
        site.events_en,
    ]
    return _texts(client, [page.url for page in [*indexes, *world.pages]])


def api_detail(client: Client, world: LeakWorld, words: list[str]) -> str:
    return _texts(client, [f"/api/v2/pages/{page.pk}/" for page in world.pages])


def api_listing(client: Client, world: LeakWorld, words: list[str]) -> str:
    return _texts(
        client,
        [f"/api/v2/pages/?type={kind}&fields=*&limit=100" for kind in (CLUSTERS, EVENTS)]
        + ["/api/v2/pages/?limit=100"],
    )


def api_search(client: Client, world: LeakWorld, words: list[str]) -> str:
    return _texts(
        client,
        [f"/api/v2/pages/?search={word}&limit=100" for word in words]
        + [f"/api/v2/pages/?search={word}&type={CLUSTERS}&fields=*" for word in words],
    )


def api_child_of(client: Client, world: LeakWorld, words: list[str]) -> str:
    site = world.site
    return _texts(
        client,
        [
            f"/api/v2/pages/?child_of={index.pk}&type={kind}&fields=*&limit=100"
            for index, kind in [
                (site.clusters, CLUSTERS),
                (site.clusters_en, CLUSTERS),
                (site.events, EVENTS),
                (site.events_en, EVENTS),
            ]
        ],
    )


def api_translation_of(client: Client, world: LeakWorld, words: list[str]) -> str:
    return _texts(
        client,
        [
            f"/api/v2/pages/?translation_of={page.pk}&locale={locale}"
            f"&type={page.specific_class._meta.label}&fields=*"
            for page in world.pages
            for locale in ("hu", "en")
            if page.locale.language_code != locale
        ],
    )


def site_search(client: Client, world: LeakWorld, words: list[str]) -> str:
    """The result lists only: the page repeats the query above them."""
    pages = [
        BeautifulSoup(client.get(prefix, {"q": word}).content, "html.parser")
        for word in words
        for prefix in ("/hu/kereses/", "/en/search/")
    ]
    return "\n".join(str(results) for page in pages for results in page.select("ol.results"))


def sitemap(client: Client, world: LeakWorld, words: list[str]) -> str:
    return _texts(client, ["/sitemap.xml"])


def calendars(client: Client, world: LeakWorld, words: list[str]) -> str:
    events = [page for page in world.hungarian if isinstance(page, EventPage)]
    return _texts(
        client,
        [f"/{code}/events/feed.ics" for code in ("hu", "en")]
        + [f"/{code}/events/{page.pk}.ics" for page in events for code in ("hu", "en")],
    )


Surface = Callable[[Client, LeakWorld, list[str]], str]
#: Each surface and the kinds of live content it shows (the control).
SURFACES: dict[str, tuple[Surface, tuple[str, ...]]] = {
    "public pages": (public_pages, ("cluster", "event")),
    "api detail": (api_detail, ("cluster", "event")),
    "api listing": (api_listing, ("cluster", "event")),
    "api search": (api_search, ("cluster", "event")),
    "api child_of": (api_child_of, ("cluster", "event")),
    "api translation_of": (api_translation_of, ("cluster", "event")),
    "site search": (site_search, ("cluster", "event")),
    "sitemap": (sitemap, ("cluster", "event")),
    "calendar feeds": (calendars, ("event",)),
}


@pytest.mark.parametrize("name", list(SURFACES))
def test_nothing_waiting_for_review_reaches_the_surface(world, client, name):
    surface, kinds = SURFACES[name]
    live_words = [word for kind in kinds for word in LIVE[kind]]
    secret_words = list(SECRET.values())

    shown = surface(client, world, secret_words).lower()
    control = surface(client, world, live_words).lower()

    assert [word for word in secret_words if word in shown] == []
    assert [word for word in live_words if word not in control] == []


def test_every_secret_is_saved_and_waiting_where_the_world_says(world):
    """The control of the world itself: each secret text is in a saved revision, and seven
    revisions wait for review (two Hungarian clusters, two English clusters, three events)."""
    revisions = [str(revision.content).lower() for revision in Revision.objects.all()]

    assert [word for word in SECRET.values() if not any(word in r for r in revisions)] == []
    waiting = WorkflowState.objects.filter(status=WorkflowState.STATUS_IN_PROGRESS)
    assert waiting.count() == 7
    assert {state.content_object.locale.language_code for state in waiting} == {"hu", "en"}
