"""Offerings remember their page's translation key; consent text version 1 (hu + en).

`page_translation_key` lets a training page's publication find (and deactivate) the offerings
of runs that were removed from it, and lets the pages API batch availability per page.
"""

from django.db import migrations, models

CONSENT_V1_HU = (
    "Hozzájárulok, hogy az Észak-alföldi Klaszterközpont a megadott nevemet, e-mail-címemet, "
    "szervezetemet, telefonszámomat és számlázási adataimat a jelentkezésem kezelése, a "
    "rendezvénnyel vagy képzéssel kapcsolatos értesítések (visszaigazolás, várólista, "
    "emlékeztető) küldése és a számlázás céljából kezelje. Az adataimat harmadik félnek nem "
    "adják át, és a rendezvény vagy képzés után legfeljebb 90 nappal anonimizálják, kivéve a "
    "számviteli jogszabályok által megőrzendő számlázási adatokat. Jogomban áll az adataimhoz "
    "hozzáférni, azok helyesbítését vagy törlését kérni, és a hozzájárulásomat bármikor "
    "visszavonni a jelentkezésem kezelőoldalán vagy a szervezőknek írt e-mailben; a "
    "visszavonás nem érinti a korábbi adatkezelés jogszerűségét."
)

CONSENT_V1_EN = (
    "I agree that the North Great Plain Cluster Centre processes the name, e-mail address, "
    "organisation, phone number and billing details I give in order to handle my registration, "
    "to send me notices about the event or training (confirmation, waiting list, reminder) and "
    "to invoice me. My data are not passed on to third parties and are anonymised at the latest "
    "90 days after the event or training, except billing data that accounting law requires to "
    "be kept. I have the right to access my data, to ask for them to be corrected or erased, "
    "and to withdraw my consent at any time on my booking's manage page or by e-mail to the "
    "organisers; withdrawal does not affect the lawfulness of processing before it."
)


def create_consent_v1(apps, schema_editor):
    ConsentText = apps.get_model("event_booking", "ConsentText")
    ConsentText.objects.get_or_create(
        version=1, defaults={"text_hu": CONSENT_V1_HU, "text_en": CONSENT_V1_EN}
    )


def remove_consent_v1(apps, schema_editor):
    ConsentText = apps.get_model("event_booking", "ConsentText")
    Booking = apps.get_model("event_booking", "Booking")
    if not Booking.objects.filter(consent__version=1).exists():
        ConsentText.objects.filter(version=1).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("event_booking", "0002_outbox_retry_lease"),
    ]

    operations = [
        migrations.AddField(
            model_name="offering",
            name="page_translation_key",
            field=models.UUIDField(
                blank=True,
                db_index=True,
                help_text="The event or training page it belongs to (shared by its translations).",
                null=True,
                verbose_name="page translation key",
            ),
        ),
        migrations.RunPython(create_consent_v1, remove_consent_v1),
    ]
