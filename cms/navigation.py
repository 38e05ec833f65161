"""What every public page's header needs: the main menu, the language switcher and hreflang.

These are plain functions (the template tags in `cms/templatetags/site_tags.py` only call them),
so the rules can be tested without rendering a template:

- Only *live, public* pages count. A draft translation, an unpublished one, one scheduled for
  later (`go_live_at`, not live yet) or one behind a view restriction is treated as missing.
- The switcher links to the current page's translation; when it has none, it says so (the
  language is shown, marked `missing`, without a link: the reader is not sent to the home page
  unawares); when that language has no live home page either, the language is left out (the
  site is not in that language yet). Non-page views (search, 404) link to the other language's
  home page, or to the same view in it.
- An English page whose Hungarian original was published with changes since it was translated
  (`cms.workflow.status`: public state `outdated`) shows a notice with the date of that change
  and a link to the original (`translation_notice`).
- hreflang alternates list only real translations (never the fallback home page: search engines
  must not be told that a home page is the English version of a cluster profile), and only when
  there are at least two. `x-default` is the version in `settings.LANGUAGE_CODE` (Hungarian),
  the site's source language.
- URLs in hreflang tags are absolute, built from the request's host, so they are right whatever
  hostname the Wagtail `Site` record holds.
"""

import datetime
from collections.abc import Mapping
from dataclasses import dataclass

from django.conf import settings
from django.http import HttpRequest
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Page, Site

from cms.request_memo import memoised_many
from cms.routing import site_tree
from cms.sites import site_for_request
from cms.visibility import is_public, public
from cms.workflow.translation_status import TranslationStatus


@dataclass(frozen=True)
class LanguageLink:
    """One entry of the language switcher."""

    language_code: str
    name: str  # the language's name in that language ("Magyar", "English")
    url: str
    is_current: bool
    is_translation: bool  # False when the link falls back to that language's home page
    missing: bool = False  # the page has no live version in that language (no link then)


@dataclass(frozen=True)
class Alternate:
    """One `<link rel="alternate" hreflang>` tag."""

    hreflang: str
    url: str


@dataclass(frozen=True)
class TranslationNotice:
    """An outdated translation's notice: when the original changed, and where to read it."""

    changed_at: datetime.datetime
    original_url: str
    original_language: str


@dataclass(frozen=True)
class MenuItem:
    title: str
    url: str
    is_current: bool  # this very page
    is_section: bool  # this page or one below it


@dataclass(frozen=True)
class Menu:
    home: Page | None
    items: list[MenuItem]


def site_root(request: HttpRequest | None) -> Page | None:
    """The root page (Hungarian home) of the site serving `request`, or of the default site."""
    site = site_for_request(request)
    if site is None:
        site = Site.objects.select_related("root_page").filter(is_default_site=True).first()
    return site.root_page if site else None


def live_translations(page: Page) -> dict[str, Page]:
    """Language code -> the live, public version of `page` in it (`page` itself included).

    Read once per request (the switcher, hreflang and the notice all ask; see
    `live_translations_of`).
    """
    if page.translation_key is None:
        return {}
    return live_translations_of([page])[page.translation_key]


def live_translations_of(pages: list[Page]) -> dict[object, dict[str, Page]]:
    """`live_translations` of several pages (by translation key), read in one query."""
    keys = [("live_translations", page.translation_key) for page in pages if page.translation_key]
    found = memoised_many(keys, _translations_by_memo_key)
    return {key: versions for (_name, key), versions in found.items()}


def _translations_by_memo_key(keys: list[tuple[str, object]]) -> dict:
    versions = _live_translations([key for _name, key in keys])
    return {(name, key): versions.get(key, {}) for name, key in keys}


def _live_translations(
    translation_keys: list[object], *, public_only: bool = True
) -> dict[object, dict[str, Page]]:
    versions = Page.objects.filter(translation_key__in=translation_keys).live()
    versions = (public(versions) if public_only else versions).select_related("locale")
    result: dict[object, dict[str, Page]] = {}
    for version in versions:
        result.setdefault(version.translation_key, {})[version.locale.language_code] = version
    return result


def behind_since(page: Page) -> datetime.datetime | None:
    """When the source of `page` (a translation) changed since `page` was translated, if its
    translation status is behind as readers may know it
    (`TranslationStatus.objects.behind_in_public()`), else None."""
    return (
        TranslationStatus.objects.behind_in_public()
        .filter(
            translation_key=page.translation_key,
            locale_id=page.locale_id,
            source_changed_at__isnull=False,
        )
        .values_list("source_changed_at", flat=True)
        .first()
    )


def home_pages(request: HttpRequest | None) -> dict[str, Page]:
    """Language code -> the live, public home page in that language (`cms.routing.site_tree`:
    kept across requests)."""
    root = site_root(request)
    if root is None:
        return {}
    homes = site_tree(root).homes
    return {home.locale.language_code: home for home in homes if home.live and is_public(home)}


def _url(page: Page, request: HttpRequest | None) -> str | None:
    return page.get_url(request=request)


