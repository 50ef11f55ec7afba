"""Personal data of surveys, declared for the register (socialebasis/privacy)."""

from django.utils.translation import gettext_lazy as _

from socialebasis.core.personal_data_register import Erasure, LegalBasis, Processing, Retention, declare


def _export_responses(user) -> list[dict]:
    """A respondent's responses with their answers: the question and what they chose or wrote."""
    from .selectors import responses_of

    rows = []
    for response in responses_of(user):
        answers = []
        for answer in response.answers.all():
            labels = {o["key"]: o["label"] for o in answer.question.options}
            given = [str(labels.get(key, key)) for key in answer.choices] + ([answer.text] if answer.text else [])
            answers.append({"question": answer.question.text, "answer": ", ".join(given)})
        rows.append({"survey": response.survey.title, "entry": response.get_entry_display(), "your_answers": answers})
    return rows


declare(
    Processing(
        model="surveys.Response",
        fields=("respondent", "entered_by"),
        export_fields=("survey", "entry"),
        export=_export_responses,
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
