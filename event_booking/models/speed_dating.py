"""Speed dating: participants, meeting requests, meetings and their feedback (issue 11).

The event's settings (rounds, tables, deadline, objective ...) are fields of `EventPage`
(`speed_*`, synchronised to its translations, read from the live source page). What changes
while the event runs lives here, keyed by the event's `Offering` (shared by both languages):

- `SpeedDatingEvent`: the organiser's publication steps and the scheduler's last run.
- `Participant`: the profile collected with a booking (one-to-one); check-in is the booking's
  `checked_in_at`. A cancelled booking drops out of lists, requests and scheduling.
- `MeetingRequest`: one participant asks to meet one of the other side, with a rank.
- `Meeting`: one scheduled meeting (round, table, company, researcher).
- `MeetingFeedback`: a participant's rating and outcome of a meeting, after the event and
  again at the six-month follow-up.

Participants are identified towards the pure scheduler by `str(participant.pk)`.
"""

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from event_booking.models.bookings import Booking
from event_booking.models.fields_of_interest import FieldOfInterest
from event_booking.models.offerings import Offering


class Side(models.TextChoices):
    COMPANY = "company", _("Company")
    RESEARCHER = "researcher", _("Researcher")


class Objective(models.TextChoices):
    MOST_WANTED = "most-wanted", _("Most wanted meetings")
    AT_LEAST_N = "at-least-n", _("Everyone gets at least N meetings where possible")


class SidesThatMeet(models.TextChoices):
    COMPANIES_RESEARCHERS = "companies-researchers", _("Companies with researchers")


class RequestStatus(models.TextChoices):
    PENDING = "pending", _("Pending")
    ACCEPTED = "accepted", _("Accepted")
    DECLINED = "declined", _("Declined")
    EXPIRED = "expired", _("Expired")


class MeetingStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("Scheduled")
    CANCELLED = "cancelled", _("Cancelled")


class MeetingOutcome(models.TextChoices):
    NO_FURTHER_CONTACT = "no-further-contact", _("No further contact")
    FOLLOW_UP_PLANNED = "follow-up-planned", _("Follow-up planned")
    JOINT_PROJECT_IDEA = "joint-project-idea", _("Joint project idea")
    COOPERATION_AGREEMENT = "cooperation-agreement", _("Cooperation agreement")


class FeedbackStage(models.TextChoices):
    AFTER_EVENT = "after-event", _("After the event")
    FOLLOW_UP = "follow-up", _("Six months later")


class SpeedDatingEvent(models.Model):
    """The running state of one speed-dating event (its settings are on the event page).

    `participants_published_at` opens browsing and requests; `schedule_published_at` freezes
    the schedule (afterwards only "fill freed slots" and organiser edits change it).
    `deadline_run_for` is the request deadline the automatic scheduler run has handled, so the
    job at the deadline runs once per deadline however often it is called.
    """

    offering = models.OneToOneField(
        Offering,
        verbose_name=_("offering"),
        on_delete=models.CASCADE,
        related_name="speed_dating",
    )
    participants_published_at = models.DateTimeField(
        _("participant list published"), null=True, blank=True
    )
    schedule_published_at = models.DateTimeField(_("schedule published"), null=True, blank=True)
    scheduled_at = models.DateTimeField(_("scheduler last run"), null=True, blank=True)
    deadline_run_for = models.DateTimeField(
        _("automatic run done for deadline"), null=True, blank=True
    )
    schedule_report = models.JSONField(_("scheduler report"), default=dict, blank=True)
    schedule_version = models.PositiveIntegerField(
        _("schedule version"),
        default=0,
        help_text=_("Raised at every change after publication; e-mails refer to it."),
    )

    class Meta:
        verbose_name = _("speed-dating event")
        verbose_name_plural = _("speed-dating events")

    def __str__(self) -> str:
        return str(self.offering)


