"""Personal data of surveys, declared for the register (socialebasis/privacy)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare

declare(
    Processing(
        model="surveys.Response",
        fields=("respondent", "entered_by"),
        export_fields=("survey", "entry"),
        person="respondent",
        links={"entered_by": Erasure.UNLINK},
        purpose=_(
            "A response to a survey that asked for an account (one response per person). Anonymous surveys keep "
            "no respondent. Who typed in a paper form or helped is kept for accountability."
        ),
        legal_basis=LegalBasis.CONSENT,
        subjects=_("residents who answer a survey with their account; staff who enter paper forms"),
        on_erasure=Erasure.UNLINK,
        retention=Retention(description=_("the answers stay without a name when the account is erased")),
    )
)