def language_links(
    *,
    page: Page | None,
    current_language: str,
    request: HttpRequest | None = None,
    translated_urls: Mapping[str, str] | None = None,
) -> list[LanguageLink]:
    """The language switcher: one link per configured language that has somewhere to go.

    Args:
        page: the Wagtail page being shown, or None (search page, 404 page).
        current_language: the language the reader is in (from the URL prefix).
        request: the current request, for Wagtail's URLs.
        translated_urls: for non-page views, language code -> the same view's URL in it
            (e.g. the search page with the same query). Used when `page` is None.

    Returns:
        A link for the current language (to where the reader is) and for every other
        language: its live translation of `page`, else its live home page. A language with
        neither is left out.
    """
    versions = live_translations(page) if page is not None else {}
    homes: dict[str, Page] | None = None
    links = []
    for code, name in settings.LANGUAGES:
        url = None
        is_translation = False
        if code in versions:
            url, is_translation = _url(versions[code], request), True
        elif page is None and translated_urls and code in translated_urls:
            url, is_translation = translated_urls[code], True
        else:
            if homes is None:
                homes = home_pages(request)
            if code in homes:
                url = _url(homes[code], request)
        if url:
            links.append(
                LanguageLink(
                    language_code=code,
                    name=str(name),
                    url=url,
                    is_current=code == current_language,
                    is_translation=is_translation,
                    missing=page is not None and not is_translation,
                )
            )
    return links


def translation_notice(page: Page | None, request: HttpRequest | None) -> TranslationNotice | None:
    """The "this translation may be out of date" notice of `page`, or None.

    Shown on a live translation (a page not in `settings.LANGUAGE_CODE`) whose public state is
    `outdated` (`cms.workflow.status`: only what is live counts, never a draft or a review),
    when its original is live and public (the notice links to it).
    """
    if page is None or page.translation_key is None:
        return None
    if not page.live:
        return None
    versions = live_translations(page)
    own = next((version for version in versions.values() if version.pk == page.pk), None)
    if own is None:  # a private page, shown to a reader it lets in: not among the versions
        own = (
            _live_translations([page.translation_key], public_only=False)
            .get(page.translation_key, {})
            .get(page.locale.language_code)
        )
    if own is None or own.locale.language_code == settings.LANGUAGE_CODE:
        return None
    original = versions.get(settings.LANGUAGE_CODE)
    url = _url(original, request) if original is not None else None
    if not url:
        return None
    changed_at = behind_since(own)
    if changed_at is None:
        return None
    return TranslationNotice(changed_at, url, settings.LANGUAGE_CODE)


def alternate_links(page: Page | None, request: HttpRequest) -> list[Alternate]:
    """hreflang alternates of `page`: its live, public translations, plus `x-default`.

    Empty when the page has fewer than two live versions (there is nothing to alternate with).
    """
    if page is None:
        return []
    versions = live_translations(page)
    if len(versions) < 2:
        return []
    alternates = []
    for code, _name in settings.LANGUAGES:
        if code in versions:
            url = _url(versions[code], request)
            if url:
                alternates.append(Alternate(code, request.build_absolute_uri(url)))
    default = versions.get(settings.LANGUAGE_CODE)
    default_url = _url(default, request) if default else None
    if default_url:
        alternates.append(Alternate("x-default", request.build_absolute_uri(default_url)))
    return alternates


def search_url(language_code: str) -> str | None:
    """The search page's URL in `language_code` (`/hu/kereses/`, `/en/search/`)."""
    with translation.override(language_code):
        try:
            return reverse("search")
        except NoReverseMatch:
            return None


def menu_pages(home: Page, request: HttpRequest | None) -> list[Page]:
    """The live, public children of `home` marked "show in menus", in tree order, from the
    site's tree (`cms.routing.site_tree`, kept across requests; routing reads the same)."""
    root = site_root(request)
    children = site_tree(root).menus.get(home.pk, []) if root is not None else []
    return [child for child in children if is_public(child)]


def main_menu(*, page: Page | None, request: HttpRequest | None, language_code: str) -> Menu:
    """The header's menu: the home page and its menu pages in the reader's language, then search.

    The menu pages are the live, public children of that language's home page marked "show in
    menus" (Wagtail's `show_in_menus`, on by default for index pages), in the page tree's order
    (editors reorder them in the admin). Without a live home in that language, the menu falls
    back to the source-language home (the reader then sees Hungarian links rather than none).
    """
    homes = home_pages(request)
    home = homes.get(language_code) or homes.get(settings.LANGUAGE_CODE)
    items = []
    if home is not None:
        for child in menu_pages(home, request):
            url = _url(child, request)
            if not url:
                continue
            is_current = page is not None and page.pk == child.pk
            is_section = page is not None and (page.path or "").startswith(child.path)
            items.append(MenuItem(child.title, url, is_current, is_section))
    url = search_url(language_code)
    if url:
        current_path = request.path if request is not None else ""
        is_search = current_path == url
        items.append(MenuItem(gettext("Search"), url, is_search, is_search))
    return Menu(home=home, items=items)
