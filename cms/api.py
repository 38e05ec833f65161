"""The headless API: Wagtail API v2 at /api/v2/ with `pages`, `images` and `documents`.

Only v2 is mounted; Wagtail's v3 API has a publish action that would route around moderation.
The routes live outside the /hu/ and /en/ prefixes (cms/urls.py), and
`cms.middleware.PrefixedLocaleMiddleware` keeps an unknown id a JSON 404 instead of a redirect
to /hu/api/...

What the pages endpoint shows (`PagesAPIViewSet`):
- Only live, public pages of the requested site, in both language trees: Wagtail's
  `get_public_pages_queryset` (live, no view restriction the requester fails, under the site's
  root or one of its translations), minus pages whose `go_live_at` is still ahead or whose
  `expire_at` has passed (in case the scheduler has not caught up yet). Published content only:
  the page rows hold the published version; drafts live in revisions.
- Filters: Wagtail's `type`, `child_of` (`root` means the home page in `?locale=`),
  `descendant_of`, `ancestor_of`, `translation_of`, `locale` (an unknown code is a 400 naming
  the parameter, not a 404), `search`, `order`, `fields`, plus field filters on database fields
  in `api_fields` (e.g. `?county=hajdu-bihar` with `type=cluster_pages.ClusterProfilePage`).
- `find/?html_path=/en/clusters/x/` resolves a public URL, language prefix included.

Query count: a listing runs a fixed number of queries whatever the number of pages it shows
or the site holds (`tests/api/test_query_count.py` pins the numbers). The view selects each
page's locale with it; every relation, image and stream is rendered by a `BatchedField`
(cms/api_fields.py, cms/api_streams.py, training_catalog/api_fields.py), which loads the
values of all the pages of the response at once, after pagination, from `context["pages"]`.
Nested page URLs are built with the request, so the site root paths are read once per request
instead of once per page (a query each with the database cache).

Adding a field, e.g. the booking engine's `booking` availability on events and trainings:

    # event_booking/api_fields.py
    class BookingAvailabilityField(BatchedField):
        def load(self, pages, context):
            # {page.pk: {"seats_left": ..., ...}} for all the pages of the response, in a
            # constant number of queries (event_booking.services.availability).
            return availability_for_pages(pages)

    # in the page type's api_fields:
    APIField("booking", serializer=BookingAvailabilityField()),

That is all: the detail view shows it, a listing shows it with `?fields=booking` (or
`fields=*`), and it costs its own queries once per response, not per page. Keep `load` free of
per-page queries (assert it in the query-count test) and do not cache availability yourself:
the page cache drops the responses that show it when a booking changes
(event_booking/services/public_pages.py).
"""

from typing import Any

from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone
from rest_framework.filters import BaseFilterBackend
from rest_framework.request import Request
from rest_framework.response import Response
from wagtail.api import APIField
from wagtail.api.v2 import filters as wagtail_filters
from wagtail.api.v2 import views as wagtail_views
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.serializers import PageHtmlUrlField
from wagtail.api.v2.serializers import PageSerializer as WagtailPageSerializer
from wagtail.api.v2.utils import BadRequestError, page_models_from_string
from wagtail.api.validators import SiteFilterValidator
from wagtail.documents.api.v2 import views as wagtail_documents_views
from wagtail.images.api.v2 import views as wagtail_images_views
from wagtail.models import Locale, Page

from cms.api_input import CleanInputMixin, with_clean_search
from cms.api_translations import (
    FALLBACK_CONTEXT,
    ChildOfFilter,
    FallbackFlagMixin,
    TranslationOfFilter,
    TranslationsField,
    content_language_codes,
    locale_from_parameter,
    requested_locales,
    with_fallback,
)
from cms.localization import locale_id_of
from cms.page_cache.declare import API_DOCUMENTS, API_IMAGES, API_PAGES, declare, declare_page
from cms.routing import site_tree
from cms.sites import site_for_request
from cms.tree import subtree_q
from cms.visibility import page_view_restrictions
from cms.workflow.preview_api import PreviewViewSetMixin


