"""The workflow plugin: every route to "live" goes through review, in every language.

A self-contained Django app (label ``cms_workflow``) for any Wagtail + wagtail-localize site. It
imports no page type of the project: it works on any page (or other ``TranslatableMixin``
object) through its ``locale``, and is configured by one setting::

    CMS_WORKFLOW = {
        "REVIEW_GROUPS": {"hu": "Moderators", "en": "Translation reviewers"},
        "WORKFLOW_NAME": "Cluster site",  # the workflow the migrations install on the root
        "TRANSLATOR_GROUPS": {"en": "Translators"},  # the "To translate" dashboard panel
    }

Contract:

- **Review by language** (`models.LocaleApprovalTask`): a Wagtail workflow task whose approvers
  are chosen by the object's locale: members of the group mapped to its language code may
  approve or reject it, nobody else (superusers excepted). A language with no group is approved
  by superusers only: an unconfigured language fails closed. The mapping is stored on the task,
  so administrators edit it in Settings > Workflows > Tasks; the setting seeds it.
- **One workflow on the root** (migration ``0002``): Wagtail's default "Moderators approval"
  workflow is deactivated and the root page's assignment replaced by ``WORKFLOW_NAME`` with the
  task above, so every page of every locale is reviewed. Each review group of the setting is
  created (with admin access) when missing. Both steps are idempotent and reversible.
- **Publish by language** (`reviewers`, migration ``0004``): each review group edits and
  publishes the top-level pages of its language and publishes nothing else; Wagtail's
  "Moderators" lose their publish permission on the root. So Wagtail's own routes to live (bulk
  publish, revert-and-publish, copy with "publish copies", go-live dates), which all check
  publish permission, are closed to everyone but the language's reviewers.
- **No side door** (`routes`): the wagtail-localize routes that publish or reveal content
  without review are wrapped, in the admin's own URLs, by permission checks; no locale may
  "sync from" another (its aliases would go live with their source; migration ``0005``).
- **Submit for review from the translation editor** (`translation_review`): the synced
  translation is saved as a draft revision built in memory and the page's workflow started on
  it; the live page keeps its approved text until a reviewer approves.
- **Notices** (`notices`, `notify`, `signals`, `mail`, `jobs`, `panels`, `views`): approvers hear
  of a submission, submitters of an approval or a request for changes (with the comment), as an
  in-admin notice (dashboard panel "Waiting for you", the "Notices" page) and an e-mail sent once
  by a django-q2 job in the recipient's admin language, with a periodic sweep for e-mails whose
  job was lost (`jobs.SCHEDULES`, to be upserted by the site); Wagtail's own workflow e-mails are
  replaced for workflows with the plugin's task.
- **Audit** (`audit`): the translation editor's submission and the sync are logged with who.

- **Reviewed snippets** (`snippets`): translatable snippets with drafts and the workflow; a
  live row is never overwritten by wagtail-localize's draft save; translators (change without
  add) edit translations only. An approved workflow publishes as the approval says
  (`finish.publish_approved`, set as ``WAGTAIL_FINISH_WORKFLOW_ACTION``), not by the
  approver's per-model publish permission. Publishing one directly, by any route, needs the
  publish permission and membership of its language's review group (`snippets.may_publish`).

- **Translation status in the admin** (`status`, `report`, `report_views`, `panels`): the
  report "Translations" (filters, oldest waiting first, CSV; it replaces wagtail-localize's in
  the Reports menu), the states in the page editor's status side panel, and the translators'
  dashboard panel "To translate" / "Rejected, to fix".
- **Scheduled publication** (`scheduled`, job `jobs.publish_scheduled` about every 30 s):
  approved go-live and expiry dates honoured on time, each revision once (row lock with
  ``skip_locked``) and on its own; failures kept, retried, audited and reported.
- **Publish together** (`approval_choice`, `together`, `holds`, `hold_views`): a source revision
  approved "with its translation" (or by plain "Approve" where ``PUBLISH_WITH_TRANSLATION``
  defaults to it) is held, approved but not live; the translation loop runs for it at once;
  the approval of its complete translation publishes both in one transaction, or neither (the
  failure is recorded, reported and retried); a go-live time holds the pair until then; a
  publisher may release the source alone. Every step is audit-logged.
- **Preview links** (`previews`, `preview_api`): a signed, expiring token for one revision,
  served by an API endpoint the site mounts, never cached, redacted from logs by the site.

The plugin never edits site-packages: it works through Wagtail hooks and URL wrappers only.
"""
