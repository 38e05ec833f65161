"""Every user-facing string ships in Hungarian, and the compiled catalogue matches the .po."""

import gettext
from pathlib import Path

import polib
from django.test import override_settings
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale" / "hu" / "LC_MESSAGES"


def po_entries() -> list[polib.POEntry]:
    """The live entries of the Hungarian catalogue (obsolete `#~` entries left out)."""
    return [entry for entry in polib.pofile(str(LOCALE_DIR / "django.po")) if not entry.obsolete]


def test_every_string_has_a_hungarian_translation_and_none_is_fuzzy():
    entries = po_entries()
    assert len(entries) > 400
    assert [entry.msgid for entry in entries if not entry.translated()] == []
    assert [entry.msgid for entry in entries if entry.fuzzy] == []


def test_the_compiled_catalogue_is_up_to_date_with_the_po_file():
    with (LOCALE_DIR / "django.mo").open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    for entry in po_entries():
        context = entry.msgctxt
        if entry.msgid_plural:
            # Hungarian has two forms (nplurals=2; plural=(n != 1)): n=1 and n=2 pick them.
            for n, index in ((1, 0), (2, 1)):
                compiled = (
                    catalogue.npgettext(context, entry.msgid, entry.msgid_plural, n)
                    if context
                    else catalogue.ngettext(entry.msgid, entry.msgid_plural, n)
                )
                assert compiled == entry.msgstr_plural[index], entry.msgid
        elif context:
            assert catalogue.pgettext(context, entry.msgid) == entry.msgstr, entry.msgid
        else:
            assert catalogue.gettext(entry.msgid) == entry.msgstr, entry.msgid


@override_settings(LANGUAGE_CODE="hu")
def test_interface_strings_come_out_in_hungarian():
    with translation.override("hu"):
        assert translation.gettext("search/") == "kereses/"
        assert translation.gettext("Confirmed") != "Confirmed"
    with translation.override("en"):
        assert translation.gettext("search/") == "search/"
