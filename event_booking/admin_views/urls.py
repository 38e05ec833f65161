"""The organiser tools' URLconf, mounted by wagtail_hooks under /admin/bookings/
(namespace `event_booking_admin`)."""

from django.urls import path

from event_booking.admin_views import (
    actions,
    bookings,
    offerings,
    privacy,
    speed_dating,
    speed_schedule,
)

app_name = "event_booking_admin"
urlpatterns = [
    path("", offerings.offering_index, name="offering_index"),
    path("offerings/<int:offering_id>/", bookings.offering_bookings, name="offering_bookings"),
    path(
        "offerings/<int:offering_id>/speed-dating/publish-list/",
        speed_dating.publish_participants,
        name="speed_dating_publish_list",
    ),
    path(
        "offerings/<int:offering_id>/speed-dating/run/",
        speed_dating.run_scheduler,
        name="speed_dating_run",
    ),
    path("<int:booking_id>/cancel/", actions.booking_cancel, name="booking_cancel"),
    path("<int:booking_id>/promote/", actions.booking_promote, name="booking_promote"),
    path("<int:booking_id>/move/", actions.booking_move, name="booking_move"),
    path("<int:booking_id>/check-in/", actions.booking_check_in, name="booking_check_in"),
    path("emails/<int:outbox_id>/retry/", actions.email_retry, name="email_retry"),
    path(
        "offerings/<int:offering_id>/speed-dating/",
        speed_schedule.speed_schedule,
        name="speed_schedule",
    ),
    path(
        "offerings/<int:offering_id>/speed-dating/publish/",
        speed_schedule.speed_publish,
        name="speed_publish",
    ),
    path(
        "offerings/<int:offering_id>/speed-dating/refill/",
        speed_schedule.speed_refill,
        name="speed_refill",
    ),
    path(
        "offerings/<int:offering_id>/speed-dating/outcomes/",
        speed_schedule.speed_outcomes,
        name="speed_outcomes",
    ),
    path("meetings/<int:meeting_id>/", speed_schedule.meeting_edit, name="speed_meeting"),
    path(
        "meetings/<int:meeting_id>/no-show/",
        speed_schedule.meeting_no_show,
        name="speed_meeting_no_show",
    ),
    path("personal-data/", privacy.person_data, name="person_data"),
    path("personal-data/erase/", privacy.person_erase, name="person_erase"),
]
