"""Serializer fields for the pages API that load their data for a whole response at once.

Wagtail's own fields resolve relations one page at a time (a query per page for a logo, a
venue, a list of sectors...). Every field here is a `BatchedField`: the first time it is asked
for a value, it loads the values of *all* the pages of the response (the view puts them in the
serializer context as `pages`) in a fixed number of queries, then answers from that batch. A
listing therefore costs the same number of queries for 2 or 20 pages, and a field that is not
requested (`?fields=...`) costs nothing.

Synchronised relations (sectors, venue, topic, participating clusters) point at the *source*
rows, usually Hungarian, even on an English page. These fields show each related object in the
language of the page that refers to it: its translation in the page's locale when there is
one (and, for pages, when it is live and public), else the object itself.
"""

import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Exists, OuterRef
from django.db.models.functions import Length, Substr
from django.utils import translation
from rest_framework.fields import Field
from wagtail.api.rich_text import APIRichText
from wagtail.fields import RichTextField
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Collection, CollectionViewRestriction, Page

from cms.localization import shown_rows

Context = dict[str, Any]

_BATCHES = "_batched_field_values"
_RESTRICTED_COLLECTIONS = "_restricted_collection_ids"
_IMAGES = "_batched_images"


class BatchedField(Field):
    """A read-only API field whose values are loaded for every page of the response at once.

    Subclasses implement `load(pages, context)` and return `{page.pk: representation}` with
    JSON-ready values; a page missing from the result is shown as `default`. `load` must run a
    number of queries that does not depend on `len(pages)`.

    The page list comes from `context["pages"]` (set by `cms.api.PagesAPIViewSet`); when the
    serializer is used without it, the field still works, one page at a time.
    """

    default_value: Any = None

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance: models.Model) -> models.Model:
        return instance

    def load(self, pages: Sequence[models.Model], context: Context) -> Mapping[Any, Any]:
        raise NotImplementedError

    def to_representation(self, page: models.Model) -> Any:
        context = self.context
        batches = context.setdefault(_BATCHES, {})
        key = (type(page), self.field_name)
        values = batches.get(key)
        if values is None or page.pk not in values:
            pages = [p for p in context.get("pages", ()) if type(p) is type(page)]
            if not any(p.pk == page.pk for p in pages):
                pages = [page]
            values = {**(values or {}), **self.load(pages, context)}
            values.setdefault(page.pk, self.default_value)
            batches[key] = values
        return values[page.pk]


class ChoiceLabelField(Field):
    """The human-readable label of a choice field, in the page's language.

    Example: `APIField("county_display", serializer=ChoiceLabelField(source="county"))` gives
    "Hajdú-Bihar" next to the stable code in `county`. No query (the page's locale is
    selected with it).
    """

    def __init__(self, **kwargs: Any) -> None:
        kwargs["read_only"] = True
        super().__init__(**kwargs)

    def get_attribute(self, instance: models.Model) -> models.Model:
        return instance

    def to_representation(self, page: models.Model) -> str:
        value = getattr(page, self.source)
        return choice_label(type(page), self.source, value, page.locale.language_code)


@lru_cache(maxsize=4096)
def choice_label(model: type[models.Model], field_name: str, value: Any, language: str) -> str:
    """The label of `value` among the choices of `model.field_name`, in `language` (the value
    itself when it is not a choice), as `get_<field>_display()` gives it.

    Kept for the process: labels come from the code and its translation catalogues, which do not
    change while it runs, and switching the language for each page and field cost a listing
    of 20 pages a tenth of its time."""
    choices = dict(model._meta.get_field(field_name).flatchoices)
    with translation.override(language):
        return str(choices.get(value, value))


# --- Helpers shared by the fields ----------------------------------------------------------