class RequestPageHtmlUrlField(PageHtmlUrlField):
    """`meta.html_url`, built with the request so the site root paths are read once."""

    def to_representation(self, page: Page) -> str | None:
        return page.get_full_url(self.context.get("request"))


class PageSerializer(FallbackFlagMixin, WagtailPageSerializer):
    html_url = RequestPageHtmlUrlField(read_only=True)


class LocaleFilter(BaseFilterBackend):
    """`?locale=hu|en`: an unknown or malformed code is a 400 that names the parameter.

    With `?fallback=`, the pages in the fallback language without a version in `locale` too
    (`cms.api_translations`).
    """

    def filter_queryset(self, request: Request, queryset: QuerySet, view: Any) -> QuerySet:
        if "locale" not in request.GET and "fallback" not in request.GET:
            return queryset
        filtered_by_child_of = getattr(queryset, "_filtered_by_child_of", None)
        locales = requested_locales(request)
        if locales is None:
            code = request.GET["locale"]
            if "search" in request.GET or code not in content_language_codes():
                # The search backends filter on indexed fields only (`locale`, not its code);
                # an unknown code is the 400 naming the parameter.
                queryset = queryset.filter(locale=locale_from_parameter(code))
            else:
                # The locale's id as a value, not a join on its code (PostgreSQL then read the
                # pages of every language and sorted them) nor a subquery (it then planned
                # for any language): the database reads the listing from the index that
                # starts with it (migration cms 0006). Kept across requests: no query.
                queryset = queryset.filter(locale_id=locale_id_of(code))
        else:
            locale, fallback = locales
            base = view.get_base_queryset()
            queryset = with_fallback(queryset, base=base, locale=locale, fallback=fallback)
        if filtered_by_child_of:
            queryset._filtered_by_child_of = filtered_by_child_of
        return queryset


REPLACED_FILTERS = {
    wagtail_filters.LocaleFilter: LocaleFilter,
    wagtail_filters.ChildOfFilter: ChildOfFilter,
    wagtail_filters.TranslationOfFilter: TranslationOfFilter,
}


class CompactJSONMixin:
    """Responses as compact JSON (for API viewsets).

    Wagtail's API indents every response by four spaces. Python then encodes it with its
    pure-Python JSON encoder instead of the C one: about 2 ms of a 20-page `fields=*` listing
    here, and a third more bytes. A client that wants indentation asks for it with
    `Accept: application/json; indent=4` (Django REST framework's rule); the browsable API
    (`?format=api`) indents as before.
    """

    def get_renderer_context(self) -> dict[str, Any]:
        context = super().get_renderer_context()
        context.pop("indent", None)
        return context


