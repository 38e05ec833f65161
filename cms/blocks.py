"""StreamField blocks shared by every page type's rich description."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageBlock


class HeadingBlock(blocks.StructBlock):
    """A section heading; `level` keeps the document outline accessible."""

    text = blocks.CharBlock(label=_("Text"), max_length=200)
    level = blocks.ChoiceBlock(
        label=_("Level"),
        choices=[("h2", _("Heading 2")), ("h3", _("Heading 3"))],
        default="h2",
    )

    class Meta:
        icon = "title"
        label = _("Heading")
        template = "blocks/heading_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Attribution"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class LinkButtonBlock(blocks.StructBlock):
    """A call to action linking to a page of the site or to an external address."""

    label = blocks.CharBlock(label=_("Button text"), max_length=100)
    page = blocks.PageChooserBlock(label=_("Page"), required=False)
    url = blocks.URLBlock(label=_("External address"), required=False)

    class Meta:
        icon = "link"
        label = _("Button link")
        template = "blocks/link_button_block.html"


class BodyBlock(blocks.StreamBlock):
    """The rich description used by home, cluster, training and event pages."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        label=_("Paragraph"),
        features=["bold", "italic", "link", "document-link", "ol", "ul", "h3"],
        icon="pilcrow",
    )
    # Wagtail's ImageBlock carries its own alt text (or a "decorative" flag).
    image = ImageBlock(label=_("Image"))
    quote = QuoteBlock()
    button = LinkButtonBlock()


class SocialLinkBlock(blocks.StructBlock):
    platform = blocks.ChoiceBlock(
        label=_("Platform"),
        choices=[
            ("facebook", "Facebook"),
            ("linkedin", "LinkedIn"),
            ("instagram", "Instagram"),
            ("youtube", "YouTube"),
            ("x", "X"),
            ("other", _("Other")),
        ],
    )
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Social link")


class TrainerBlock(blocks.StructBlock):
    name = blocks.CharBlock(label=_("Name"), max_length=200)
    role = blocks.CharBlock(label=_("Role"), max_length=200, required=False)
    bio = blocks.TextBlock(label=_("Short biography"), required=False)

    class Meta:
        icon = "user"
        label = _("Trainer")