def sort_key(text: str) -> str:
    """A case- and accent-insensitive sort key, so "Építőipar" sorts among the E's."""
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def restricted_collection_ids(context: Context) -> set[int] | models.QuerySet:
    """Collections the requester may not see (private collections and the collections below
    them), for `collection__in`, computed once per request.

    For an anonymous reader who has unlocked no password-protected collection (every cached
    response is one), every restriction but "public" hides its collection: a subquery, so the
    images or documents are read with it in one query. Others get Wagtail's own answer
    (`get_restricted_collection_ids`), which asks each restriction about the request.
    """
    from wagtail.api.v2.utils import get_restricted_collection_ids  # needs the app registry

    if _RESTRICTED_COLLECTIONS not in context:
        request = context["request"]
        user = getattr(request, "user", None)
        session = getattr(request, "session", None)
        passed_key = CollectionViewRestriction.passed_view_restrictions_session_key
        if (user is None or not user.is_authenticated) and not (
            session is not None and session.get(passed_key)
        ):
            hiding = CollectionViewRestriction.objects.exclude(
                restriction_type=CollectionViewRestriction.NONE
            ).filter(collection__path=Substr(OuterRef("path"), 1, Length("collection__path")))
            hidden: set[int] | models.QuerySet = Collection.objects.filter(Exists(hiding)).values(
                "id"
            )
        else:
            hidden = get_restricted_collection_ids(request)
        context[_RESTRICTED_COLLECTIONS] = hidden
    return context[_RESTRICTED_COLLECTIONS]


def load_images(
    ids: Iterable[int], filter_specs: str | Sequence[str], context: Context
) -> dict[int, Any]:
    """Images by id with their renditions of `filter_specs` prefetched (two queries).

    Images in collections the requester may not see are left out, as the images endpoint does.
    """
    ids = {i for i in ids if i}
    if not ids:
        return {}
    specs = [filter_specs] if isinstance(filter_specs, str) else list(filter_specs)
    images = (
        get_image_model()
        .objects.filter(pk__in=ids)
        .exclude(collection__in=restricted_collection_ids(context))
        .prefetch_renditions(*specs)
    )
    return {image.pk: image for image in images}


def response_images(
    field: Field, pages: Sequence[models.Model], ids: Iterable[int], context: Context
) -> dict[int, Any]:
    """The images `ids` of `field`, loaded once for every image field of the response.

    The first image field to ask loads the images of all the fields of its serializer that
    show images (those with an `image_ids(pages)` method: `{filter spec: ids}`), with all
    their renditions, in two queries; later fields find theirs loaded. An image the batch
    does not hold (a field outside the serializer) is loaded then.
    """
    loaded = context.get(_IMAGES)
    if loaded is None:
        wanted: dict[str, set[int]] = defaultdict(set)
        serializer = getattr(field, "parent", None)
        fields = serializer.fields.values() if serializer is not None else [field]
        for other in [*fields, field]:
            image_ids = getattr(other, "image_ids", None)
            if image_ids is not None:
                for spec, found in image_ids(pages).items():
                    wanted[spec].update(found)
        all_ids = set().union(*wanted.values()) if wanted else set()
        loaded = context[_IMAGES] = load_images(all_ids, list(wanted), context)
    missing = {i for i in ids if i and i not in loaded}
    if missing:
        specs = [spec for spec, _ids in getattr(field, "image_ids", lambda _p: {})(pages).items()]
        loaded.update(load_images(missing, specs, context))
    return loaded


def rendition_representation(
    image: Any, filter_spec: str, alt: str | None = None
) -> dict[str, Any]:
    """`{id, title, alt, url, full_url, width, height}` of one rendition of `image`.

    Uses `get_renditions`, which neither queries nor writes the cache when the rendition was
    prefetched (`get_rendition` writes the cache every time: with the database cache, a query
    per image). A missing rendition is generated here, as Wagtail's API does. A missing source
    file gives `{"id": ..., "error": "SourceImageIOError"}` instead of a 500.
    """
    try:
        rendition = next(iter(image.get_renditions(filter_spec).values()))
    except SourceImageIOError:
        return {"id": image.pk, "error": "SourceImageIOError"}
    return {
        "id": image.pk,
        "title": image.title,
        "alt": image.default_alt_text if alt is None else alt,
        "url": rendition.url,
        "full_url": rendition.full_url,
        "width": rendition.width,
        "height": rendition.height,
    }