class PagesAPIViewSet(CompactJSONMixin, CleanInputMixin, wagtail_views.PagesAPIViewSet):
    """Wagtail's pages endpoint with batched serialisation and stricter visibility.

    See the module docstring for the contract.
    """

    base_serializer_class = PageSerializer
    filter_backends = [
        REPLACED_FILTERS.get(backend, backend)
        for backend in with_clean_search(wagtail_views.PagesAPIViewSet.filter_backends)
    ]
    known_query_parameters = wagtail_views.PagesAPIViewSet.known_query_parameters.union(
        ["fallback"]
    )
    meta_fields = [
        *wagtail_views.PagesAPIViewSet.meta_fields,
        APIField("translations", serializer=TranslationsField()),
    ]

    def get_base_queryset(self) -> QuerySet:
        """Live, public pages of the site in both locales, not scheduled and not expired
        (`public_pages_of`), computed once per request (the filters call it again)."""
        if getattr(self, "_base_queryset", None) is None:
            self._base_queryset = self.public_pages_of(Page)
        return self._base_queryset

    def get_queryset(self) -> QuerySet:
        """Wagtail's, except for one page type: the public pages of that model filtered on its
        own rows (`public_pages_of`), where Wagtail writes ``pk IN (every public page)``.

        Built once per request: Wagtail asks again for the serializer's model, and building it
        costs more than its query (a tenth of a listing's time)."""
        if getattr(self, "_queryset", None) is None:
            models = self._requested_models()
            if len(models) == 1 and "search" not in self.request.GET:
                queryset = self.public_pages_of(models[0])
            else:
                queryset = super().get_queryset()
            self._queryset = queryset.select_related("locale")
        return self._queryset

    def _requested_models(self) -> list[type[Page]]:
        """The page models of `?type=` (Wagtail's parsing and its 400)."""
        if not self.request.GET.get("type"):
            return []
        try:
            return page_models_from_string(self.request.GET["type"])
        except (LookupError, ValueError) as error:
            raise BadRequestError("type doesn't exist") from error

    def public_pages_of(self, model: type[Page]) -> QuerySet:
        """Wagtail's `get_public_pages_queryset` for `model`, not scheduled and not expired.

        The view restrictions and the site's language trees (the root page and its
        translations, `cms.routing.site_tree`) come from the shared lookups; a language tree
        is a range of tree paths (`cms.tree.subtree_q`), which the database estimates and reads
        from the listing index (migration cms 0006) in tree order, so a listing reads its 20
        rows and stops (as a subquery, PostgreSQL misjudged it and read and sorted every page
        of the type and language). The conditions apply to the listed
        rows themselves, so the database reads only the pages of the listing's type and
        language, whatever the size of the site: written as ``id IN (subquery over every
        page)``, as Wagtail does, a listing and its count read the whole page table (about
        twice the time at 20,000 pages as at 2,000). With ``?search=`` they go through `id`
        after all: the search backends accept filters on indexed fields only.
        """
        request = self.request
        queryset = model._default_manager.live()
        if model is not Page:
            # Redundant with the join on the model's table, but it lets the database read the
            # listing from the index of migration cms 0006 (language, type, tree order).
            queryset = queryset.type(model)
        for restriction in page_view_restrictions():
            if not restriction.accept_request(request):
                queryset = queryset.not_descendant_of(restriction.page, inclusive=True)
        # The request's site and site root paths as the shared lookups keep them: Wagtail's
        # validator below and the URLs of the listed pages find them on the request.
        site_for_request(request._request)
        try:
            site = SiteFilterValidator(site=request.GET.get("site"), request=request).site_obj
        except ValueError as error:
            raise BadRequestError(str(error)) from error
        if site is None:
            return queryset.none()
        root = site.root_page
        in_a_tree = Q()
        for home in site_tree(root).homes:
            in_a_tree |= subtree_q(home)
        now = timezone.now()
        off_schedule = Q(go_live_at__gt=now) | Q(expire_at__lte=now)
        if "search" in request.GET:
            in_a_tree_ids = Page.objects.filter(in_a_tree).values("id")
            off_schedule_ids = Page.objects.filter(off_schedule).values("id")
            return queryset.filter(id__in=in_a_tree_ids).exclude(id__in=off_schedule_ids)
        return queryset.filter(in_a_tree).exclude(off_schedule)

    def get_root_page(self) -> Page:
        """`child_of=root` / `descendant_of=root`: the home page in `?locale=`, if given."""
        root = super().get_root_page()
        if "locale" in self.request.GET:
            locale = locale_from_parameter(self.request.GET["locale"])
            root = root.get_translation_or_none(locale) or root
        return root

    def listing_view(self, request: Request) -> Response:
        queryset = self.get_queryset()
        self.check_query_parameters(queryset)
        queryset = self.filter_queryset(queryset)
        self.api_pages = list(self.paginate_queryset(queryset))
        serializer = self.get_serializer(self.api_pages, many=True)
        declare(request, tags=[API_PAGES])
        return self.get_paginated_response(serializer.data)

    def detail_view(self, request: Request, pk: int) -> Response:
        instance = self.get_object()
        locales = requested_locales(request)
        if locales is not None:
            instance = self._version_to_show(instance, *locales)
        declare_page(request, instance)
        self.api_pages = [instance]
        serializer = self.get_serializer(instance)
        return Response(serializer.data)

    def get_object(self) -> Page:
        """The page of `pk` among the public pages; `?locale=` does not hide it on a detail
        with `?fallback=` (`_version_to_show` picks the language)."""
        if "fallback" in self.request.GET and not hasattr(self, "_cached_object"):
            requested_locales(self.request)  # a 400 for a bad parameter, before the lookup
            queryset = self.get_queryset()
            try:
                self._cached_object = queryset.get(pk=self.kwargs["pk"]).specific
            except Page.DoesNotExist as error:
                raise Http404 from error
        return super().get_object()

    def _version_to_show(self, page: Page, locale: Locale, fallback: Locale) -> Page:
        """The live, public version of `page` in `locale`, else in `fallback`, else `page`."""
        versions = {
            version.locale_id: version
            for version in self.get_base_queryset().filter(
                translation_key=page.translation_key, locale__in=[locale, fallback]
            )
        }
        chosen = versions.get(locale.pk) or versions.get(fallback.pk)
        if chosen is None or chosen.pk == page.pk:
            return page
        return self.get_queryset().get(pk=chosen.pk).specific

    def get_serializer_context(self) -> dict[str, Any]:
        context = super().get_serializer_context()
        context["pages"] = getattr(self, "api_pages", [])
        locales = requested_locales(self.request)
        if locales is not None:
            context[FALLBACK_CONTEXT] = locales[0]
        return context

    def find_object(self, queryset: QuerySet, request: Request) -> Page | None:
        """`?html_path=` accepts public URLs with their language prefix (`/en/clusters/x/`)."""
        if "html_path" in request.GET:
            site = site_for_request(request._request)
            components = [part for part in request.GET["html_path"].split("/") if part]
            if site is None:
                return None
            root = site.root_page
            if components and components[0] in content_language_codes():
                locale = Locale.objects.filter(language_code=components.pop(0)).first()
                root = (locale and root.get_translation_or_none(locale)) or root
            try:
                page, _args, _kwargs = root.specific.route(request, components)
            except Http404:
                return None
            return page if queryset.filter(pk=page.pk).exists() else None
        return super().find_object(queryset, request)


