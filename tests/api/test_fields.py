"""Every page field in the API, with relations shown in the page's own language."""

import datetime as dt
from decimal import Decimal

from django.utils import timezone

from cms.models import Sector
from tests import factories
from tests.api.helpers import get_json


def detail(api, page, **params):
    query = "&".join(f"{key}={value}" for key, value in params.items())
    return get_json(api, f"/api/v2/pages/{page.pk}/?{query}")


def test_cluster_profile_in_english_has_every_field_with_english_sectors_and_logo(
    api, tree, to_english
):
    logo = factories.image(title="agrar.png", description="Az Agrár Klaszter logója")
    photo = factories.image(title="photo.png", description="Fotó")
    digital, agri = factories.sector("digital"), factories.sector("agri-food")
    partner = factories.cluster(tree.clusters, title="Partner Klaszter", slug="partner")
    partner_en = to_english(partner, {"Partner Klaszter": "Partner Cluster"})
    cluster = factories.cluster(
        tree.clusters,
        sectors=[digital, agri],
        title="Agrár Klaszter",
        slug="agrar",
        summary="Élelmiszeripari együttműködés.",
        logo=logo,
        county="szabolcs-szatmar-bereg",
        city="Nyíregyháza",
        founding_year=2008,
        members_companies=31,
        members_research=4,
        members_public_other=2,
        management_organisation="Agrár Kft.",
        contact_name="Kiss Anna",
        contact_email="anna@example.org",
        contact_phone="+36 30 123 4567",
        website="https://agrar.example.org",
        quality_label="esca-silver",
        quality_label_expires=dt.date(2027, 6, 30),
        social_links=[("link", {"platform": "linkedin", "url": "https://linkedin.com/x"})],
        description=[
            ("heading", {"text": "Rólunk", "level": "h2"}),
            ("paragraph", "<p>Mezőgazdasági <b>klaszter</b>.</p>"),
            ("image", {"image": photo, "alt_text": "Aratás a tagoknál", "decorative": False}),
            ("button", {"label": "Partnerünk", "page": partner, "url": ""}),
        ],
    )
    english = to_english(
        cluster,
        {
            "Agrár Klaszter": "Agri Cluster",
            "Élelmiszeripari együttműködés.": "Food industry cooperation.",
            "Aratás a tagoknál": "Harvest at our members",
        },
    )

    data = detail(api, english)

    assert data["title"] == "Agri Cluster"
    assert data["meta"]["locale"] == "en"
    assert data["meta"]["type"] == "cluster_pages.ClusterProfilePage"
    assert data["meta"]["html_url"].endswith("/en/clusters/agrar-en/")
    assert data["summary"] == "Food industry cooperation."
    assert data["logo"]["id"] == logo.pk
    assert data["logo"]["alt"] == "Az Agrár Klaszter logója"
    assert "max-400x400" in data["logo"]["url"]
    assert data["logo"]["full_url"].endswith(data["logo"]["url"])
    assert (data["logo"]["width"], data["logo"]["height"]) == (400, 200)
    english_sectors = Sector.objects.filter(locale__language_code="en")
    assert data["sectors"] == [
        {"id": english_sectors.get(slug="agri-food").pk, "name": "Agri-food", "slug": "agri-food"},
        {"id": english_sectors.get(slug="digital").pk, "name": "Digital", "slug": "digital"},
    ]
    assert data["county"] == "szabolcs-szatmar-bereg"
    assert data["county_display"] == "Szabolcs-Szatmár-Bereg"
    assert data["city"] == "Nyíregyháza"
    assert data["founding_year"] == 2008
    assert (data["members_companies"], data["members_research"]) == (31, 4)
    assert (data["members_public_other"], data["members_total"]) == (2, 37)
    assert data["management_organisation"] == "EN Agrár Kft."
    assert data["contact_name"] == "Kiss Anna"
    assert data["contact_email"] == "anna@example.org"
    assert data["contact_phone"] == "+36 30 123 4567"
    assert data["website"] == "https://agrar.example.org"
    assert data["quality_label"] == "esca-silver"
    assert data["quality_label_display"] == "ESCA/EUCLES Silver label"
    assert data["quality_label_expires"] == "2027-06-30"
    assert [block["value"] for block in data["social_links"]] == [
        {"platform": "linkedin", "url": "https://linkedin.com/x"}
    ]

    heading, paragraph, image, button = data["description"]
    assert heading["type"] == "heading"
    assert heading["value"] == {"text": "EN Rólunk", "level": "h2"}
    assert paragraph["value"] == "<p>EN Mezőgazdasági <b>klaszter</b>.</p>"
    assert image["value"]["alt_text"] == "Harvest at our members"
    assert image["value"]["image"]["alt"] == "Harvest at our members"
    assert image["value"]["image"]["id"] == photo.pk
    assert image["value"]["image"]["url"].startswith("/media/images/")
    # The button points at the Hungarian partner page; the English page links its translation.
    assert button["value"]["page"]["id"] == partner_en.pk
    assert button["value"]["page"]["title"] == "Partner Cluster"
    assert button["value"]["page"]["meta"]["html_url"].endswith("/en/clusters/partner-en/")


