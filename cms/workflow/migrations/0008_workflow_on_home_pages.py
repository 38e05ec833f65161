"""Put the "Cluster site" workflow on the home page of each locale instead of the root.

Each language's pages are reviewed under their home page (`cms.workflow.placement`). Reversible
and idempotent: backwards, the workflow sits on the root page again, as 0002 left it.
"""

from django.db import migrations

from cms.workflow import placement


class Migration(migrations.Migration):
    dependencies = [("cms_workflow", "0007_translation_notices")]

    operations = [migrations.RunPython(placement.move_from_root, placement.move_to_root)]
