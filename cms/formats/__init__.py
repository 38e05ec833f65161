"""The site's own date and time formats (FORMAT_MODULE_PATH); Django's fill in the rest."""
