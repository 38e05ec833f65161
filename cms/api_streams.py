"""StreamFields in the pages API, as JSON, in a fixed number of queries per response.

Wagtail's StreamField serializer turns each page's stream into Python values first, which runs
a query per page and per chooser block type (images, documents, pages): a listing of 20 pages
with images in their description would cost 20 queries more. `StreamJSONField` reads the
stored JSON instead, collects the ids of every image, document and page chosen in the streams
of all the pages of the response, loads each kind once, and writes them into the JSON:

- an image chooser becomes a rendition `{id, title, alt, url, full_url, width, height}`; an
  `ImageBlock` keeps its `alt_text`/`decorative` and the nested image's `alt` is the block's
  contextual alt text ("" when decorative);
- a document chooser becomes `{id, title, download_url}`;
- a page chooser becomes a nested page `{id, meta, title}` in the language of the page that
  holds the stream, or null when that page is not live and public;
- a chosen object that was deleted (or is private) becomes null;
- rich text comes in the request's `?rich_text_format=` (stored HTML by default);
- the shape is Wagtail's: a stream is a list of `{type, value, id}`, a struct a dict, a list a
  list of values.
"""

from collections import defaultdict
from collections.abc import Callable, Sequence
from typing import Any

from django.db import models
from wagtail import blocks
from wagtail.api.rich_text import APIRichText
from wagtail.api.utils import get_full_url
from wagtail.documents import get_document_model
from wagtail.documents.models import AbstractDocument
from wagtail.images.blocks import ImageBlock
from wagtail.images.models import AbstractImage
from wagtail.models import Page

from cms.api_fields import (
    BatchedField,
    Context,
    Localizer,
    page_representation,
    public_pages,
    rendition_representation,
    response_images,
    restricted_collection_ids,
)

Visitor = Callable[[blocks.ChooserBlock, Any], None]


def _chooser_kind(block: blocks.ChooserBlock) -> str | None:
    model = block.model_class
    if issubclass(model, AbstractImage):
        return "image"
    if issubclass(model, AbstractDocument):
        return "document"
    if issubclass(model, Page):
        return "page"
    return None


def _image_block_raw(raw: Any) -> tuple[Any, str | None, bool]:
    """(image id, alt text, decorative) of an ImageBlock's stored value (dict, or a bare id)."""
    if isinstance(raw, dict):
        return raw.get("image"), raw.get("alt_text"), bool(raw.get("decorative"))
    return raw, None, False


def _list_items(block: blocks.ListBlock, raw: Any) -> list[Any]:
    return [item["value"] if block._item_is_in_block_format(item) else item for item in raw or []]


def _walk(block: blocks.Block, raw: Any, visit: Visitor) -> None:
    """Call `visit(chooser_block, stored_id)` for every chooser value in a stored value."""
    if isinstance(block, blocks.StreamBlock):
        for item in raw or []:
            child = block.child_blocks.get(item.get("type"))
            if child is not None:
                _walk(child, item.get("value"), visit)
    elif isinstance(block, ImageBlock):
        visit(block.child_blocks["image"], _image_block_raw(raw)[0])
    elif isinstance(block, blocks.StructBlock):
        if isinstance(raw, dict):
            for name, child in block.child_blocks.items():
                if name in raw:
                    _walk(child, raw[name], visit)
    elif isinstance(block, blocks.ListBlock):
        for value in _list_items(block, raw):
            _walk(block.child_block, value, visit)
    elif isinstance(block, blocks.ChooserBlock):
        visit(block, raw)


