"""The plugin's settings, read from ``settings.CMS_WORKFLOW`` with defaults.

Read at call time, never cached at import, so ``override_settings`` works in tests. Migrations
read them too (to seed the task and create the review groups): changing the setting later does
not rewrite an installed task, which administrators edit in the admin.
"""

from django.conf import settings

DEFAULT_WORKFLOW_NAME = "Cluster site"


def _options() -> dict:
    return getattr(settings, "CMS_WORKFLOW", {})


def review_groups() -> dict[str, str]:
    """Language code -> name of the group whose members approve content in that language."""
    return dict(_options().get("REVIEW_GROUPS", {}))


def workflow_name() -> str:
    """The name of the workflow installed on the root page."""
    return _options().get("WORKFLOW_NAME", DEFAULT_WORKFLOW_NAME)


def translator_groups() -> dict[str, str]:
    """Language code -> name of the group whose members translate into that language: they
    hear of the translation loop's work (`loop`) and see the dashboard panel "To translate"
    (`panels`). A language without a group: superusers hear of the loop's work.
    """
    return dict(_options().get("TRANSLATOR_GROUPS", {}))


def preview_urls() -> dict[str, str]:
    """Language code -> the front end's preview URL (`previews`); empty: no link offered."""
    return {code: url for code, url in _options().get("PREVIEW_URLS", {}).items() if url}


def preview_max_age() -> int:
    """Seconds a preview token stays valid (default one hour)."""
    return int(_options().get("PREVIEW_MAX_AGE", 3600))


def publish_with_translation() -> tuple[set[str], list[str]]:
    """Where plain "Approve" holds a source revision for its translation (`together`):
    ``CMS_WORKFLOW["PUBLISH_WITH_TRANSLATION"] = {"types": [...], "sections": [...]}``, model
    labels (``"cluster_pages.clusterprofilepage"``, lower case) and source-language URL paths
    below the home page (``"/klaszterek/"``: that page and every page below it)."""
    options = _options().get("PUBLISH_WITH_TRANSLATION", {})
    types = {label.lower() for label in options.get("types", []) if label}
    sections = ["/" + path.strip("/") + "/" for path in options.get("sections", []) if path]
    return types, sections