class Localizer:
    """Picks, for a related translatable object, its version in a given locale, in one query.

    `candidates` is a queryset of the related model holding the allowed rows (for pages: the
    API's live, public pages). `for_keys` loads every allowed row sharing one of the given
    translation keys, in every locale. `pick(key, original_pk, locale_id)` then returns the row
    in `locale_id`, else the original row, else None (the original is not allowed either).
    """

    def __init__(self, candidates: models.QuerySet) -> None:
        self.candidates = candidates
        self.by_key_locale: dict[tuple[Any, int], Any] = {}
        self.by_pk: dict[Any, Any] = {}

    def for_keys(self, keys: Iterable[Any] | models.QuerySet) -> "Localizer":
        for obj in self.candidates.filter(translation_key__in=keys):
            self.by_key_locale[(obj.translation_key, obj.locale_id)] = obj
            self.by_pk[obj.pk] = obj
        return self

    def pick(self, key: Any, original_pk: Any, locale_id: int) -> Any:
        return self.by_key_locale.get((key, locale_id)) or self.by_pk.get(original_pk)


def snippet_representation(
    obj: models.Model, fields: Sequence[str], context: Context
) -> dict[str, Any]:
    """`{"id": ..., <field>: ...}`; rich text fields come in the request's rich text format."""
    data: dict[str, Any] = {"id": obj.pk}
    for name in fields:
        value = getattr(obj, name)
        try:
            field = obj._meta.get_field(name)
        except FieldDoesNotExist:
            field = None
        if isinstance(field, RichTextField):
            value = APIRichText.serialize(
                value or "", format=context.get("_wagtail_rich_text_format") or "db_html"
            )
        data[name] = value
    return data


def page_representation(page: Page, context: Context) -> dict[str, Any]:
    """A nested page as Wagtail's API nests pages: `{id, meta: {...}, title}`.

    `page` needs its locale selected (`select_related("locale")`) to avoid a query.
    """
    from wagtail.api.v2.utils import get_object_detail_url  # needs the app registry

    request = context["request"]
    specific_class = page.specific_class
    return {
        "id": page.pk,
        "meta": {
            "type": f"{specific_class._meta.app_label}.{specific_class.__name__}"
            if specific_class
            else None,
            "detail_url": get_object_detail_url(context["router"], request, Page, page.pk),
            "html_url": page.get_full_url(request),
            "locale": page.locale.language_code,
        },
        "title": page.title,
    }


def public_pages(context: Context) -> models.QuerySet:
    """The pages the API may show (live, public, on this site): the view's base queryset."""
    return context["base_queryset"].select_related("locale")


# --- Fields ---------------------------------------------------------------------------------


class ImageRenditionField(BatchedField):
    """An image foreign key as one rendition: `{id, title, alt, url, full_url, width, height}`.

    Alt text is the image's own (its description, else its title). Two queries per response
    (images, their renditions), shared with the other image fields (`response_images`), plus
    the generation of renditions that do not exist yet.
    """

    def __init__(self, filter_spec: str, **kwargs: Any) -> None:
        self.filter_spec = filter_spec
        super().__init__(**kwargs)

    def image_ids(self, pages: Sequence[models.Model]) -> dict[str, set[int]]:
        return {self.filter_spec: {getattr(page, f"{self.source}_id") for page in pages}}

    def load(self, pages: Sequence[models.Model], context: Context) -> dict[Any, Any]:
        attname = f"{self.source}_id"
        ids = [getattr(page, attname) for page in pages]
        images = response_images(self, pages, ids, context)
        return {
            page.pk: rendition_representation(image, self.filter_spec)
            if (image := images.get(getattr(page, attname)))
            else None
            for page in pages
        }


