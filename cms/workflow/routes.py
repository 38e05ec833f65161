"""Closed side doors: wagtail-localize routes that published or revealed content without review.

Each function wraps one of wagtail-localize's admin views (registered at the same URL, ahead of
the original, by `wagtail_hooks`) and refuses what the page editor would refuse, before the
original runs; what it lets through is handled by wagtail-localize unchanged. A refusal raises
`PermissionDenied` (Wagtail's admin answers with a redirect to the dashboard and a message) or,
for the translation editor's JSON endpoint, answers 400. Refusals are written to Wagtail's
audit log (`cms_workflow.refused`), so an administrator sees who tried what; a sync that went
through is logged too (`audit.SYNC`).

- "Sync translated pages" with "publish immediately": the user must be able to publish every
  translated page it would publish (or, for a page not translated yet, add and publish below
  its parent in that language), or, for a snippet, be allowed to publish it in the target
  language (`snippets.may_publish`: publish permission and that language's review group);
  otherwise the whole sync is refused.
- "Convert to alias": the user must be able to publish the page, and the page must be live: an
  alias shows its source's live content, so converting a draft would put it live unreviewed.
- "Translate this page": the user must be able to edit the source page; the form of a page
  they may not open is not shown (it carries the page's title).
- Segment overrides in the translation editor: where the source value is a link, the override
  must be a web, e-mail, telephone or relative link (`links`).
- "Synchronise content from another locale" in the locale form (wagtail-localize's
  `LocaleSynchronization`): refused to everyone, superusers included, with an error message.
  Such a sync fills the locale with aliases of the other locale's pages, and Wagtail publishes
  an alias whenever its source is published: Hungarian pages would go live in the English tree
  on a moderator's approval, without translation review. With the plugin every locale is
  reviewed, so no locale may sync; the migration `0005_no_locale_sync` removed the syncs
  configured before.
"""

import json
from collections.abc import Callable
from io import BytesIO
from typing import Any

from django.core.exceptions import PermissionDenied
from django.forms import CheckboxInput
from django.http import HttpRequest, HttpResponse, JsonResponse, QueryDict
from django.http.multipartparser import MultiPartParser
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail.admin import messages
from wagtail.admin.viewsets import viewsets
from wagtail.log_actions import log
from wagtail.models import DraftStateMixin, Locale, Page
from wagtail_localize.models import (
    LocaleSynchronization,
    OverridableSegment,
    Translation,
    TranslationSource,
)
from wagtail_localize.views import (
    convert,
    edit_translation,
    submit_translations,
    update_translations,
)

from cms.workflow import audit
from cms.workflow.links import is_link, is_safe_link
from cms.workflow.snippets import may_publish, may_publish_new

REFUSED = "cms_workflow.refused"

View = Callable[..., HttpResponse]


def refuse(request: HttpRequest, instance: Any, route: str) -> None:
    """Log the refused attempt on `instance` and raise `PermissionDenied`."""
    log(instance=instance, action=REFUSED, user=request.user, data={"route": route})
    raise PermissionDenied


def can_publish_translation(user: Any, translation: Translation) -> bool:
    """Whether publishing `translation`'s target page is within `user`'s own permissions."""
    source = translation.source.get_source_instance()
    if not isinstance(source, Page):
        # A snippet: published in the target's language, so checked on the target.
        target = source.get_translation_or_none(translation.target_locale)
        if target is not None:
            return may_publish(user, target)
        if isinstance(source, DraftStateMixin):
            return may_publish_new(user, type(source), translation.target_locale.language_code)
        return may_publish(user, source)
    try:
        target = source.get_translation(translation.target_locale)
    except Page.DoesNotExist:
        parent = source.get_parent()
        parent_translation = parent.get_translation_or_none(translation.target_locale)
        if parent_translation is None:
            return user.is_superuser
        return parent_translation.permissions_for_user(user).can_publish_subpage()
    return target.permissions_for_user(user).can_publish()


