"""Generated cluster logos: small PNGs drawn with Pillow and stored as Wagtail images.

Logos are drawn, not downloaded, so the demo works offline and carries no third-party rights.
They are 240 px squares (a few kilobytes), which keeps `seed_demo` fast on SQLite.
"""

import io
from dataclasses import dataclass

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.images.models import AbstractImage

SIZE = 240


@dataclass(frozen=True)
class LogoSpec:
    """What a generated logo shows: the cluster's initials on its colours."""

    initials: str
    background: str
    foreground: str = "#ffffff"


def draw_logo(spec: LogoSpec) -> bytes:
    """Draw the logo as PNG bytes: a rounded square, a stripe and the initials."""
    canvas = PILImage.new("RGB", (SIZE, SIZE), "#ffffff")
    draw = ImageDraw.Draw(canvas)
    draw.rounded_rectangle((8, 8, SIZE - 8, SIZE - 8), radius=36, fill=spec.background)
    draw.rectangle((8, SIZE - 64, SIZE - 8, SIZE - 52), fill=spec.foreground)
    font = ImageFont.load_default(size=96 if len(spec.initials) <= 2 else 72)
    draw.text(
        (SIZE / 2, SIZE / 2 - 16), spec.initials, fill=spec.foreground, font=font, anchor="mm"
    )
    buffer = io.BytesIO()
    canvas.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def ensure_logo(
    *, title: str, alt_text: str, spec: LogoSpec, filename: str
) -> tuple[AbstractImage, bool]:
    """Return the image titled `title` (and whether it was created now), drawing it if missing.

    The title is the key: a second run (or a cluster page re-created after its deletion) reuses
    the stored image instead of uploading a duplicate. `alt_text` goes into the image's
    `description`, which Wagtail uses as the default alt text of its renditions.
    """
    image_model = get_image_model()
    existing = image_model.objects.filter(title=title).order_by("pk").first()
    if existing is not None:
        return existing, False
    image = image_model(title=title, description=alt_text)
    image.file = ImageFile(io.BytesIO(draw_logo(spec)), name=filename)
    # Size and hash as the admin's upload form records them (the hash finds duplicates).
    image._set_image_file_metadata()
    image.save()
    return image, True
