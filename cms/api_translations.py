"""The pages API's view of translations: `meta.translations` and `?locale=..&fallback=..`.

`meta.translations` lists, for every content language other than the page's own, the version
of the page in it: `{"locale", "id", "html_url", "state"}`. The state is only what readers may
learn (`cms.workflow.status.PUBLIC_STATES`): `current`, `outdated` (the live translation lags
behind a newer version of the source) or `missing` (no live, public version; `id` and
`html_url` are then null). Drafts, reviews and rejected work never show: a live page whose new
version waits in moderation is shown as what is live. It is on the detail by default and on
listings with `?fields=translations` (or `fields=*`), in a fixed number of queries for the
whole response (`TranslationsField`).

`?locale=en&fallback=hu` asks for English where it is live and the Hungarian page where no
English version is: a listing holds the English pages plus the Hungarian pages without a live,
public English version; every item then carries `meta.fallback` (true for a page in the
fallback language). `child_of` takes the children of the parent's versions in both languages
(so `child_of=<English index>` and `child_of=root` find the Hungarian-only children too), and
`translation_of` includes the page itself (the Hungarian page is its own fallback). The detail
`/pages/<id>/?locale=en&fallback=hu` answers with the English version of that page when it is
live, else its Hungarian one, whichever id was asked for. `fallback` needs `locale`; an unknown
code is a 400 naming the parameter.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from django.conf import settings
from django.db.models import Exists, OuterRef, Q, QuerySet
from rest_framework.request import Request
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2.utils import BadRequestError
from wagtail.models import Locale, Page

from cms.api_fields import BatchedField, Context
from cms.workflow import status
from cms.workflow.translation_status import TranslationStatus

FALLBACK_CONTEXT = "fallback_locale"


def content_language_codes() -> list[str]:
    """The language codes pages can be in (`hu`, `en`)."""
    return [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]


def locale_from_parameter(code: str, parameter: str = "locale") -> Locale:
    """The `Locale` for a language code given in `parameter`, or a `BadRequestError` naming it."""
    codes = content_language_codes()
    locale = Locale.objects.filter(language_code=code).first() if code in codes else None
    if locale is None:
        raise BadRequestError(
            "{}: unknown language code {!r}; use one of: {}".format(
                parameter, code[:20], ", ".join(codes)
            )
        )
    return locale


def requested_locales(request: Request) -> tuple[Locale, Locale] | None:
    """(`?locale=`, `?fallback=`) when a fallback is asked for, else None.

    Raises `BadRequestError` naming `fallback` when it comes without `locale`, equals it, or
    is not a content language.
    """
    if "fallback" not in request.GET:
        return None
    if "locale" not in request.GET:
        raise BadRequestError("fallback: give the wanted language in `locale` too")
    locale = locale_from_parameter(request.GET["locale"])
    fallback = locale_from_parameter(request.GET["fallback"], "fallback")
    if fallback.pk == locale.pk:
        raise BadRequestError("fallback: must differ from `locale`")
    return locale, fallback


def with_fallback(queryset: QuerySet, *, base: QuerySet, locale: Locale, fallback: Locale) -> Any:
    """Pages in `locale`, plus those in `fallback` without a version in `locale` in `base`."""
    in_locale = base.filter(locale=locale).values("translation_key")
    return queryset.filter(
        Q(locale=locale) | (Q(locale=fallback) & ~Q(translation_key__in=in_locale))
    )


class ChildOfFilter(wagtail_filters.ChildOfFilter):
    """Wagtail's `child_of`; with a fallback, children of every version of the parent."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        filtered = super().filter_queryset(request, queryset, view)
        parent = getattr(filtered, "_filtered_by_child_of", None)
        if parent is None or "fallback" not in request.GET:
            return filtered
        below_a_version = Q()
        for version in Page.objects.filter(translation_key=parent.translation_key).only(
            "path", "depth"
        ):
            below_a_version |= Q(path__startswith=version.path, depth=version.depth + 1)
        queryset = queryset.filter(below_a_version)
        queryset._filtered_by_child_of = parent
        return queryset


class TranslationOfFilter(wagtail_filters.TranslationOfFilter):
    """Wagtail's `translation_of`; with a fallback, the page itself counts too."""

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        filtered = super().filter_queryset(request, queryset, view)
        if "translation_of" not in request.GET or "fallback" not in request.GET:
            return filtered
        value = request.GET["translation_of"]  # valid: the parent class checked it
        page_id = view.get_root_page().pk if value == "root" else int(value)
        child_of = getattr(filtered, "_filtered_by_child_of", None)
        filtered = filtered | queryset.filter(pk=page_id)
        if child_of:
            filtered._filtered_by_child_of = child_of
        return filtered


class TranslationsField(BatchedField):
    """`meta.translations` (module docstring), for all the pages of a response at once.

    One query per response: the live, public versions (through the view's base queryset,
    so a private, scheduled or draft-only version is `missing`), each with whether the
    plugin's `TranslationStatus` row of it is behind; the languages are the content languages
    of the settings, and the listed pages have their locale selected. The public state is decided as
    `status.TranslationState.public` decides it (live and behind: `outdated`), without the
    admin-only parts of `status.states` (progress, reviews) readers may not learn anyway.
    """

    default_value: list = []

    def load(self, pages: Sequence[Page], context: Context) -> Mapping[int, list[dict]]:
        view, request = context["view"], context["request"]
        keys = {page.translation_key for page in pages}
        behind = TranslationStatus.objects.behind_in_public().filter(
            translation_key=OuterRef("translation_key"), locale_id=OuterRef("locale_id")
        )
        versions = view.get_base_queryset().filter(translation_key__in=keys)
        own_locales = {page.locale_id for page in pages}
        if len(own_locales) == 1:  # a one-language listing: its own versions are not shown
            versions = versions.exclude(locale_id=own_locales.pop())
        public = {
            (version.translation_key, version.locale.language_code): version
            for version in versions.select_related("locale").annotate(outdated=Exists(behind))
        }
        result = {}
        for page in pages:
            entries = []
            for code in content_language_codes():
                if code == page.locale.language_code:
                    continue
                version = public.get((page.translation_key, code))
                state = status.State.MISSING
                if version is not None:
                    state = status.State.OUTDATED if version.outdated else status.State.CURRENT
                entries.append(
                    {
                        "locale": code,
                        "id": version.pk if version else None,
                        "html_url": version.get_full_url(request) if version else None,
                        "state": state.value,
                    }
                )
            result[page.pk] = entries
        return result


class FallbackFlagMixin:
    """Adds `meta.fallback` to each page when `?fallback=` was given (serializer mixin)."""

    def to_representation(self, instance: Page) -> Any:
        data = super().to_representation(instance)
        wanted = self.context.get(FALLBACK_CONTEXT)
        if wanted is not None and "meta" in data:
            data["meta"]["fallback"] = instance.locale_id != wanted.pk
        return data
