from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgencyServicesConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "agency_services"
    verbose_name = _("Agency services")