def sync_translations(request: HttpRequest, translation_source_id: int) -> HttpResponse:
    """Wagtail-localize's "Sync translated pages"; "publish immediately" for publishers only."""
    if request.method == "POST" and request.POST.get("publish_translations"):
        source = get_object_or_404(TranslationSource, pk=translation_source_id)
        for translation in source.translations.filter(enabled=True).select_related(
            "source", "target_locale"
        ):
            if not can_publish_translation(request.user, translation):
                refuse(request, source.get_source_instance(), "sync_publish")
    response = update_translations.UpdateTranslationsView.as_view()(
        request, translation_source_id=translation_source_id
    )
    if request.method == "POST" and response.status_code == 302:
        source = TranslationSource.objects.get(pk=translation_source_id)
        audit.log_sync(
            instance=source.get_source_instance(),
            user=request.user,
            publish=bool(request.POST.get("publish_translations")),
            locales=sorted(
                source.translations.filter(enabled=True).values_list(
                    "target_locale__language_code", flat=True
                )
            ),
        )
    return response


def convert_to_alias(request: HttpRequest, page_id: int) -> HttpResponse:
    """Wagtail-localize's "Convert to alias", for publishers of a live page only."""
    page = get_object_or_404(Page, pk=page_id)
    if not (page.live and page.permissions_for_user(request.user).can_publish()):
        refuse(request, page, "convert_to_alias")
    return convert.convert_to_alias(request, page_id)


def submit_page_translation(request: HttpRequest, page_id: int) -> HttpResponse:
    """Wagtail-localize's "Translate this page", for users who may edit the source page."""
    page = get_object_or_404(Page, pk=page_id)
    if not page.permissions_for_user(request.user).can_edit():
        refuse(request, page, "submit_translation")
    return submit_translations.SubmitPageTranslationView.as_view()(request, page_id=page_id)


def _put_data(request: HttpRequest) -> QueryDict:
    """The form fields of a PUT (Django parses only POST); the body stays readable after."""
    body = request.body
    if request.content_type == "multipart/form-data":
        data, _files = MultiPartParser(request.META, BytesIO(body), request.upload_handlers).parse()
        return data
    return QueryDict(body)


def edit_override(
    request: HttpRequest, translation_id: int, overridable_segment_id: int
) -> HttpResponse:
    """Wagtail-localize's override endpoint, refusing a link override that is not a safe link."""
    if request.method == "PUT":
        segment = get_object_or_404(OverridableSegment, pk=overridable_segment_id)
        value = _put_data(request).get("value")
        if is_link(json.loads(segment.data_json)) and not is_safe_link(value):
            translation = get_object_or_404(Translation, pk=translation_id)
            log(
                instance=translation.source.get_source_instance(),
                action=REFUSED,
                user=request.user,
                data={"route": "edit_override"},
            )
            return JsonResponse(
                {"error": _("Enter a web, e-mail, telephone or relative link.")}, status=400
            )
    return edit_translation.edit_override(
        request, translation_id=translation_id, overridable_segment_id=overridable_segment_id
    )


# wagtail-localize's locale form: the "enabled" box of its "sync from" component.
LOCALE_SYNC_ENABLED = f"component-{LocaleSynchronization._meta.db_table}-enabled"
LOCALES_VIEWSET = "wagtaillocales"
LOCALE_SYNC_REFUSED = gettext_lazy(
    "Synchronise content from another locale: not available, every locale is reviewed. "
    "Translate the pages instead."
)


def _locale_view(name: str) -> View:
    """The registered view `name` ("add", "edit") of wagtail-localize's locale viewset."""
    (viewset,) = [vs for vs in viewsets.viewsets if vs.name == LOCALES_VIEWSET]
    return getattr(viewset, f"{name}_view")


def _refuse_locale_sync(request: HttpRequest, locale: Locale | None) -> HttpResponse | None:
    """Refuse a locale form that turns on "sync from" (see the module docstring), else None."""
    if request.method != "POST" or not CheckboxInput().value_from_datadict(
        request.POST, request.FILES, LOCALE_SYNC_ENABLED
    ):
        return None
    if locale is not None:
        log(instance=locale, action=REFUSED, user=request.user, data={"route": "locale_sync"})
    messages.error(request, LOCALE_SYNC_REFUSED)
    return redirect(request.path)


def add_locale(request: HttpRequest) -> HttpResponse:
    """wagtail-localize's "Add a locale", without "sync from"."""
    return _refuse_locale_sync(request, None) or _locale_view("add")(request)


def edit_locale(request: HttpRequest, pk: str) -> HttpResponse:
    """wagtail-localize's locale editor, without "sync from"."""
    locale = Locale.objects.filter(pk=pk).first()
    return _refuse_locale_sync(request, locale) or _locale_view("edit")(request, pk=pk)
