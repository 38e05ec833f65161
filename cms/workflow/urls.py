"""The notices' admin URLs (mounted under /admin/workflow/notices/ by `wagtail_hooks`)."""

from django.urls import path

from cms.workflow import views

app_name = "cms_workflow_notices"

urlpatterns = [
    path("", views.notice_index, name="index"),
    path("<int:notice_id>/", views.open_notice, name="open"),
    path("read/", views.mark_all_read, name="mark_all_read"),
]
