"""The evidence dashboard's setting and permission.

`region_clusters` is the number of clusters in the whole region (shown on our website or
not): the denominator of "regional clusters shown on the website and their share". It is a
site setting because nothing in the data can know it. The model also carries the permission
`view_evidence` (the dashboard, its CSV and the printable report), granted to Consultants and
Moderators by the migration `agency_services.0004_evidence_role`.
"""

from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting

#: The programme's seed figure: about 16 clusters in the region (8 shown, "about 50 %").
DEFAULT_REGION_CLUSTERS = 16


@register_setting(icon="table")
class EvidenceSettings(BaseSiteSetting):
    """Settings → Evidence of success: figures the data cannot know."""

    region_clusters = models.PositiveSmallIntegerField(
        _("clusters in the region"),
        default=DEFAULT_REGION_CLUSTERS,
        validators=[MinValueValidator(1)],
        help_text=_(
            "All clusters of the region, shown on the website or not: the evidence "
            "dashboard's share of regional clusters on the website is counted against it."
        ),
    )

    panels = [FieldPanel("region_clusters")]

    class Meta:
        verbose_name = _("evidence of success")
        permissions = [("view_evidence", _("Can see the evidence dashboard"))]
