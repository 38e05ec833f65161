"""Public booking routes, mounted under `/<lang>/bookings/` inside `i18n_patterns`
(before Wagtail's catch-all; see cms/urls.py). The JSON API is `event_booking.api`."""

from django.urls import path

from event_booking import agenda_views, matchmaking_views, views

urlpatterns = [
    path("new/<int:page_id>/", views.book, name="booking_create"),
    path("<str:reference>/", views.manage, name="booking_manage"),
    path("<str:reference>/cancel/", views.cancel, name="booking_cancel"),
    path("<str:reference>/leave-waitlist/", views.leave_waitlist, name="booking_leave_waitlist"),
    path("<str:reference>/reminders/", views.reminders, name="booking_reminders"),
    path("<str:reference>/agenda/", agenda_views.agenda, name="booking_agenda"),
    path("<str:reference>/agenda.ics", agenda_views.agenda_calendar, name="booking_agenda_ics"),
    path("<str:reference>/feedback/", agenda_views.feedback, name="booking_feedback"),
    path("<str:reference>/meetings/", matchmaking_views.meetings, name="booking_meetings"),
    path(
        "<str:reference>/meetings/requests/",
        matchmaking_views.send_requests,
        name="booking_meeting_requests",
    ),
    path(
        "<str:reference>/meetings/answer/",
        matchmaking_views.answer,
        name="booking_meeting_answer",
    ),
    path(
        "<str:reference>/meetings/auto-accept/",
        matchmaking_views.auto_accept,
        name="booking_meeting_auto_accept",
    ),
]
