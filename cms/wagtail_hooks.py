"""Admin registrations of the shared snippets."""

from wagtail.snippets.models import register_snippet

from cms.models import Sector, Venue

register_snippet(Sector)
register_snippet(Venue)
