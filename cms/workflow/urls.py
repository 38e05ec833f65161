"""The notices' admin URLs (mounted under /admin/workflow/notices/ by `wagtail_hooks`), and the
preview links' (`preview_urlpatterns`, under /admin/workflow/preview/) and the held
publications' (`hold_urlpatterns`, under /admin/workflow/holds/)."""

from django.urls import path

from cms.workflow import hold_views, views

app_name = "cms_workflow_notices"

urlpatterns = [
    path("", views.notice_index, name="index"),
    path("<int:notice_id>/", views.open_notice, name="open"),
    path("read/", views.mark_all_read, name="mark_all_read"),
]

preview_urlpatterns = [
    path("<int:page_id>/", views.preview_link, name="link"),
    path("<int:page_id>/<int:revision_id>/", views.preview_link, name="revision_link"),
]

hold_urlpatterns = [
    path("<int:hold_id>/release/", hold_views.release_hold, name="release"),
]
