"""The settings of the test run: the project's settings plus the workflow plugin's test app.

`tests.workflow_testapp` (the page type and snippet the plugin's tests use) is installed only
here, never in a deployment: `cms.settings` (`manage.py`, `make run`, production) does not list
it, so a site's database never gets its tables. pytest reads this module
(`DJANGO_SETTINGS_MODULE` in pyproject.toml) and builds the test database by the migrations,
the test app's included. Its migrations depend on the plugin's, never the other way round, so
`migrate` on a fresh database without the test app works, and `makemigrations --check` is
clean with either settings module.
"""

from cms.settings import *  # noqa: F403
from cms.settings import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "tests.workflow_testapp"]

# Plain "Approve" publishes at once in the tests, whatever the project's default
# (`CMS_WORKFLOW["PUBLISH_WITH_TRANSLATION"]`, cluster profiles): most tests approve to publish.
# tests/workflow/test_publish_together.py turns defaults on, and tests/cms/test_review_loop.py
# checks the project's own default (`PROJECT_PUBLISH_WITH_TRANSLATION`).
PROJECT_PUBLISH_WITH_TRANSLATION = CMS_WORKFLOW["PUBLISH_WITH_TRANSLATION"]  # noqa: F405
CMS_WORKFLOW = {**CMS_WORKFLOW, "PUBLISH_WITH_TRANSLATION": {}}  # noqa: F405
