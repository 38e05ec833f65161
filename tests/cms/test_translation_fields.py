"""Translated and synchronised fields through a real wagtail-localize translation."""

from tests import factories


def test_translation_takes_text_from_translator_and_facts_from_source(home, en_home):
    index = factories.cluster_index(home)
    digital = factories.sector("digital")
    cluster = factories.cluster(
        index,
        sectors=[digital],
        title="Agrár Klaszter",
        slug="agrar-klaszter",
        summary="Élelmiszeripari együttműködés.",
        members_companies=31,
    )
    factories.to_english(
        index,
        {
            "Klaszterek": "Clusters",
            "klaszterek": "clusters",
            "A régió klaszterei.": "The region's clusters.",
        },
    )
    english = factories.to_english(
        cluster,
        {
            "Agrár Klaszter": "Agri Cluster",
            "agrar-klaszter": "agri-cluster",
            "Élelmiszeripari együttműködés.": "Food industry cooperation.",
        },
    )

    english.refresh_from_db()
    assert english.locale.language_code == "en"
    assert english.live
    assert english.title == "Agri Cluster"
    assert english.summary == "Food industry cooperation."
    assert english.members_companies == 31
    assert list(english.sectors.all()) == [digital]
    assert english.translation_key == cluster.translation_key


def test_training_runs_keep_their_ids_and_translation_keys_across_syncs(home, en_home):
    index = factories.training_index(home)
    training = factories.training(index, runs=2, title="Képzés", slug="kepzes", summary="Össz.")
    strings = {"Képzés": "Training", "kepzes": "training", "Össz.": "Summary."}
    factories.to_english(index, {"Képzések": "Trainings", "kepzesek": "trainings"})
    english = factories.to_english(training, strings)
    first_ids = sorted(english.runs.values_list("id", "translation_key"))

    run = training.runs.first()
    run.seats = 30
    run.save()
    training.refresh_from_db()
    training.save_revision().publish()
    english = factories.to_english(training, strings)

    assert sorted(english.runs.values_list("id", "translation_key")) == first_ids
    assert {r.translation_key for r in english.runs.all()} == {
        r.translation_key for r in training.runs.all()
    }
    assert 30 in english.runs.values_list("seats", flat=True)


def test_a_draft_translation_of_a_live_page_stays_off_the_site_and_api(home, en_home, client):
    index = factories.cluster_index(home)
    cluster = factories.cluster(index, title="Méz Klaszter", slug="mez", summary="Méhészet.")
    strings = {"Klaszterek": "Clusters", "klaszterek": "clusters", "A régió klaszterei.": "Ours."}
    page_strings = {"Méz Klaszter": "Honey Cluster", "mez": "honey", "Méhészet.": "Beekeeping."}
    factories.to_english(index, strings)
    english = factories.to_english(cluster, page_strings)

    cluster.summary = "Méhészet és viaszfeldolgozás."
    cluster.save_revision().publish()
    factories.to_english(
        cluster,
        {**page_strings, "Méhészet és viaszfeldolgozás.": "Draft text."},
        publish=False,
    )

    english.refresh_from_db()
    assert english.live and english.has_unpublished_changes
    assert english.summary == "Beekeeping."
    assert "Draft text." not in client.get("/en/clusters/honey/").content.decode()
    api = client.get(f"/api/v2/pages/{english.pk}/").json()
    assert api["summary"] == "Beekeeping."
    # The draft is kept as a revision for review; publishing it makes it live.
    english.get_latest_revision().publish()
    english.refresh_from_db()
    assert english.summary == "Draft text."
