"""Fields of interest are reviewed snippets (issue 8): readers see only live ones.

A field nobody published yet (a draft) or one taken offline is not offered by the booking
form, is refused by the booking API, and is not shown on the matchmaking page; an English
translation waiting for review is not shown in English (the live Hungarian name is).
"""

from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from event_booking.models import FieldOfInterest
from event_booking.tokens import booking_token
from tests import factories
from tests.event_booking.speed_dating_helpers import publish_list, speed_event


def draft_field(slug: str, name: str) -> FieldOfInterest:
    """A field of interest created as a draft, as the snippet editor's "Save draft" does."""
    field = FieldOfInterest(slug=slug, name=name, locale=Locale.objects.get(language_code="hu"))
    field.live = False
    field.save()
    field.save_revision()
    return field


def form_html(page, language: str = "hu") -> str:
    with translation.override(language):
        return Client().get(page.url).content.decode()


def test_the_booking_form_offers_live_fields_only(home):
    page, _offering = speed_event(home)
    factories.field_of_interest("akku", "Akkumulátorok")
    draft_field("titkos", "Titkos terület")

    html = form_html(page)

    assert "Akkumulátorok" in html
    assert "Titkos terület" not in html


def test_the_booking_api_refuses_a_field_that_is_not_live(home):
    page, _offering = speed_event(home)
    hidden = draft_field("titkos", "Titkos terület")

    response = Client().post(
        "/api/bookings/",
        {
            "page": page.pk,
            "name": "Kovács Anna",
            "email": "anna@example.org",
            "organisation": "Debreceni Egyetem",
            "consent": True,
            "side": "researcher",
            "interests": [hidden.pk],
            "offer": "Diagnosztika",
            "look_for": "Ipari partner",
            "profile_consent": True,
        },
        content_type="application/json",
    )

    assert response.status_code == 400
    assert "interests" in response.json()


def meetings_html(participant, language: str = "hu") -> str:
    """The participant's matchmaking page (its field filter and the profile cards)."""
    booking = participant.booking
    with translation.override(language):
        path = reverse("booking_meetings", kwargs={"reference": booking.reference})
    return Client().get(path, {"token": booking_token(booking)}).content.decode()


def test_an_english_translation_waiting_for_review_is_not_shown(home, en_home):
    page, offering = speed_event(home)
    field = factories.field_of_interest("akku", "Akkumulátorok", english="Batteries (draft)")
    FieldOfInterest.objects.filter(
        translation_key=field.translation_key, locale__language_code="en"
    ).update(live=False)
    company = factories.participant(page, "company", interests=(field,), language="en")
    factories.participant(page, "researcher", interests=(field,))
    publish_list(offering)

    html = meetings_html(company, "en")

    assert "Batteries (draft)" not in html
    assert "Akkumulátorok" in html


def test_the_matchmaking_page_hides_a_field_taken_offline(home):
    page, offering = speed_event(home)
    shown = factories.field_of_interest("akku", "Akkumulátorok")
    withdrawn = factories.field_of_interest("titok", "Visszavont terület")
    company = factories.participant(page, "company", interests=(shown,))
    factories.participant(page, "researcher", interests=(shown, withdrawn))
    publish_list(offering)
    withdrawn.unpublish()

    html = meetings_html(company)

    assert "Akkumulátorok" in html
    assert "Visszavont terület" not in html


def test_fields_of_interest_go_through_the_cluster_site_workflow(db):
    field = FieldOfInterest(locale=Locale.objects.get(language_code="hu"))

    assert field.get_workflow().name == "Cluster site"
