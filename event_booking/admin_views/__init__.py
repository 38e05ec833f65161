"""Organiser tools in the Wagtail admin, one module per screen.

* `offerings`: all offerings with their seat counts (the Bookings menu item);
* `bookings`: one offering's bookings, with search, filter and CSV/Excel export
  (`export_columns` holds the columns);
* `actions`: cancel, promote, move, check in a booking, and send a failed e-mail again;
* `privacy`: export or erase one person's data;
* `speed_dating`: publish a speed-dating event's participant list, run its scheduler;
* `speed_schedule`: a speed-dating event's grid (print, CSV, table cards), publication,
  refill, meeting edits, no-show marks and outcomes report;
* `urls`: the URLconf, mounted by `wagtail_hooks` under /admin/bookings/.

Permissions (give them to the Organisers group; superusers have them all), checked with
Wagtail's `permission_required` (its "permission denied" redirect to the dashboard):
- `event_booking.view_booking`: see offerings and bookings, download CSV/Excel, export one
  person's data;
- `event_booking.change_booking`: cancel, promote, move and check in bookings; publish a
  speed-dating participant list and run its scheduler; publish its schedule, change meetings,
  mark no-shows;
- `event_booking.delete_booking`: erase (anonymise) one person's data.
The views only parse input and call the services; every rule lives there.
"""

PERM_VIEW = "event_booking.view_booking"
PERM_CHANGE = "event_booking.change_booking"
PERM_ERASE = "event_booking.delete_booking"
