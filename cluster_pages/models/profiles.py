"""Cluster profiles: the page of one cluster of the region, with its counties and labels."""

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from cluster_pages.forms import MANAGERS_FIELD, ClusterProfilePageForm
from cluster_pages.managers import ASSIGN_PERMISSION
from cms.api_fields import ChoiceLabelField, ImageRenditionField, LocalizedManyField
from cms.api_streams import StreamJSONField
from cms.blocks import BodyBlock, SocialLinkBlock
from cms.models import PAGE_TEXT_FIELDS
from cms.visibility import SharedAncestorsMixin


class County(models.TextChoices):
    """The three counties of the North Great Plain region."""

    HAJDU_BIHAR = "hajdu-bihar", _("Hajdú-Bihar")
    JASZ_NAGYKUN_SZOLNOK = "jasz-nagykun-szolnok", _("Jász-Nagykun-Szolnok")
    SZABOLCS_SZATMAR_BEREG = "szabolcs-szatmar-bereg", _("Szabolcs-Szatmár-Bereg")


class QualityLabel(models.TextChoices):
    NONE = "none", _("None")
    ACCREDITED = "hu-accredited", _("Hungarian accredited cluster")
    ESCA_BRONZE = "esca-bronze", _("ESCA/EUCLES Bronze label")
    ESCA_SILVER = "esca-silver", _("ESCA/EUCLES Silver label")
    ESCA_GOLD = "esca-gold", _("ESCA/EUCLES Gold label")


class ClusterProfilePage(SharedAncestorsMixin, Page):
    """One cluster's profile. The page title is the cluster's name.

    Texts are translated; facts (numbers, dates, contacts, logo, sectors) are synchronised from
    the Hungarian source, so translators only ever see text.
    """

    summary = models.TextField(_("short summary"), max_length=400)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    description = StreamField(BodyBlock(), verbose_name=_("description"), blank=True)
    sectors = ParentalManyToManyField("cms.Sector", verbose_name=_("sectors"), blank=True)
    county = models.CharField(_("county"), max_length=32, choices=County.choices)
    city = models.CharField(_("city"), max_length=100)
    founding_year = models.PositiveSmallIntegerField(
        _("founding year"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
    )
    members_companies = models.PositiveIntegerField(_("member companies"), default=0)
    members_research = models.PositiveIntegerField(
        _("member research and higher-education organisations"), default=0
    )
    members_public_other = models.PositiveIntegerField(
        _("member public and other bodies"), default=0
    )
    management_organisation = models.CharField(
        _("cluster management organisation"), max_length=200, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact e-mail"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    website = models.URLField(_("website"), blank=True)
    quality_label = models.CharField(
        _("quality label"), max_length=20, choices=QualityLabel.choices, default=QualityLabel.NONE
    )
    quality_label_expires = models.DateField(_("quality label expires"), null=True, blank=True)
    social_links = StreamField(
        [("link", SocialLinkBlock())], verbose_name=_("social links"), blank=True
    )

    content_panels = [
        *Page.content_panels,
        "summary",
        "logo",
        "description",
        MultiFieldPanel(
            [
                FieldPanel("sectors", widget=forms.CheckboxSelectMultiple),
                FieldRowPanel(["county", "city", "founding_year"]),
            ],
            heading=_("Profile"),
        ),
        MultiFieldPanel(
            [FieldRowPanel(["members_companies", "members_research", "members_public_other"])],
            heading=_("Members"),
        ),
        MultiFieldPanel(
            [
                "management_organisation",
                FieldRowPanel(["contact_name", "contact_email", "contact_phone"]),
                "website",
                "social_links",
            ],
            heading=_("Management and contact"),
        ),
        MultiFieldPanel(
            [FieldRowPanel(["quality_label", "quality_label_expires"])],
            heading=_("Quality label"),
        ),
        # Only for those who may assign managers (Moderators); see `cluster_pages.managers`.
        FieldPanel(MANAGERS_FIELD, permission=ASSIGN_PERMISSION, heading=_("Cluster managers")),
    ]
    base_form_class = ClusterProfilePageForm
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("management_organisation"),
        index.FilterField("county"),
    ]

    api_fields = [
        APIField("summary"),
        APIField("logo", serializer=ImageRenditionField("max-400x400")),
        APIField("description", serializer=StreamJSONField()),
        APIField("sectors", serializer=LocalizedManyField(fields=("name", "slug"))),
        APIField("county"),
        APIField("county_display", serializer=ChoiceLabelField(source="county")),
        APIField("city"),
        APIField("founding_year"),
        APIField("members_companies"),
        APIField("members_research"),
        APIField("members_public_other"),
        APIField("members_total"),
        APIField("management_organisation"),
        APIField("contact_name"),
        APIField("contact_email"),
        APIField("contact_phone"),
        APIField("website"),
        APIField("quality_label"),
        APIField("quality_label_display", serializer=ChoiceLabelField(source="quality_label")),
        APIField("quality_label_expires"),
        APIField("social_links", serializer=StreamJSONField()),
    ]

    parent_page_types = ["cluster_pages.ClusterIndexPage"]
    subpage_types: list[str] = []

    translatable_fields = [
        *PAGE_TEXT_FIELDS,
        TranslatableField("summary"),
        TranslatableField("description"),
        TranslatableField("management_organisation"),
        SynchronizedField("logo"),
        SynchronizedField("sectors"),
        SynchronizedField("county"),
        SynchronizedField("city"),
        SynchronizedField("founding_year"),
        SynchronizedField("members_companies"),
        SynchronizedField("members_research"),
        SynchronizedField("members_public_other"),
        SynchronizedField("contact_name"),
        SynchronizedField("contact_email"),
        SynchronizedField("contact_phone"),
        SynchronizedField("website"),
        SynchronizedField("quality_label"),
        SynchronizedField("quality_label_expires"),
        SynchronizedField("social_links"),
    ]

    class Meta:
        verbose_name = _("cluster profile")
        verbose_name_plural = _("cluster profiles")
        permissions = [("assign_cluster_managers", _("Can assign cluster managers"))]

    @property
    def members_total(self) -> int:
        return self.members_companies + self.members_research + self.members_public_other