def test_hungarian_cluster_keeps_hungarian_sectors(api, tree):
    cluster = factories.cluster(tree.clusters, sectors=[factories.sector("digital")])

    data = detail(api, cluster)

    assert data["meta"]["locale"] == "hu"
    assert data["sectors"] == [
        {"id": factories.sector("digital").pk, "name": "Digitális ágazat", "slug": "digital"}
    ]
    assert data["county_display"] == "Hajdú-Bihar"
    assert data["logo"] is None


def test_untranslated_sector_falls_back_to_its_source_name(api, tree, to_english):
    lonely = Sector.objects.create(name="Űripar", slug="space", locale=factories.locale("hu"))
    cluster = factories.cluster(tree.clusters, sectors=[lonely])
    english = to_english(cluster)

    data = detail(api, english)

    assert data["sectors"] == [{"id": lonely.pk, "name": "Űripar", "slug": "space"}]


def test_training_in_english_has_topic_runs_venue_and_material(api, tree, to_english, document):
    topic = factories.topic("strategy", "Klaszterstratégia")
    topic_en = to_english(topic, {"Klaszterstratégia": "Cluster strategy"})
    venue = factories.venue(name="Egyetem Főépület", directions="<p>Bal oldalt.</p>")
    venue_en = to_english(venue, {"Egyetem Főépület": "University Main Building"})
    training = factories.training(
        tree.trainings,
        runs=2,
        topic=topic,
        title="Stratégia képzés",
        summary="Stratégia.",
        learning_outcomes="<p>Tudni fogod.</p>",
        audience="Menedzserek",
        level="advanced",
        duration_days=2,
        duration_hours=16,
        delivery_language="hu-en",
        price_eur=Decimal("480.00"),
        vat_note="+27% ÁFA",
        max_seats_per_booking=3,
        trainers=[("trainer", {"name": "Nagy Béla", "role": "Tréner", "bio": "Bio."})],
        materials=[("document", document)],
    )
    first_run = training.runs.order_by("start_date").first()
    first_run.venue = venue
    first_run.registration_closes = timezone.make_aware(dt.datetime(2031, 1, 2, 12, 0))
    first_run.save()
    training.save_revision().publish()
    english = to_english(training, {"Stratégia képzés": "Strategy training"})

    data = detail(api, english)

    assert data["title"] == "Strategy training"
    assert data["topic"] == {"id": topic_en.pk, "name": "Cluster strategy", "slug": "strategy"}
    assert data["summary"] == "EN Stratégia."
    assert data["learning_outcomes"] == "<p>EN Tudni fogod.</p>"
    assert data["audience"] == "EN Menedzserek"
    assert (data["level"], data["level_display"]) == ("advanced", "Advanced")
    assert (data["duration_days"], data["duration_hours"]) == (2, 16)
    assert data["delivery_language"] == "hu-en"
    assert data["delivery_language_display"] == "Hungarian and English"
    assert data["price_eur"] == "480.00"
    assert data["vat_note"] == "EN +27% ÁFA"
    assert data["max_seats_per_booking"] == 3
    assert data["trainers"][0]["value"]["name"] == "EN Nagy Béla"
    assert data["materials"][0]["value"]["id"] == document.pk
    assert data["materials"][0]["value"]["title"] == "Tematika"
    assert data["materials"][0]["value"]["download_url"].endswith(
        f"/documents/{document.pk}/tematika.pdf"
    )

    english_runs = sorted(english.runs.all(), key=lambda run: run.start_date)
    hungarian_runs = sorted(training.runs.all(), key=lambda run: run.start_date)
    assert [run["id"] for run in data["runs"]] == [run.pk for run in english_runs]
    assert [run["translation_key"] for run in data["runs"]] == [
        str(run.translation_key) for run in hungarian_runs
    ]
    first, second = data["runs"]
    assert first["start_date"] == hungarian_runs[0].start_date.isoformat()
    assert first["seats"] == 12
    assert first["online"] is False
    assert first["registration_closes"] == "2031-01-02T12:00:00+01:00"
    assert first["venue"]["id"] == venue_en.pk
    assert first["venue"]["name"] == "University Main Building"
    assert first["venue"]["full_address"] == "4032 Debrecen, Egyetem tér 1."
    assert first["venue"]["directions"] == "<p>EN Bal oldalt.</p>"
    assert second["venue"] is None


