"""The booking JSON API (Django REST framework), for the site's own and other front ends.

Routes (mounted at /api/bookings/ in cms/urls.py, outside the language prefixes; the OpenAPI
schema is at /api/schema/):

* `POST /api/bookings/` -> 201 new booking (with its token), 200 the address's existing
  active booking of the offering (no token; the manage link is e-mailed again, at most
  hourly), 400 `{field: [messages]}`, 409 `{"detail"}` (registration not open, closed, over),
  429 over the per-IP rate limit.
* `GET /api/bookings/<reference>/?token=...` -> 200 the booking; 404 for a wrong or missing
  token (the same as an unknown reference).
* `POST /api/bookings/<reference>/cancel/` `{"token"}` -> 200 cancelled (seats freed, the
  waiting list promoted); 404 wrong token; 409 already cancelled or the event has started.
* `POST /api/bookings/<reference>/leave-waitlist/` `{"token"}` -> 200 left the waiting list.

No session authentication (so no CSRF): the API is called cross-origin (CORS_ALLOWED_ORIGINS)
and the booking's token is the credential. Rate limit: `BOOKING_RATE_LIMIT` requests per IP
(e.g. `20/minute`; empty turns it off), counted over all these routes; the client IP is
REMOTE_ADDR unless `REST_FRAMEWORK["NUM_PROXIES"]` trusts X-Forwarded-For.
Views are thin: they validate shapes, call the services and map domain errors to statuses.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from django.conf import settings
from django.urls import path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.exceptions import ParseError
from rest_framework.parsers import JSONParser
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from event_booking.models import Booking
from event_booking.serializers import (
    BookingCreatedSerializer,
    BookingDetailSerializer,
    BookingExistingSerializer,
    BookingRequestSerializer,
    ErrorSerializer,
    TokenSerializer,
    booking_data,
    booking_detail_data,
)
from event_booking.services import bookings as booking_services
from event_booking.services import waitlist
from event_booking.services.consent import current_consent
from event_booking.services.errors import BookingError, BookingNotFound
from event_booking.services.speed_dating_profiles import ProfileDetails
from event_booking.tokens import booking_token, manage_url

DEFAULT_RATE_LIMIT = "20/minute"
_RATE = re.compile(r"^\s*[1-9][0-9]*\s*/\s*(s|sec|second|m|min|minute|h|hour|d|day)\s*$")

logger = logging.getLogger(__name__)


def rate_limit_is_valid(value: str) -> bool:
    """Whether `value` is empty (no limit) or a DRF rate such as `20/minute`."""
    return not value or bool(_RATE.match(value))


class BookingRateThrottle(SimpleRateThrottle):
    """Per-IP limit from `settings.BOOKING_RATE_LIMIT`, read at each request (empty = off).

    A malformed value is reported by `manage.py check` (event_booking.E001); at run time it
    falls back to DEFAULT_RATE_LIMIT rather than failing every request or dropping the limit.
    """

    scope = "bookings"

    def get_rate(self) -> str | None:
        value = getattr(settings, "BOOKING_RATE_LIMIT", "")
        if not rate_limit_is_valid(value):
            logger.error("BOOKING_RATE_LIMIT=%r is not a rate; using %s", value, DEFAULT_RATE_LIMIT)
            return DEFAULT_RATE_LIMIT
        return value.replace(" ", "") or None

    def get_cache_key(self, request: Request, view: APIView) -> str:
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


def error_response(error: BookingError) -> Response:
    """A domain error as the API answers it: 404, 400 on its field, or 409."""
    if isinstance(error, BookingNotFound):
        return Response({"detail": str(error.message)}, status=status.HTTP_404_NOT_FOUND)
    if error.field:
        return Response({error.field: [str(error.message)]}, status=status.HTTP_400_BAD_REQUEST)
    return Response({"detail": str(error.message)}, status=status.HTTP_409_CONFLICT)


class BoundedJSONParser(JSONParser):
    """DRF's JSON parser, answering 400 instead of 500 for a body nested too deeply.

    Python's JSON decoder raises `RecursionError` (not a `ValueError`, which DRF turns into
    400) at about a thousand levels: a 2 KB body of `[[[...]]]` would otherwise be a 500.
    """

    def parse(self, stream: Any, media_type: str | None = None, parser_context: Any = None) -> Any:
        try:
            return super().parse(stream, media_type, parser_context)
        except RecursionError:
            raise ParseError(_("The JSON body is nested too deeply.")) from None


class BookingAPIView(APIView):
    """Common settings: JSON only, no session auth (no CSRF), rate-limited per IP."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]
    parser_classes = [BoundedJSONParser]
    renderer_classes = [JSONRenderer]
    throttle_classes = [BookingRateThrottle]


