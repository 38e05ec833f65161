"""The waiting list (issue 3, item 5): order, groups, automatic promotion, leaving.

Policy (event_booking/services/waitlist.py): strict order by (waitlisted_at, id); promotion is
first-that-fits, so an earlier entry that fits is never overtaken, and a later smaller entry
may take seats an earlier bigger group cannot use.
"""

import datetime as dt

import pytest
from django.utils import timezone

from event_booking.models import Booking, BookingStatus, EmailKind, EmailOutbox
from event_booking.services import bookings, waitlist
from event_booking.services.errors import (
    InvalidStatusChange,
    NoRoom,
    RegistrationClosed,
)
from tests import factories
from tests.event_booking.booking_helpers import event_page, waiting


@pytest.fixture
def full_event(home):
    """A 4-seat event, full: one booking of 2 seats (`pair`) and two singles."""
    page = event_page(home, capacity=4)
    offering = factories.offering(page)
    pair = factories.booking(offering, seats=2, email="pair@example.org")
    factories.booking(offering, email="single1@example.org")
    factories.booking(offering, email="single2@example.org")
    return offering, pair


def emails_of(booking):
    return set(EmailOutbox.objects.filter(booking=booking).values_list("kind", flat=True))


def test_bookings_that_do_not_fit_wait_in_the_order_they_came(full_event):
    offering, _pair = full_event

    entries = [factories.booking(offering, email=f"w{n}@example.org") for n in range(3)]

    assert waiting(offering) == ["w0@example.org", "w1@example.org", "w2@example.org"]
    assert [waitlist.waitlist_position(e) for e in entries] == [1, 2, 3]
    assert all(emails_of(e) == {EmailKind.WAITLISTED} for e in entries)


def test_a_cancellation_promotes_the_first_in_line_and_tells_them(full_event):
    offering, _pair = full_event
    single = Booking.objects.get(email="single1@example.org")
    first = factories.booking(offering, email="first@example.org")
    second = factories.booking(offering, email="second@example.org")

    bookings.cancel_booking(booking_id=single.pk)

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == BookingStatus.CONFIRMED
    assert first.confirmed_at is not None
    assert emails_of(first) == {EmailKind.WAITLISTED, EmailKind.PROMOTED}
    assert second.status == BookingStatus.WAITLISTED
    assert waitlist.waitlist_position(second) == 1
    assert EmailKind.CANCELLED in emails_of(single)


def test_freed_seats_go_to_every_entry_that_fits_in_order(full_event):
    offering, pair = full_event
    a = factories.booking(offering, email="a@example.org")
    b = factories.booking(offering, email="b@example.org")
    c = factories.booking(offering, email="c@example.org")

    bookings.cancel_booking(booking_id=pair.pk)

    statuses = [Booking.objects.get(pk=x.pk).status for x in (a, b, c)]
    assert statuses == [BookingStatus.CONFIRMED, BookingStatus.CONFIRMED, BookingStatus.WAITLISTED]


def test_a_group_waits_whole_and_smaller_later_entries_take_seats_it_cannot_use(full_event):
    offering, _pair = full_event
    group = factories.booking(offering, seats=3, email="group@example.org")
    single = factories.booking(offering, email="late-single@example.org")

    bookings.cancel_booking(booking_id=Booking.objects.get(email="single1@example.org").pk)

    group.refresh_from_db()
    single.refresh_from_db()
    assert group.status == BookingStatus.WAITLISTED
    assert waitlist.waitlist_position(group) == 1
    assert single.status == BookingStatus.CONFIRMED


def test_a_group_is_promoted_as_soon_as_its_seats_are_free_before_later_entries(full_event):
    offering, pair = full_event
    group = factories.booking(offering, seats=2, email="group@example.org")
    later = factories.booking(offering, email="later@example.org")

    bookings.cancel_booking(booking_id=pair.pk)

    group.refresh_from_db()
    later.refresh_from_db()
    assert group.status == BookingStatus.CONFIRMED
    assert later.status == BookingStatus.WAITLISTED


def test_an_earlier_entry_that_fits_is_never_overtaken_by_a_newcomer(full_event):
    offering, pair = full_event
    early = factories.booking(offering, email="early@example.org")

    bookings.cancel_booking(booking_id=pair.pk)
    newcomer = factories.booking(offering, email="new@example.org")

    early.refresh_from_db()
    assert early.status == BookingStatus.CONFIRMED
    assert newcomer.status == BookingStatus.CONFIRMED
    assert early.confirmed_at <= newcomer.confirmed_at


def test_a_newcomer_who_fits_is_confirmed_while_a_bigger_group_waits(full_event):
    offering, _pair = full_event
    group = factories.booking(offering, seats=3, email="group@example.org")
    bookings.cancel_booking(booking_id=Booking.objects.get(email="single1@example.org").pk)

    newcomer = factories.booking(offering, email="new@example.org")

    assert newcomer.status == BookingStatus.CONFIRMED
    group.refresh_from_db()
    assert group.status == BookingStatus.WAITLISTED


