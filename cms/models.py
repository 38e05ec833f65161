"""The home page and the translatable snippets shared by every app (sectors, venues).

The snippets have drafts and go through the site's workflow (`ReviewedSnippetMixin`): only a
live row is shown on the site, in the API, calendars and e-mails, and a live row holds the last
approved text (see README, "Workflow plugin").
"""

from dataclasses import dataclass
from typing import Any, ClassVar

from django.db import models
from django.http import HttpRequest, QueryDict
from django.utils.functional import Promise
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
from cms.listing import Listing
from cms.tree import children_q
from cms.visibility import SharedAncestorsMixin, public
from cms.workflow.snippets import ReviewedSnippetMixin

#: A text that may still be waiting for translation (gettext_lazy).
StrOrPromise = str | Promise


#: The Page fields every page type translates (the rest of Page's fields are Wagtail's own).
PAGE_TEXT_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
]


@dataclass(frozen=True)
class HomeSection:
    """How an index page presents itself on the home page.

    The home page knows no app: it shows one section per live, public index page below it,
    each declared by the index page's class (`ListingPage.home_section`).

    Attributes:
        name: the section's id on the page (`<name>-heading`), e.g. "events".
        heading: the section's heading.
        link_label: the text of the link to the index page ("All events").
        empty_message: shown when the index page has no teasers.
        teaser_template: renders one teaser card from the context variable `teaser`.
        limit: how many teasers the section shows at most.
        position: sections are shown by ascending position (independent of the tree order,
            which orders the menu).
    """

    name: str
    heading: StrOrPromise
    link_label: StrOrPromise
    empty_message: StrOrPromise
    teaser_template: str
    limit: int
    position: int


@dataclass(frozen=True)
class SectionTeasers:
    """One section of the home page: an index page, its declaration and its teasers."""

    index: "ListingPage"
    section: HomeSection
    pages: list[Page]


class ListingPage(SharedAncestorsMixin, Page):
    """Base of the index pages (clusters, trainings, events): an intro and a filtered listing.

    One per language under the home page. Subclasses set `subpage_types` and `home_section`
    and implement `get_listing`, which turns the query string into a `cms.listing.Listing`,
    and `teasers`, the pages the home page shows of them. Index pages are in the main menu
    (`show_in_menus`, on by default for new ones; editors may switch it off).
    """

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, "intro"]
    api_fields = [APIField("intro")]
    parent_page_types = ["cms.HomePage"]
    max_count_per_parent = 1
    translatable_fields = [*PAGE_TEXT_FIELDS, TranslatableField("intro")]
    show_in_menus_default = True

    #: The index page's section on the home page; None keeps it off the home page.
    home_section: ClassVar[HomeSection | None] = None

    class Meta:
        abstract = True

    def get_listing(self, params: QueryDict) -> Listing:
        """The filtered, paginated child pages for the query string `params`."""
        raise NotImplementedError

    def teasers(self, *, limit: int) -> list[Page]:
        """At most `limit` live, public pages below this index for the home page, in order.

        They are in this index page's language, ready for `home_section.teaser_template`.
        """
        raise NotImplementedError

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Adds `listing` (cms.listing.Listing) for the request's filters and page number."""
        context = super().get_context(request, *args, **kwargs)
        context["listing"] = self.get_listing(request.GET)
        return context


class HomePage(SharedAncestorsMixin, Page):
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
    # Strings, not imports: the base names the page types it may hold without loading the apps.
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

    def home_sections(self) -> list[SectionTeasers]:
        """The sections of this home page, by `HomeSection.position`.

        One per live, public child index page (`ListingPage`) that declares a `home_section`,
        with its teasers; all in this page's language.
        """
        children = [
            child
            # children_q, not get_children(): see cms.tree. Deferred: an index
            # page's section needs its class and tree position only, not its own fields.
            for child in public(Page.objects.filter(children_q(self)).live()).specific(defer=True)
            if isinstance(child, ListingPage) and child.home_section is not None
        ]
        for child in children:
            if child.locale_id == self.locale_id:  # the teasers show snippets in it
                child.locale = self.locale
        children.sort(key=lambda child: child.home_section.position)
        return [
            SectionTeasers(
                index=child,
                section=child.home_section,
                pages=child.teasers(limit=child.home_section.limit),
            )
            for child in children
        ]

    def get_context(self, request: HttpRequest, *args: Any, **kwargs: Any) -> dict[str, Any]:
        """Adds `sections`: the teasers of each index page (`home_sections`)."""
        context = super().get_context(request, *args, **kwargs)
        context["sections"] = self.home_sections()
        return context


class Sector(ReviewedSnippetMixin, TranslatableMixin, models.Model):
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


class Venue(ReviewedSnippetMixin, TranslatableMixin, models.Model):
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
