"""Password rules with Dutch messages.

Django 6 reworded the "too short" error and its Dutch catalogue has no translation for the new wording yet,
so a resident who chose a short password would read English. Same rule, own message.
"""

from django.contrib.auth import password_validation
from django.utils.translation import ngettext


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    def get_error_message(self):
        return ngettext(
            "This password is too short: use at least %(min_length)d character.",
            "This password is too short: use at least %(min_length)d characters.",
            self.min_length,
        ) % {"min_length": self.min_length}