class _Renderer:
    """Turns stored stream JSON into API JSON, with the objects loaded by `StreamJSONField`."""

    def __init__(
        self,
        *,
        context: Context,
        image_spec: str,
        images: dict[Any, Any],
        documents: dict[Any, Any],
        pages: Localizer,
        page_keys: dict[Any, Any],
        locale_id: int,
    ) -> None:
        self.context = context
        self.image_spec = image_spec
        self.images = images
        self.documents = documents
        self.pages = pages
        self.page_keys = page_keys
        self.locale_id = locale_id

    def render(self, block: blocks.Block, raw: Any) -> Any:
        if isinstance(block, blocks.StreamBlock):
            return [
                {
                    "type": item.get("type"),
                    "value": self.render(block.child_blocks[item["type"]], item.get("value")),
                    "id": item.get("id"),
                }
                for item in raw or []
                if item.get("type") in block.child_blocks
            ]
        if isinstance(block, ImageBlock):
            image_id, alt_text, decorative = _image_block_raw(raw)
            image = self.images.get(image_id)
            if image is not None and not alt_text and not decorative:
                alt_text = image.default_alt_text
            alt = "" if decorative else alt_text
            return {
                "image": rendition_representation(image, self.image_spec, alt=alt)
                if image
                else None,
                "alt_text": alt_text or "",
                "decorative": decorative,
            }
        if isinstance(block, blocks.StructBlock):
            raw = raw if isinstance(raw, dict) else {}
            return {
                name: self.render(child, raw[name])
                if name in raw
                else child.get_api_representation(child.get_default(), self.context)
                for name, child in block.child_blocks.items()
            }
        if isinstance(block, blocks.ListBlock):
            return [self.render(block.child_block, value) for value in _list_items(block, raw)]
        if isinstance(block, blocks.ChooserBlock):
            return self.render_chooser(block, raw)
        if isinstance(block, blocks.RichTextBlock):
            return APIRichText.serialize(
                raw or "", format=self.context.get("_wagtail_rich_text_format") or "db_html"
            )
        return block.get_api_representation(block.to_python(raw), self.context)

    def render_chooser(self, block: blocks.ChooserBlock, raw: Any) -> Any:
        kind = _chooser_kind(block)
        if raw is None:
            return None
        if kind == "image":
            image = self.images.get(raw)
            return rendition_representation(image, self.image_spec) if image else None
        if kind == "document":
            document = self.documents.get(raw)
            if document is None:
                return None
            return {
                "id": document.pk,
                "title": document.title,
                "download_url": get_full_url(self.context["request"], document.url),
            }
        if kind == "page":
            page = self.pages.pick(self.page_keys.get(raw), raw, self.locale_id)
            return page_representation(page, self.context) if page else None
        return raw


class StreamJSONField(BatchedField):
    """A StreamField as JSON with its chosen images, documents and pages expanded.

    At most five queries per response, whatever the number of pages and blocks: images and
    their renditions (shared with the other image fields, `response_images`), documents, the
    keys of chosen pages, and their live translations.

    Args:
        image_spec: the rendition filter spec for images inside the stream.
    """

    default_value: Any = ()

    def __init__(self, image_spec: str = "max-1200x1200", **kwargs: Any) -> None:
        self.image_spec = image_spec
        super().__init__(**kwargs)

    def chosen_ids(self, pages: Sequence[models.Model]) -> dict[str, set[Any]]:
        """The ids chosen in the streams of `pages`, by kind (image, document, page)."""
        ids: dict[str, set[Any]] = defaultdict(set)

        def collect(block: blocks.ChooserBlock, raw: Any) -> None:
            kind = _chooser_kind(block)
            if kind and raw is not None:
                ids[kind].add(raw)

        for page in pages:
            stream = getattr(page, self.source)
            _walk(stream.stream_block, list(stream.raw_data), collect)
        return ids

    def image_ids(self, pages: Sequence[models.Model]) -> dict[str, set[Any]]:
        """For `response_images`: the streams' images load with the other image fields'."""
        return {self.image_spec: self.chosen_ids(pages)["image"]}

    def load(self, pages: Sequence[models.Model], context: Context) -> dict[Any, Any]:
        streams = {page.pk: getattr(page, self.source) for page in pages}
        ids = self.chosen_ids(pages)
        images = response_images(self, pages, ids["image"], context)
        documents = {}
        if ids["document"]:
            documents = (
                get_document_model()
                .objects.exclude(collection__in=restricted_collection_ids(context))
                .in_bulk(ids["document"])
            )
        localizer = Localizer(public_pages(context))
        page_keys: dict[Any, Any] = {}
        if ids["page"]:
            page_keys = dict(
                Page.objects.filter(pk__in=ids["page"]).values_list("pk", "translation_key")
            )
            localizer.for_keys(set(page_keys.values()))

        result = {}
        for page in pages:
            stream = streams[page.pk]
            renderer = _Renderer(
                context=context,
                image_spec=self.image_spec,
                images=images,
                documents=documents,
                pages=localizer,
                page_keys=page_keys,
                locale_id=page.locale_id,
            )
            result[page.pk] = renderer.render(stream.stream_block, list(stream.raw_data))
        return result
