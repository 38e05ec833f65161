"""A minimal page type for the workflow plugin's tests (see `models`)."""
