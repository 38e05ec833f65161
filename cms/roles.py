"""The editorial roles (Django groups), and the Translators role in full.

Every role is installed by migrations, so a fresh `migrate` on an empty database has each group
with its model and collection permissions; `seed_demo` only adds demo users to them. Page
permissions on pages that do not exist at migrate time are granted by a `post_save` receiver
when such a page is created (and, for pages that already existed, by the same migrations).
Grants only add what is missing: nothing here removes a permission an administrator granted
by hand (`cms.grants`), except the rewrites of Wagtail's defaults named below.

Wagtail's own migrations made "Editors" (add and edit every page, no publishing) and
"Moderators" (also publish, lock and unlock), both on the root page so in both languages.
Editors are left as Wagtail made them: they publish nothing, by any route. Moderators are
rewritten by the workflow plugin (`cms.workflow.reviewers`, migration `cms_workflow.0004`):
they keep add, edit, lock and unlock on the root, but publish only below the Hungarian home
page, so an English page goes live only through the Translation reviewers' approval. Wagtail's
"Moderators approval" workflow on the root is replaced by the plugin's "Cluster site" (which
also installs the "Translation reviewers" group, edit and publish below the English home page):
Moderators approve Hungarian pages, Translation reviewers English ones.

The roles of this project, and the module that grants each part:

- **Translators** (this module; migration `cms.0003_translators_role`): admin access and
  wagtail-localize's one permission, `wagtail_localize.submit_translation` ("Translate this
  page" / "Sync translated pages"), and `change_page` on each home page that is not in the
  source language (the English home page, made by translating the Hungarian one), which Wagtail
  applies to every page below it. They cannot add, publish or delete pages, and cannot open
  Hungarian pages. wagtail-localize's "Sync translated pages -> publish immediately", which
  checks only `submit_translation`, is closed to those who may not publish by the workflow
  plugin (`cms.workflow.routes`). Snippet permissions (venues, sectors, topics) of every
  role are in `cms.snippet_review`: translators edit English snippet translations only.
- **Cluster managers** (`cluster_pages.roles`): admin access and the images they need for
  their logo; each Hungarian cluster page has its own group "Cluster managers: <cluster>" with
  `change_page` on that page only, created with the page. Without publish, delete, lock or add
  permission they cannot publish, unpublish, delete, move, copy, revert-and-publish, schedule
  or lock by any route of the admin.
- **Organisers** (`event_booking.roles`, and `training_catalog.roles` for the training index
  pages): add, edit and publish events and trainings in Hungarian (`ORGANISER_PAGE_KINDS` on the
  Hungarian index pages); add and edit their English translations
  (`ORGANISER_TRANSLATION_KINDS` on the English index pages), which go live through translation
  review like every other English page; and manage their bookings.
"""

from collections.abc import Callable
from typing import Any

from django.apps import apps
from django.db.models.signals import post_save
from wagtail.models import Page

from cms.grants import default_language, grant_role_on_pages
from cms.models import HomePage

TRANSLATORS = "Translators"
CLUSTER_MANAGERS = "Cluster managers"
ORGANISERS = "Organisers"

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"

# What each role may do on the pages it is granted (and, in Wagtail, every page below them).
TRANSLATOR_PAGE_KINDS = ("change",)
ORGANISER_PAGE_KINDS = ("add", "change", "publish")  # below the source-language index pages
ORGANISER_TRANSLATION_KINDS = ("add", "change")  # below the others: translation review publishes


def grant_on_created_pages(
    page_model: type[Page],
    role: str,
    kinds: tuple[str, ...],
    *,
    when: Callable[[Page], bool] = lambda page: True,
) -> None:
    """Connect a receiver: each new `page_model` page (for which `when` holds) gives `role` `kinds`.

    `post_save` on creation, not publication: a draft index page is already the role's to fill.
    Called at import time by each app's `roles` module, which its `AppConfig.ready` imports.
    """

    def grant(
        sender: type, instance: Page, created: bool, raw: bool = False, **kwargs: Any
    ) -> None:
        if created and not raw and when(instance):
            grant_role_on_pages(apps, role, [instance], kinds)

    post_save.connect(
        grant,
        sender=page_model,
        weak=False,
        dispatch_uid=f"roles:{page_model._meta.label}:{role}:{','.join(kinds)}",
    )


def in_source_language(page: Page) -> bool:
    return page.locale.language_code == default_language()


def in_another_language(page: Page) -> bool:
    return not in_source_language(page)


def grant_organisers_on_created_pages(index_model: type[Page]) -> None:
    """Each new `index_model` page gives Organisers their kinds for its language (see above)."""
    grant_on_created_pages(index_model, ORGANISERS, ORGANISER_PAGE_KINDS, when=in_source_language)
    grant_on_created_pages(
        index_model, ORGANISERS, ORGANISER_TRANSLATION_KINDS, when=in_another_language
    )


# The English home page is created by translating the Hungarian one: Translators edit below it.
grant_on_created_pages(HomePage, TRANSLATORS, TRANSLATOR_PAGE_KINDS, when=in_another_language)