def test_event_in_english_shows_english_venue_and_only_live_participating_clusters(
    api, tree, to_english
):
    venue = factories.venue(name="Kölcsey Központ", map_url="https://maps.example.org/k")
    venue_en = to_english(venue, {"Kölcsey Központ": "Kölcsey Centre"})
    translated = factories.cluster(tree.clusters, title="Fordított Klaszter")
    translated_en = to_english(translated, {"Fordított Klaszter": "Translated Cluster"})
    untranslated = factories.cluster(tree.clusters, title="Csak Magyar Klaszter")
    withdrawn = factories.cluster(tree.clusters, title="Visszavont Klaszter")
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=10)
    event = factories.event(
        tree.events,
        title="Üzleti Találkozó",
        kind="international",
        summary="Nemzetközi.",
        start=start,
        end=start + dt.timedelta(hours=8),
        venue=venue,
        organiser="Klaszterközpont",
        capacity=60,
        registration_opens=start - dt.timedelta(days=30),
        registration_closes=start - dt.timedelta(days=1),
        max_seats_per_booking=4,
        fee=Decimal("25.00"),
    )
    event.participating_clusters.set([translated, untranslated, withdrawn])
    event.save_revision().publish()
    english = to_english(event, {"Üzleti Találkozó": "Business Meeting"})
    withdrawn.unpublish()

    data = detail(api, english)
    hungarian = detail(api, event)

    assert data["title"] == "Business Meeting"
    assert (data["kind"], data["kind_display"]) == ("international", "International business event")
    assert data["summary"] == "EN Nemzetközi."
    assert data["start"] == timezone.localtime(start).isoformat()
    assert data["end"] == timezone.localtime(start + dt.timedelta(hours=8)).isoformat()
    assert data["venue"]["id"] == venue_en.pk
    assert data["venue"]["name"] == "Kölcsey Centre"
    assert data["venue"]["city"] == "Debrecen"
    assert data["venue"]["map_url"] == "https://maps.example.org/k"
    assert data["organiser"] == "EN Klaszterközpont"
    assert "online_link" not in data  # the join link is for confirmed bookings only
    assert data["is_online"] is False
    assert data["capacity"] == 60
    assert data["max_seats_per_booking"] == 4
    assert data["fee"] == "25.00"
    assert (
        data["registration_closes"] == timezone.localtime(start - dt.timedelta(days=1)).isoformat()
    )
    # English event: the English translation where live, else the live Hungarian page.
    assert [(c["id"], c["title"]) for c in data["participating_clusters"]] == [
        (untranslated.pk, "Csak Magyar Klaszter"),
        (translated_en.pk, "Translated Cluster"),
    ]
    assert data["participating_clusters"][1]["meta"]["html_url"].endswith(
        f"/en/clusters/{translated_en.slug}/"
    )
    assert data["participating_clusters"][1]["meta"]["detail_url"].endswith(
        f"/api/v2/pages/{translated_en.pk}/"
    )
    assert [c["id"] for c in hungarian["participating_clusters"]] == [
        untranslated.pk,
        translated.pk,
    ]
    assert hungarian["venue"]["name"] == "Kölcsey Központ"


def test_listing_with_all_fields_localises_every_page(api, tree, to_english):
    digital = factories.sector("digital")
    english_ids = []
    for _n in range(3):
        cluster = factories.cluster(tree.clusters, sectors=[digital], logo=factories.image())
        english_ids.append(to_english(cluster).pk)

    data = get_json(api, "/api/v2/pages/?type=cluster_pages.ClusterProfilePage&locale=en&fields=*")

    assert data["meta"]["total_count"] == 3
    assert [item["id"] for item in data["items"]] == english_ids
    english_digital = Sector.objects.get(slug="digital", locale__language_code="en")
    for item in data["items"]:
        assert item["sectors"] == [{"id": english_digital.pk, "name": "Digital", "slug": "digital"}]
        assert "max-400x400" in item["logo"]["url"]
        assert item["title"].startswith("EN Teszt Klaszter")


def test_listing_default_fields_stay_small_and_fields_parameter_adds_some(api, tree):
    factories.cluster(tree.clusters, sectors=[factories.sector("digital")])

    default = get_json(api, "/api/v2/pages/?type=cluster_pages.ClusterProfilePage")
    chosen = get_json(
        api, "/api/v2/pages/?type=cluster_pages.ClusterProfilePage&fields=sectors,city"
    )

    assert set(default["items"][0]) == {"id", "meta", "title"}
    assert chosen["items"][0]["city"] == "Debrecen"
    assert chosen["items"][0]["sectors"][0]["slug"] == "digital"
    assert "logo" not in chosen["items"][0]


def test_home_and_index_pages_show_their_fields(api, tree):
    hero = factories.image(title="hero.png", description="Debrecen látképe")
    home = factories.hungarian_home()
    home.hero_image = hero
    home.intro = "Üdvözöljük!"
    home.save_revision().publish()

    home_data = detail(api, home)
    index_data = detail(api, tree.clusters_en)

    assert home_data["intro"] == "Üdvözöljük!"
    assert home_data["hero_image"]["alt"] == "Debrecen látképe"
    assert "fill-1600x900" in home_data["hero_image"]["url"]
    assert home_data["body"] == []
    assert index_data["intro"] == "EN A régió klaszterei."


def test_deleted_image_in_a_stream_is_null_not_an_error(api, tree):
    photo = factories.image()
    cluster = factories.cluster(
        tree.clusters,
        description=[("image", {"image": photo, "alt_text": "Kép", "decorative": False})],
    )
    photo.delete()

    data = detail(api, cluster)

    assert data["description"][0]["value"]["image"] is None