def test_cancelling_a_waitlisted_booking_promotes_nobody_and_keeps_the_order(full_event):
    offering, _pair = full_event
    a = factories.booking(offering, email="a@example.org")
    b = factories.booking(offering, email="b@example.org")

    bookings.cancel_booking(booking_id=a.pk)

    assert waiting(offering) == ["b@example.org"]
    b.refresh_from_db()
    assert b.status == BookingStatus.WAITLISTED
    assert waitlist.waitlist_position(b) == 1


def test_leaving_the_waiting_list(full_event):
    offering, _pair = full_event
    a = factories.booking(offering, email="a@example.org")
    factories.booking(offering, email="b@example.org")

    left = waitlist.leave_waitlist(booking_id=a.pk)

    assert left.status == BookingStatus.LEFT_WAITLIST
    assert waiting(offering) == ["b@example.org"]
    with pytest.raises(InvalidStatusChange):
        waitlist.leave_waitlist(booking_id=a.pk)
    # Someone who left can queue again, at the end.
    again = factories.booking(offering, email="a@example.org")
    assert again.pk != a.pk
    assert waiting(offering) == ["b@example.org", "a@example.org"]


def test_a_confirmed_booking_cannot_leave_the_waiting_list(full_event):
    _offering, pair = full_event

    with pytest.raises(InvalidStatusChange):
        waitlist.leave_waitlist(booking_id=pair.pk)


def test_an_organiser_can_promote_out_of_order_only_into_free_seats(full_event):
    offering, _pair = full_event
    factories.booking(offering, seats=2, email="group@example.org")
    late = factories.booking(offering, email="late@example.org")

    with pytest.raises(NoRoom):
        waitlist.promote_booking(booking_id=late.pk)
    bookings.cancel_booking(booking_id=Booking.objects.get(email="single1@example.org").pk)
    late.refresh_from_db()

    assert late.status == BookingStatus.CONFIRMED  # automatically: the group did not fit
    with pytest.raises(InvalidStatusChange):
        waitlist.promote_booking(booking_id=late.pk)


def test_nobody_is_promoted_once_the_event_has_started(full_event, monkeypatch):
    offering, pair = full_event
    entry = factories.booking(offering, email="a@example.org")
    started = offering.starts_at + dt.timedelta(minutes=5)
    monkeypatch.setattr(timezone, "now", lambda: started)

    bookings.cancel_booking(booking_id=pair.pk)  # an organiser, after the start

    entry.refresh_from_db()
    assert entry.status == BookingStatus.WAITLISTED


def test_promotion_continues_after_the_registration_deadline(home, monkeypatch):
    page = event_page(home, capacity=1)
    offering = factories.offering(page)
    holder = factories.booking(offering)
    entry = factories.booking(offering)
    after_deadline = page.start - dt.timedelta(minutes=30)
    page.registration_closes = page.start - dt.timedelta(hours=1)
    page.save_revision().publish()
    monkeypatch.setattr(timezone, "now", lambda: after_deadline)

    with pytest.raises(RegistrationClosed):
        factories.booking(offering)
    bookings.cancel_booking(booking_id=holder.pk, by_booker=True)

    entry.refresh_from_db()
    assert entry.status == BookingStatus.CONFIRMED


def test_promote_waitlist_is_harmless_when_nothing_fits(full_event):
    offering, _pair = full_event
    entry = factories.booking(offering, email="a@example.org")

    assert waitlist.promote_waitlist(offering_id=offering.pk) == []
    assert waitlist.promote_waitlist(offering_id=offering.pk) == []
    entry.refresh_from_db()
    assert entry.status == BookingStatus.WAITLISTED
    assert not EmailOutbox.objects.filter(kind=EmailKind.PROMOTED).exists()


def test_unlimited_capacity_confirms_everyone(home):
    offering = factories.offering(event_page(home, capacity=None))

    group = [factories.booking(offering, seats=5) for _ in range(10)]

    assert {b.status for b in group} == {BookingStatus.CONFIRMED}


def test_a_booking_rolled_back_leaves_no_seat_and_no_email(full_event):
    from django.db import transaction

    offering, pair = full_event

    class Abort(Exception):
        pass

    with pytest.raises(Abort), transaction.atomic():
        bookings.cancel_booking(booking_id=pair.pk)
        raise Abort

    pair.refresh_from_db()
    assert pair.status == BookingStatus.CONFIRMED
    assert not EmailOutbox.objects.filter(kind=EmailKind.CANCELLED).exists()


def test_reminders_can_be_turned_off_and_on(full_event):
    _offering, pair = full_event

    assert bookings.set_reminders(booking_id=pair.pk, enabled=False).reminders_enabled is False
    pair.refresh_from_db()
    assert pair.reminders_enabled is False
    assert bookings.set_reminders(booking_id=pair.pk, enabled=True).reminders_enabled is True
