"""Bootstrap what every installation needs, reversibly (bakerydemo style):

- the English locale beside Wagtail's Hungarian default one;
- a Hungarian HomePage in place of Wagtail's "Welcome" page, as the default site's root;
- the EU industrial ecosystems as sectors, in Hungarian with their English translations
  (same translation key), which translators may later edit like any other snippet;
- the table of the database cache, so `migrate` alone prepares the default configuration.
"""

import uuid

from django.core.management import call_command
from django.db import migrations

SECTORS = [
    ("aerospace-defence", "Repülőgépipar és védelem", "Aerospace and defence"),
    ("agri-food", "Agrár-élelmiszeripar", "Agri-food"),
    ("construction", "Építőipar", "Construction"),
    ("cultural-creative", "Kulturális és kreatív ágazatok", "Cultural and creative industries"),
    ("digital", "Digitális ágazat", "Digital"),
    ("electronics", "Elektronika", "Electronics"),
    ("energy-intensive", "Energiaigényes iparágak", "Energy-intensive industries"),
    ("renewable-energy", "Megújuló energia", "Renewable energy"),
    ("health", "Egészségügy", "Health"),
    ("mobility", "Mobilitás, közlekedés és járműipar", "Mobility, transport and automotive"),
    (
        "proximity-social",
        "Közelségi és szociális gazdaság, polgári biztonság",
        "Proximity, social economy and civil security",
    ),
    ("retail", "Kiskereskedelem", "Retail"),
    ("textiles", "Textilipar", "Textiles"),
    ("tourism", "Turizmus", "Tourism"),
]


def forwards(apps, schema_editor):
    Locale = apps.get_model("wagtailcore", "Locale")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    ContentType = apps.get_model("contenttypes", "ContentType")
    HomePage = apps.get_model("cms", "HomePage")
    Sector = apps.get_model("cms", "Sector")

    hungarian, _ = Locale.objects.get_or_create(language_code="hu")
    english, _ = Locale.objects.get_or_create(language_code="en")

    if not HomePage.objects.exists():
        Page.objects.filter(depth=2, content_type__model="page").delete()
        content_type, _ = ContentType.objects.get_or_create(model="homepage", app_label="cms")
        last = Page.objects.filter(depth=2).order_by("-path").first()
        path = "0001" + f"{int(last.path[4:8]) + 1 if last else 1:04d}"
        home = HomePage.objects.create(
            title="Észak-alföldi Klaszterközpont",
            draft_title="Észak-alföldi Klaszterközpont",
            slug="home",
            content_type=content_type,
            path=path,
            depth=2,
            numchild=0,
            url_path="/home/",
            locale=hungarian,
            translation_key=uuid.uuid4(),
            live=True,
            has_unpublished_changes=False,
        )
        Page.objects.filter(depth=1).update(numchild=Page.objects.filter(depth=2).count())
        site = Site.objects.filter(is_default_site=True).first()
        if site:
            site.root_page_id = home.id
            site.site_name = "Észak-alföldi Klaszterközpont"
            site.save()
        else:
            Site.objects.create(
                hostname="localhost",
                root_page_id=home.id,
                is_default_site=True,
                site_name="Észak-alföldi Klaszterközpont",
            )

    for slug, hungarian_name, english_name in SECTORS:
        source = Sector.objects.filter(slug=slug, locale=hungarian).first()
        if source is None:
            source = Sector.objects.create(
                slug=slug, name=hungarian_name, locale=hungarian, translation_key=uuid.uuid4()
            )
        Sector.objects.get_or_create(
            slug=slug,
            locale=english,
            defaults={"name": english_name, "translation_key": source.translation_key},
        )

    call_command("createcachetable", database=schema_editor.connection.alias, verbosity=0)


def backwards(apps, schema_editor):
    Sector = apps.get_model("cms", "Sector")
    Sector.objects.filter(slug__in=[slug for slug, _hu, _en in SECTORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("cms", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
