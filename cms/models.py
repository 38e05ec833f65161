"""The home page and the translatable snippets shared by every app (sectors, venues)."""

from typing import TYPE_CHECKING, Any

from django.db import models
from django.http import HttpRequest, QueryDict
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cms.api_fields import ImageRenditionField
from cms.api_streams import StreamJSONField
from cms.blocks import BodyBlock

if TYPE_CHECKING:
    from cms.listing import Listing


#: The Page fields every page type translates (the rest of Page's fields are Wagtail's own).
PAGE_TEXT_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


class ListingPage(Page):
    """Base of the index pages (clusters, trainings, events): an intro and a filtered listing.

    One per language under the home page. Subclasses set `subpage_types` and implement
    `get_listing`, which turns the query string into a `cms.listing.Listing`.
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, "intro"]
    api_fields = [APIField("intro")]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1
    translatable_fields = [*PAGE_TEXT_FIELDS, TranslatableField("intro")]

    class Meta:
        abstract = True

    def get_listing(self, params: QueryDict) -> "Listing":
        """The filtered, paginated child pages for the query string `params`."""
        raise NotImplementedError

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Adds `listing` (cms.listing.Listing) for the request's filters and page number."""
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.get_listing(request.GET)
        return context


class HomePage(Page):
    """The root of each language's site: `/hu/` and its English translation `/en/`."""

    intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True)

    content_panels = [*Page.content_panels, "intro", "hero_image", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    api_fields = [
        APIField("intro"),
        APIField("hero_image", serializer=ImageRenditionField("fill-1600x900")),
        APIField("body", serializer=StreamJSONField()),
    ]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "cluster_pages.ClusterIndexPage",
        "training_catalog.TrainingIndexPage",
        "event_booking.EventIndexPage",
    ]
    max_count_per_parent = 1

    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronizedField("hero_image"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Adds teasers of this language's coming events, clusters and trainings (cms.teasers)."""
        from cms.teasers import home_teasers  # it imports the apps' models, which import this

        context = super().get_context(request, *args, **kwargs)
        context.update(home_teasers(self))
        return context


class Sector(TranslatableMixin, models.Model):
    """An industrial ecosystem (the EU's taxonomy) that clusters belong to.

    The slug is shared by a sector's translations, so filters such as `?sector=digital`
    read the same in both languages.
    """

    name = models.CharField(_("name"), max_length=120)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("description"), blank=True)

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("description"),
        SynchronizedField("slug"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_sector_slug_per_locale")
        ]

    def __str__(self) -> str:
        return self.name


class Venue(TranslatableMixin, models.Model):
    """A place where events and training runs happen."""

    name = models.CharField(_("name"), max_length=200)
    street_address = models.CharField(_("street address"), max_length=200)
    postal_code = models.CharField(_("postal code"), max_length=16)
    city = models.CharField(_("city"), max_length=100)
    country = models.CharField(_("country"), max_length=100, default="Magyarország")
    directions = RichTextField(_("directions"), blank=True, features=["bold", "italic", "link"])
    map_url = models.URLField(_("map link"), blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("street_address"),
        FieldPanel("postal_code"),
        FieldPanel("city"),
        FieldPanel("country"),
        FieldPanel("directions"),
        FieldPanel("map_url"),
    ]
    translatable_fields = [
        TranslatableField("name"),
        TranslatableField("country"),
        TranslatableField("directions"),
        SynchronizedField("street_address"),
        SynchronizedField("postal_code"),
        SynchronizedField("city"),
        SynchronizedField("map_url"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("venue")
        verbose_name_plural = _("venues")
        ordering = ["name"]

    def __str__(self) -> str:
        return f"{self.name}, {self.city}"

    @property
    def full_address(self) -> str:
        return f"{self.postal_code} {self.city}, {self.street_address}"
