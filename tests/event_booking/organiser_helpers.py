"""Helpers of the organiser-admin and privacy tests: users with and without the Organisers
permissions. Offerings and bookings come from `tests.factories` (bookings written in a given
status: the listing and export do not care how a booking was made; actions go through the
services in the tests themselves)."""

from django.contrib.auth.models import Group, Permission, User
from wagtail.users.models import UserProfile

ORGANISER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("event_booking", "view_booking"),
    ("event_booking", "change_booking"),
    ("event_booking", "delete_booking"),
]


#: The password of every user `user_with` makes (the browser journey logs in with it).
PASSWORD = "pw-12345678"


def user_with(username: str, permissions: list[tuple[str, str]]) -> User:
    group, _created = Group.objects.get_or_create(name=f"group-{username}")
    for app_label, codename in permissions:
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user = User.objects.create_user(username, f"{username}@agency.example", PASSWORD)
    user.groups.add(group)
    # The admin speaks the user's preferred language (Hungarian by default): tests read English.
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


def organiser() -> User:
    return user_with("organiser", ORGANISER_PERMISSIONS)


def editor_without_booking_rights() -> User:
    return user_with("editor", [("wagtailadmin", "access_admin")])