class LocalizedSnippetField(BatchedField):
    """A foreign key to a translatable snippet, shown in the page's language.

    `fields` lists the snippet's attributes to show after `id`. One query per response.
    """

    def __init__(self, fields: Sequence[str] = ("name",), **kwargs: Any) -> None:
        self.snippet_fields = tuple(fields)
        super().__init__(**kwargs)

    def load(self, pages: Sequence[models.Model], context: Context) -> dict[Any, Any]:
        return localized_snippets_for(
            rows=[(page.pk, getattr(page, f"{self.source}_id"), page.locale_id) for page in pages],
            model=type(pages[0])._meta.get_field(self.source).related_model,
            fields=self.snippet_fields,
            context=context,
        )


def localized_snippets_for(
    *,
    rows: Sequence[tuple[Any, Any, int]],
    model: type[models.Model],
    fields: Sequence[str],
    context: Context,
) -> dict[Any, Any]:
    """Represent snippet foreign keys in their holder's language, in one query.

    Args:
        rows: `(holder key, snippet pk or None, holder locale id)` for each holder.
        model: the snippet model.
        fields: the snippet attributes to show after `id`.

    Returns:
        `{holder key: representation or None}`.
    """
    ids = {snippet_id for _key, snippet_id, _locale in rows if snippet_id}
    if not ids:
        return {key: None for key, _id, _locale in rows}
    localizer = Localizer(shown_rows(model)).for_keys(
        model._default_manager.filter(pk__in=ids).values("translation_key")
    )
    result = {}
    for key, snippet_id, locale_id in rows:
        original = localizer.by_pk.get(snippet_id)
        snippet = original and localizer.pick(original.translation_key, snippet_id, locale_id)
        result[key] = snippet_representation(snippet, fields, context) if snippet else None
    return result


class LocalizedManyField(BatchedField):
    """A many-to-many relation to translatable snippets or pages, in the page's language.

    Snippets are shown as `{id, <fields>}`, pages as Wagtail nests pages (`{id, meta, title}`);
    related pages that are not live, not public or not on this site are left out (their
    translation in the page's language is shown instead when that one is live). Sorted by
    name/title in the page's language. Two queries per response.
    """

    default_value: Any = ()

    def __init__(self, fields: Sequence[str] = ("name",), **kwargs: Any) -> None:
        self.snippet_fields = tuple(fields)
        super().__init__(**kwargs)

    def load(self, pages: Sequence[models.Model], context: Context) -> dict[Any, Any]:
        field = type(pages[0])._meta.get_field(self.source)
        through = field.remote_field.through
        source_column, target_column = field.m2m_field_name(), field.m2m_reverse_field_name()
        links = list(
            through.objects.filter(**{f"{source_column}__in": [p.pk for p in pages]}).values_list(
                source_column, target_column, f"{target_column}__translation_key"
            )
        )
        target_model = field.related_model
        is_page = issubclass(target_model, Page)
        candidates = public_pages(context) if is_page else shown_rows(target_model)
        localizer = Localizer(candidates).for_keys({key for _p, _t, key in links})

        locale_of = {page.pk: page.locale_id for page in pages}
        chosen: dict[Any, dict[Any, Any]] = {page.pk: {} for page in pages}
        for page_pk, target_pk, key in links:
            target = localizer.pick(key, target_pk, locale_of[page_pk])
            if target is not None:
                chosen[page_pk][target.pk] = target

        def represent(obj: models.Model) -> dict[str, Any]:
            if is_page:
                return page_representation(obj, context)
            return snippet_representation(obj, self.snippet_fields, context)

        return {
            page_pk: [represent(obj) for obj in sorted(objs.values(), key=lambda o: sort_key(o))]
            for page_pk, objs in chosen.items()
        }


VENUE_FIELDS = (
    "name",
    "street_address",
    "postal_code",
    "city",
    "country",
    "full_address",
    "map_url",
    "directions",
)
"""What the API shows of a venue (`cms.Venue`)."""
