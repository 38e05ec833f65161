"""Every user-facing string ships in Hungarian, and the compiled catalogue matches the .po."""

import gettext
from pathlib import Path

from django.test import override_settings
from django.utils import translation

LOCALE_DIR = Path(__file__).resolve().parents[2] / "locale" / "hu" / "LC_MESSAGES"


def read_po(path: Path) -> dict[tuple[str | None, str], list[str]]:
    """(msgctxt, msgid) -> msgstr forms, for a plain gettext .po file (no obsolete entries)."""
    entries: dict[tuple[str | None, str], list[str]] = {}
    current: dict[str, str] = {}
    key = None

    def flush() -> None:
        if "msgid" in current and current["msgid"]:
            forms = [v for k, v in sorted(current.items()) if k.startswith("msgstr")]
            entries[(current.get("msgctxt"), current["msgid"])] = forms
        current.clear()

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line or line.startswith("#"):
            if line.startswith("#, ") and "fuzzy" in line:
                current["fuzzy"] = "yes"
            continue
        if line.startswith('"'):
            current[key] += line[1:-1].encode().decode("unicode_escape").encode("latin-1").decode()
            continue
        key, _, value = line.partition(" ")
        if key in ("msgctxt", "msgid") and "msgstr" in "".join(current):
            fuzzy = current.pop("fuzzy", None)
            flush()
            if fuzzy:
                current["fuzzy"] = fuzzy
        current[key] = value[1:-1].encode().decode("unicode_escape").encode("latin-1").decode()
    flush()
    return entries


def test_every_string_has_a_hungarian_translation_and_none_is_fuzzy():
    text = (LOCALE_DIR / "django.po").read_text(encoding="utf-8")
    entries = read_po(LOCALE_DIR / "django.po")
    assert len(entries) > 400
    missing = [msgid for (_ctx, msgid), forms in entries.items() if not all(forms)]
    assert missing == []
    assert "#, fuzzy" not in text.split("\n\n", 1)[1]


def test_the_compiled_catalogue_is_up_to_date_with_the_po_file():
    with (LOCALE_DIR / "django.mo").open("rb") as mo:
        catalogue = gettext.GNUTranslations(mo)
    for (context, msgid), forms in read_po(LOCALE_DIR / "django.po").items():
        if len(forms) == 1:
            compiled = catalogue.pgettext(context, msgid) if context else catalogue.gettext(msgid)
            assert compiled == forms[0], msgid


@override_settings(LANGUAGE_CODE="hu")
def test_interface_strings_come_out_in_hungarian():
    with translation.override("hu"):
        assert translation.gettext("search/") == "kereses/"
        assert translation.gettext("Confirmed") != "Confirmed"
    with translation.override("en"):
        assert translation.gettext("search/") == "search/"
