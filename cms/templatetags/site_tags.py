"""Template tags of the public site's layout; the rules live in `cms.navigation`.

Usage in templates (`{% load site_tags %}`):
    {% language_switcher as languages %}   -> list of cms.navigation.LanguageLink
    {% hreflang_links as alternates %}     -> list of cms.navigation.Alternate
    {% main_menu as menu %}                -> cms.navigation.Menu
    {% translation_notice as notice %}     -> cms.navigation.TranslationNotice or None
    {{ page.sectors.all|localized }}       -> the objects in the reader's language
    {{ page|localized_related:"venue" }}   -> a foreign key's object in it (one query)

The tags read `page` and `request` from the context; a non-page view (search) may put
`translated_urls` (language code -> URL) in its context for the switcher.
"""

from collections.abc import Iterable
from typing import Any

from django import template
from django.utils import translation
from wagtail.models import Page

from cms import navigation
from cms.blocks import SocialLinkBlock
from cms.localization import localized_all, related_in_locale, shown_only

register = template.Library()


def _page(context: template.Context) -> Page | None:
    page = context.get("page")
    return page if isinstance(page, Page) else None


@register.simple_tag(takes_context=True)
def language_switcher(context: template.Context) -> list[navigation.LanguageLink]:
    return navigation.language_links(
        page=_page(context),
        current_language=translation.get_language(),
        request=context.get("request"),
        translated_urls=context.get("translated_urls"),
    )


@register.simple_tag(takes_context=True)
def hreflang_links(context: template.Context) -> list[navigation.Alternate]:
    request = context.get("request")
    if request is None:
        return []
    return navigation.alternate_links(_page(context), request)


@register.simple_tag(takes_context=True)
def translation_notice(context: template.Context) -> navigation.TranslationNotice | None:
    return navigation.translation_notice(_page(context), context.get("request"))


@register.simple_tag(takes_context=True)
def main_menu(context: template.Context) -> navigation.Menu:
    return navigation.main_menu(
        page=_page(context),
        request=context.get("request"),
        language_code=translation.get_language(),
    )


@register.filter
def localized(objects: Any) -> Any:
    """A translatable object, or an iterable of them, in the reader's language (batched).

    A snippet readers may not see (a draft that was never published) is None, or left out of
    the list (`cms.localization.localized_all`).
    """
    if objects is None or objects == "":
        return objects
    if isinstance(objects, Iterable) and not isinstance(objects, str):
        return shown_only(localized_all(objects))
    return localized_all([objects])[0]


@register.filter
def localized_related(obj: Any, field: str) -> Any:
    """`obj.<field>` (a translatable foreign key) in the reader's language, as `localized`
    shows it, in one query instead of two (`cms.localization.related_in_locale`)."""
    return related_in_locale(obj, field)


@register.filter
def social_platform(value: str) -> str:
    """The display name of a social link's platform ("linkedin" -> "LinkedIn")."""
    choices = dict(SocialLinkBlock().child_blocks["platform"].field.choices)
    return str(choices.get(value, value))
