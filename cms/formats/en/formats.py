"""English formats: 24-hour times, as on the Hungarian side and as people in Hungary read them
(Django's English default "P" gives "8 a.m.", which ends a sentence in "8 a.m..")."""

TIME_FORMAT = "H:i"
DATETIME_FORMAT = "N j, Y, H:i"
SHORT_DATETIME_FORMAT = "m/d/Y H:i"
