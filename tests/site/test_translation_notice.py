"""An outdated English page tells the reader so, with the date and a link to the original."""

import datetime as dt

import pytest
from django.utils import timezone, translation

from tests import factories

pytestmark = pytest.mark.django_db

CHANGED = timezone.make_aware(dt.datetime(2026, 3, 14, 10, 0))


def notice(html: str) -> str | None:
    start = html.find('<aside class="container notice translation-notice"')
    return html[start : html.index("</aside>", start)] if start >= 0 else None


def test_outdated_english_page_shows_the_notice_with_a_link(client, site_content):
    cluster, en_cluster = site_content["cluster"], site_content["en_cluster"]
    factories.outdated(cluster, CHANGED)

    english = notice(client.get(en_cluster.url).content.decode())
    hungarian = notice(client.get(cluster.url).content.decode())

    assert english is not None
    assert "The Hungarian original was updated on March 14, 2026" in english
    assert "this translation may be out of date" in english
    assert f'<a href="{cluster.url}" hreflang="hu" lang="hu">Read the Hungarian original</a>' in (
        english
    )
    assert hungarian is None  # the original needs no notice


def test_current_translation_shows_no_notice(client, site_content):
    caught_up = factories.outdated(site_content["training"], CHANGED)
    caught_up.outdated_since = None  # an approved translation caught up
    caught_up.save()

    for name in ("en_cluster", "en_training"):
        assert notice(client.get(site_content[name].url).content.decode()) is None


def test_notice_strings_have_hungarian_translations():
    """The notice's text is translated (shown here through the Hungarian catalogue)."""
    with translation.override("hu"):
        text = translation.gettext(
            "The Hungarian original was updated on %(date)s; this translation may be out of date."
        )
        link = translation.gettext("Read the Hungarian original")

    assert "magyar" in text.lower() and "%(date)s" in text
    assert link != "Read the Hungarian original"