class Participant(models.Model):
    """The speed-dating profile of one booking.

    `offer` and `look_for` are written by the participant in `booking.language` and shown as
    written. `cluster` is a plain page reference (the booking engine does not import the
    cluster pages); the booking form offers the event's participating clusters. Nobody else
    sees the profile unless `profile_consent` is true.
    """

    booking = models.OneToOneField(
        Booking,
        verbose_name=_("booking"),
        on_delete=models.CASCADE,
        related_name="speed_dating_profile",
    )
    side = models.CharField(_("side"), max_length=12, choices=Side.choices)
    organisation = models.CharField(_("organisation"), max_length=200)
    cluster = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("cluster"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    interests = models.ManyToManyField(
        FieldOfInterest, verbose_name=_("fields of interest"), related_name="+", blank=True
    )
    offer = models.TextField(_("what we offer"), max_length=1000)
    look_for = models.TextField(_("what we look for"), max_length=1000)
    auto_accept = models.BooleanField(_("accept requests automatically"), default=False)
    profile_consent = models.BooleanField(
        _("other participants of this event may see my profile"), default=False
    )
    profile_consent_at = models.DateTimeField(_("profile consent given"), null=True, blank=True)
    request_reminder_sent_at = models.DateTimeField(
        _("request reminder sent"), null=True, blank=True
    )
    follow_up_sent_at = models.DateTimeField(_("follow-up sent"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("speed-dating participant")
        verbose_name_plural = _("speed-dating participants")
        ordering = ["organisation", "id"]

    def __str__(self) -> str:
        return self.organisation

    @property
    def scheduler_id(self) -> str:
        """The id the pure scheduler knows this participant by."""
        return str(self.pk)


class MeetingRequest(models.Model):
    """`sender` asks to meet `recipient` (of the other side); `rank` 1 is the first choice.

    One request per ordered pair; the reverse request is the recipient's own (both accepted
    makes a mutual request). Pending requests expire at the deadline and never block anyone.
    """

    sender = models.ForeignKey(
        Participant,
        verbose_name=_("from"),
        on_delete=models.CASCADE,
        related_name="requests_sent",
    )
    recipient = models.ForeignKey(
        Participant,
        verbose_name=_("to"),
        on_delete=models.CASCADE,
        related_name="requests_received",
    )
    rank = models.PositiveSmallIntegerField(_("rank"), validators=[MinValueValidator(1)])
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=RequestStatus.choices,
        default=RequestStatus.PENDING,
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting request")
        verbose_name_plural = _("meeting requests")
        ordering = ["sender", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["sender", "recipient"], name="one_request_per_pair"),
            models.CheckConstraint(
                condition=~Q(sender=F("recipient")), name="request_not_to_oneself"
            ),
            models.CheckConstraint(condition=Q(rank__gte=1), name="request_rank_from_one"),
        ]

    def __str__(self) -> str:
        return f"{self.sender_id}->{self.recipient_id} #{self.rank}"


class Meeting(models.Model):
    """One meeting of a company and a researcher in a round, at a table (both from 1).

    `locked` meetings are kept by every scheduler run. `version` is raised at every change
    (move, swap, cancel) so that change notices are sent once per version. The constraints
    hold only among scheduled meetings: a cancelled one frees its table and its people.
    """

    event = models.ForeignKey(
        SpeedDatingEvent,
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="meetings",
    )
    round = models.PositiveSmallIntegerField(_("round"), validators=[MinValueValidator(1)])
    table = models.PositiveSmallIntegerField(_("table"), validators=[MinValueValidator(1)])
    company = models.ForeignKey(
        Participant,
        verbose_name=_("company"),
        on_delete=models.CASCADE,
        related_name="company_meetings",
    )
    researcher = models.ForeignKey(
        Participant,
        verbose_name=_("researcher"),
        on_delete=models.CASCADE,
        related_name="researcher_meetings",
    )
    locked = models.BooleanField(_("locked"), default=False)
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=MeetingStatus.choices,
        default=MeetingStatus.SCHEDULED,
    )
    company_no_show = models.BooleanField(_("company did not come"), default=False)
    researcher_no_show = models.BooleanField(_("researcher did not come"), default=False)
    version = models.PositiveIntegerField(_("version"), default=1)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        ordering = ["event", "round", "table"]
        constraints = [
            models.UniqueConstraint(
                fields=["event", "round", "table"],
                condition=Q(status="scheduled"),
                name="one_meeting_per_table_and_round",
            ),
            models.UniqueConstraint(
                fields=["event", "round", "company"],
                condition=Q(status="scheduled"),
                name="company_one_meeting_per_round",
            ),
            models.UniqueConstraint(
                fields=["event", "round", "researcher"],
                condition=Q(status="scheduled"),
                name="researcher_one_meeting_per_round",
            ),
            models.UniqueConstraint(
                fields=["event", "company", "researcher"],
                condition=Q(status="scheduled"),
                name="pair_meets_once",
            ),
            models.CheckConstraint(
                condition=Q(round__gte=1, table__gte=1), name="meeting_round_table_from_one"
            ),
        ]

    def __str__(self) -> str:
        return f"R{self.round} T{self.table}: {self.company_id}/{self.researcher_id}"


class MeetingFeedback(models.Model):
    """A participant's rating (1-5) and outcome of one meeting, at one stage.

    The after-event answer and the six-month follow-up are separate rows (`stage`), so the
    follow-up does not overwrite what was said on the day.
    """

    meeting = models.ForeignKey(
        Meeting, verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="feedback"
    )
    participant = models.ForeignKey(
        Participant,
        verbose_name=_("participant"),
        on_delete=models.CASCADE,
        related_name="feedback",
    )
    stage = models.CharField(
        _("stage"), max_length=12, choices=FeedbackStage.choices, default=FeedbackStage.AFTER_EVENT
    )
    rating = models.PositiveSmallIntegerField(
        _("rating"), validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    outcome = models.CharField(_("outcome"), max_length=24, choices=MeetingOutcome.choices)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("meeting feedback")
        verbose_name_plural = _("meeting feedback")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "participant", "stage"], name="one_feedback_per_stage"
            ),
            models.CheckConstraint(
                condition=Q(rating__gte=1, rating__lte=5), name="feedback_rating_1_to_5"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting_id}:{self.participant_id}:{self.stage}"
