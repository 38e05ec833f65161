"""The Consultants role, installed by the migration `agency_services.0002_consultants_role`.

- **Consultants**: the agency's consultants. Admin access; see every consultation request,
  decide on it, plan sessions and log the days delivered (`view_` and
  `change_consultationrequest`); keep the services log (applications for clusters, support at
  international events: add, change, delete, view); edit the consultation budget (Settings →
  Consultation budget, `change_consultationsettings`).
- **Cluster managers** get nothing new from a permission: they request consultation for the
  clusters whose page they manage (a direct `change_page` grant of a "Cluster managers: <name>"
  group, `cluster_pages.roles`) and see only those clusters' requests (`services.access`).
"""

#: The group; its permissions are the migration's (a migration keeps its own frozen copy).
CONSULTANTS = "Consultants"

#: Seeing every request (consultants); deciding, planning and logging days.
PERM_VIEW_ALL = "agency_services.view_consultationrequest"
PERM_CONSULT = "agency_services.change_consultationrequest"

#: The evidence dashboard (its CSV and printable report): the agency's staff, i.e.
#: Consultants and Moderators (migration 0004) and superusers; not cluster managers,
#: editors, translators or organisers.
PERM_EVIDENCE = "agency_services.view_evidence"