_ERRORS_400 = OpenApiResponse(description=str(_("Field -> list of messages.")))
_ERROR = OpenApiResponse(response=ErrorSerializer)


class BookingCreateView(BookingAPIView):
    @extend_schema(
        operation_id="bookings_create",
        request=BookingRequestSerializer,
        responses={
            201: BookingCreatedSerializer,
            200: BookingExistingSerializer,
            400: _ERRORS_400,
            409: _ERROR,
            429: _ERROR,
        },
        summary="Book seats of an event or a training run",
    )
    def post(self, request: Request) -> Response:
        serializer = BookingRequestSerializer(data=request.data)
        if not serializer.is_valid():
            return Response(serializer.errors, status=status.HTTP_400_BAD_REQUEST)
        data = serializer.validated_data
        try:
            outcome = booking_services.book(
                page_id=data["page"],
                run_id=data.get("run"),
                booker=booking_services.BookerDetails.from_data(data),
                seats=data["seats"],
                language=data.get("language"),
                consent=current_consent(),
                profile=ProfileDetails.from_data(data),
            )
        except BookingError as error:
            return error_response(error)
        booking = outcome.booking
        if not outcome.created:
            if outcome.manage_link_resent:
                detail = _(
                    "This address already has a booking for this offering. We have e-mailed "
                    "its link to the address again."
                )
            else:
                detail = _(
                    "This address already has a booking for this offering. Its link was "
                    "e-mailed to the address less than an hour ago."
                )
            body = booking_data(booking, position=outcome.waitlist_position, detail=str(detail))
            return Response(body, status=status.HTTP_200_OK)
        body = booking_data(
            booking,
            position=outcome.waitlist_position,
            token=booking_token(booking),
            manage_url=manage_url(booking),
        )
        return Response(body, status=status.HTTP_201_CREATED)


def _find(reference: str, token: str | None) -> Booking:
    return booking_services.find_booking(reference=reference, token=token)


def _token_from(request: Request) -> str | None:
    data = request.data if isinstance(request.data, dict) else {}
    token = data.get("token") or request.query_params.get("token")
    return token if isinstance(token, str) else None


class BookingDetailView(BookingAPIView):
    @extend_schema(
        operation_id="bookings_retrieve",
        parameters=[OpenApiParameter("token", str, required=True)],
        responses={200: BookingDetailSerializer, 404: _ERROR, 429: _ERROR},
        summary="A booking, for the holder of its token",
    )
    def get(self, request: Request, reference: str) -> Response:
        try:
            booking = _find(reference, request.query_params.get("token"))
        except BookingError as error:
            return error_response(error)
        position = waitlist.waitlist_position(booking)
        return Response(booking_detail_data(booking, position=position))


class BookingCancelView(BookingAPIView):
    @extend_schema(
        operation_id="bookings_cancel",
        request=TokenSerializer,
        responses={200: BookingDetailSerializer, 404: _ERROR, 409: _ERROR, 429: _ERROR},
        summary="Cancel a booking (frees its seats; the waiting list moves up)",
    )
    def post(self, request: Request, reference: str) -> Response:
        try:
            booking = _find(reference, _token_from(request))
            booking = booking_services.cancel_booking(booking_id=booking.pk, by_booker=True)
        except BookingError as error:
            return error_response(error)
        return Response(booking_detail_data(booking, position=None))


class LeaveWaitlistView(BookingAPIView):
    @extend_schema(
        operation_id="bookings_leave_waitlist",
        request=TokenSerializer,
        responses={200: BookingDetailSerializer, 404: _ERROR, 409: _ERROR, 429: _ERROR},
        summary="Leave the waiting list",
    )
    def post(self, request: Request, reference: str) -> Response:
        try:
            booking = _find(reference, _token_from(request))
            booking = waitlist.leave_waitlist(booking_id=booking.pk)
        except BookingError as error:
            return error_response(error)
        return Response(booking_detail_data(booking, position=None))


app_name = "booking_api"
urlpatterns = [
    path("", BookingCreateView.as_view(), name="create"),
    path("<str:reference>/", BookingDetailView.as_view(), name="detail"),
    path("<str:reference>/cancel/", BookingCancelView.as_view(), name="cancel"),
    path("<str:reference>/leave-waitlist/", LeaveWaitlistView.as_view(), name="leave-waitlist"),
]
