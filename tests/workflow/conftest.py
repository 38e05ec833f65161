"""Fixtures of the workflow plugin's tests: its own page type, and one user per role.

The plugin knows none of the project's page types, so these tests use `ReviewedPage`
(`tests.workflow_testapp`) under the home pages the project's migrations create.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from django_q.conf import Conf
from wagtail.models import Page
from wagtail.users.models import UserProfile

from tests.workflow_testapp.models import ReviewedPage

ROLES = {
    "moderator": "Moderators",
    "reviewer": "Translation reviewers",
    "editor": "Editors",
    "translator": "Translators",
    "manager": "Cluster managers",
}


@pytest.fixture
def users(db) -> dict:
    """One user per role, in its group: `users["reviewer"]` is in "Translation reviewers"."""
    made = {}
    for username, group in ROLES.items():
        user = get_user_model().objects.create_user(username=username, password="x")
        user.groups.add(Group.objects.get(name=group))
        made[username] = user
    return made


@pytest.fixture
def as_user(client, users):
    """Log the test client in as one of `users`: `as_user("reviewer")`."""

    def login(username: str):
        client.force_login(users[username])
        return client

    return login


@pytest.fixture
def hu_page(home) -> ReviewedPage:
    """A live Hungarian page with a body and a link."""
    page = ReviewedPage(
        title="Hírek", slug="hirek", body='<p>Régi <a href="https://example.hu">szöveg</a></p>'
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


@pytest.fixture
def en_page(hu_page, en_home, to_english) -> ReviewedPage:
    """The live English translation of `hu_page`, made through wagtail-localize."""
    return to_english(hu_page)


def draft(page: Page, title: str) -> Page:
    """Save a new draft revision of `page` with another title; the live version is unchanged."""
    page = Page.objects.get(pk=page.pk).specific
    page.title = title
    page.save_revision()
    return Page.objects.get(pk=page.pk).specific


def refused(response) -> bool:
    """Wagtail's admin answers a forbidden action with a 403, or a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


@pytest.fixture
def en_draft(home, en_home, to_english) -> ReviewedPage:
    """An English translation that was never published, of a live Hungarian page."""
    page = ReviewedPage(title="Pályázat", slug="palyazat", body="<p>Pályázati szöveg</p>")
    home.add_child(instance=page)
    page.save_revision().publish()
    english = to_english(page, publish=False)
    assert not english.live
    return english


@pytest.fixture
def jobs_inline(monkeypatch) -> None:
    """django-q2 runs enqueued jobs inline (`Q_CLUSTER["sync"]` is read once, at import)."""
    monkeypatch.setattr(Conf, "SYNC", True)


@pytest.fixture
def committed(django_capture_on_commit_callbacks, jobs_inline):
    """Run a block's on-commit callbacks (the loop's job and the e-mails, inline)."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def mailable(users) -> dict:
    """`users` with e-mail addresses (`<name>@example.org`) and an admin language each:
    Hungarian for the moderator and the editor, English for everyone else."""
    for name, user in users.items():
        user.email = f"{name}@example.org"
        user.save(update_fields=["email"])
        profile = UserProfile.get_for_user(user)
        profile.preferred_language = "hu" if name in {"moderator", "editor"} else "en"
        profile.save(update_fields=["preferred_language"])
    return users


def reject_translation(translation, submitter) -> None:
    """Submit a new revision of `translation` (a page or reviewed snippet) for review as
    `submitter`, and have a superuser reject it (the translators' "rejected, to fix")."""
    translation.save_revision()
    workflow_state = translation.get_workflow().start(translation, submitter)
    task_state = workflow_state.current_task_state
    boss = get_user_model().objects.create_superuser("boss")
    task_state.task.specific.on_action(task_state.specific, boss, "reject")


def translators_panel(html: str) -> tuple[str, str]:
    """The "Rejected, to fix" and the "To translate" lists of the dashboard's panel."""
    panel = html[html.index('id="cms-workflow-to-translate-section"') :]
    to_fix = panel[panel.index("data-to-fix") : panel.index("</ul>", panel.index("data-to-fix"))]
    todo = panel[panel.index("data-to-translate") :]
    return to_fix, todo[: todo.index("</ul>")]
