"""Admin forms of the shared base: the image form that makes alt text mandatory."""

from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm


class AltTextRequiredImageForm(BaseImageForm):
    """Wagtail's image form with the `description` (used as the alt text) required.

    Installed through Wagtail's supported hook, `WAGTAILIMAGES_IMAGE_FORM_BASE`, so every
    admin route that builds an image form uses it: the add and edit views, the chooser's
    upload tab and the multiple uploader (which keeps the file as an `UploadedFile` and asks
    for the missing description before it creates the image). Images created in code (e.g.
    `seed_demo`) bypass forms and must set `description` themselves. Django's form field
    strips whitespace, so a description of only spaces counts as missing.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        description = self.fields.get("description")
        if description is not None:
            description.required = True
            description.label = _("Alternative text")
            description.help_text = _(
                "Describe the image for people who cannot see it (read aloud by screen "
                "readers, shown when the image does not load). Required."
            )