class PreviewAPIViewSet(PreviewViewSetMixin, PagesAPIViewSet):
    """`/api/v2/preview/?token=...`: a draft revision by its signed preview link, in the shape of
    the page detail (`cms.workflow.preview_api`); never cached."""


class CachedListingsMixin:
    """Listings and details of the endpoint may be cached; any change of one of its objects
    makes them stale (`cache_tag`, bumped by cms/page_cache/invalidation.py)."""

    cache_tag: str

    def listing_view(self, request: Request) -> Response:
        declare(request, tags=[self.cache_tag])
        return super().listing_view(request)

    def detail_view(self, request: Request, pk: int) -> Response:
        declare(request, tags=[self.cache_tag])
        return super().detail_view(request, pk)


class ImagesAPIViewSet(
    CompactJSONMixin, CachedListingsMixin, CleanInputMixin, wagtail_images_views.ImagesAPIViewSet
):
    """Wagtail's images endpoint with the project's input cleaning."""

    cache_tag = API_IMAGES
    filter_backends = with_clean_search(wagtail_images_views.ImagesAPIViewSet.filter_backends)


class DocumentsAPIViewSet(
    CompactJSONMixin,
    CachedListingsMixin,
    CleanInputMixin,
    wagtail_documents_views.DocumentsAPIViewSet,
):
    """Wagtail's documents endpoint with the project's input cleaning."""

    cache_tag = API_DOCUMENTS
    filter_backends = with_clean_search(wagtail_documents_views.DocumentsAPIViewSet.filter_backends)


api_router = WagtailAPIRouter("wagtailapi")
api_router.register_endpoint("pages", PagesAPIViewSet)
api_router.register_endpoint("preview", PreviewAPIViewSet)
api_router.register_endpoint("images", ImagesAPIViewSet)
api_router.register_endpoint("documents", DocumentsAPIViewSet)
