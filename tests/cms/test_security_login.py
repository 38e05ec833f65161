"""Brute-force protection of the admin login (django-axes, cms/login_protection.py).

Five wrong passwords for a username from one address lock that combination out for fifteen
minutes (the defaults): even the right password is refused, with a page that says why. Other
users, and the same user from another address, are unaffected.
"""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from django.test import Client

LOGIN = "/admin/login/"
PASSWORD = "correct horse battery staple"


@pytest.fixture(autouse=True)
def _fast_passwords(settings):
    """Each login attempt hashes a password; the default hasher would take seconds per test."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editors(django_user_model):
    return [
        django_user_model.objects.create_superuser(name, f"{name}@example.org", PASSWORD)
        for name in ("anna", "bela")
    ]


def log_in(client: Client, username: str, password: str = PASSWORD, **headers: str):
    return client.post(LOGIN, {"username": username, "password": password}, headers=headers)


def fail(client: Client, username: str, times: int) -> list[int]:
    return [log_in(client, username, "wrong").status_code for _ in range(times)]


def is_logged_in(client: Client) -> bool:
    return client.get("/admin/").status_code == 200


def test_five_wrong_passwords_lock_the_user_out_with_a_clear_page(client, editors):
    statuses = fail(client, "anna", 5)
    response = log_in(client, "anna", Accept_Language="en")

    assert statuses == [200, 200, 200, 200, 429]
    assert response.status_code == 429
    page = response.content.decode()
    assert "Too many failed logins" in page
    assert "After 5 failed attempts, logging in is blocked here for 15 minutes" in page
    assert not is_logged_in(client)


def test_four_wrong_passwords_do_not_lock(client, editors):
    fail(client, "anna", 4)

    response = log_in(client, "anna")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_a_locked_out_user_does_not_lock_out_another(client, editors):
    fail(client, "anna", 5)

    response = log_in(client, "bela")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_same_user_from_another_address_is_not_locked(editors):
    attacker = Client(REMOTE_ADDR="203.0.113.7")
    editor = Client(REMOTE_ADDR="198.51.100.20")
    fail(attacker, "anna", 5)

    assert log_in(attacker, "anna").status_code == 429
    assert log_in(editor, "anna").status_code == 302


def test_a_forged_forwarded_for_header_does_not_unlock(client, editors):
    fail(client, "anna", 5)

    response = log_in(client, "anna", X_Forwarded_For="192.0.2.99")

    assert response.status_code == 429


def test_the_lock_ends_after_the_cool_off(client, editors):
    fail(client, "anna", 5)
    AccessAttempt.objects.update(attempt_time=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=16))

    response = log_in(client, "anna")

    assert response.status_code == 302
    assert is_logged_in(client)


def test_the_lockout_page_is_in_hungarian_for_a_hungarian_browser(client, editors):
    fail(client, "anna", 5)

    response = log_in(client, "anna", Accept_Language="hu")

    assert response.status_code == 429
    assert "Túl sok sikertelen belépés" in response.content.decode()


def test_test_client_login_still_works(client, editors):
    assert client.login(username="anna", password=PASSWORD)
    assert not Client().login(username="anna", password="wrong")
