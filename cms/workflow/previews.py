"""Preview links for other front ends: a signed, expiring token for one draft revision.

Contract:

- `link_for(revision=..., user=...)` gives a user who may edit the object (an editor, or a
  translator for their translation: Wagtail's page permissions decide) the front end's preview
  URL of that language with a token for that revision: ``<PREVIEW_URLS[language]>?token=...``
  (``{token}`` in the configured URL is replaced instead, when present). Any revision of the
  page may be previewed: a draft, a draft translation, one waiting for review.
- The token is signed with the site's SECRET_KEY (Django's `TimestampSigner`, salted), names
  the page and the revision, and expires after ``PREVIEW_MAX_AGE`` seconds (default one hour).
  `revision_for_token` returns the revision only when the signature is valid, not expired, and
  the revision still belongs to the page the token names; anything else is None (a 404 to the
  caller, who learns nothing about why).
- The API serves it (`preview_api.PreviewViewSetMixin`), never cached (``Cache-Control:
  private, no-store``); the project's log formatter redacts ``token=`` from every log line
  (`cms.logs`), so a token is never written to a log.

Settings (``CMS_WORKFLOW``): ``PREVIEW_URLS`` (language code -> the front end's preview URL; the
project reads them from ``PREVIEW_URL_HU`` / ``PREVIEW_URL_EN``) and ``PREVIEW_MAX_AGE``.
"""

from typing import Any
from urllib.parse import urlencode

from django.core import signing
from wagtail.models import Page, Revision

from cms.workflow import conf
from cms.workflow.models import language_of

SALT = "cms_workflow.preview"


class PreviewNotAllowed(Exception):
    """The user may not edit the page, or no front end preview URL is set for its language."""


def make_token(*, revision: Revision) -> str:
    """A signed token for `revision` of its page (see the module docstring)."""
    return signing.dumps({"p": int(revision.object_id), "r": revision.pk}, salt=SALT)


def revision_for_token(token: str) -> Revision | None:
    """The page revision `token` stands for, or None (invalid, tampered, expired, mismatched)."""
    try:
        payload = signing.loads(token, salt=SALT, max_age=conf.preview_max_age())
        page_id, revision_id = int(payload["p"]), int(payload["r"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None
    return (
        Revision.page_revisions.filter(pk=revision_id, object_id=str(page_id))
        .select_related("content_type")
        .first()
    )


def frontend_url(*, language: str, token: str) -> str:
    """The front end's preview URL for `language` with `token` in it."""
    base = conf.preview_urls().get(language, "")
    if not base:
        raise PreviewNotAllowed(language)
    if "{token}" in base:
        return base.replace("{token}", token)
    return f"{base}{'&' if '?' in base else '?'}{urlencode({'token': token})}"


def link_for(*, revision: Revision, user: Any) -> str:
    """The preview link of `revision` for `user`; raises `PreviewNotAllowed`."""
    page = Page.objects.get(pk=revision.object_id).specific
    if not page.permissions_for_user(user).can_edit():
        raise PreviewNotAllowed(page.pk)
    return frontend_url(language=language_of(page) or "", token=make_token(revision=revision))
