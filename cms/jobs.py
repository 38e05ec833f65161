"""The project's own periodic jobs; each app's `jobs.py` may declare `SCHEDULES` (upserted by
name by `setup_schedules`) and `RETIRED_SCHEDULES` (names to delete).

Scheduled publication moved into the workflow plugin (`cms.workflow.scheduled`, its job
`cms.workflow.jobs.publish_scheduled`): the schedule this module used to declare is retired.
"""

SCHEDULES: list[dict] = []
RETIRED_SCHEDULES = ["cms.publish_scheduled_pages"]
