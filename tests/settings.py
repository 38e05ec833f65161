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
