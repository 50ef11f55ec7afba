"""Financial statements sent before they belonged to the application were attached to the accountability, so a
public story made them downloadable for anyone. The data migration moves them to the application (only the
applicant, the initiative table and staff see it); photos stay with the story. Tested by calling the migration's
function on real rows."""

from importlib import import_module

import pytest
from django.apps import apps
from django.urls import reverse

from socialebasis.initiatives import selectors, services
from socialebasis.initiatives.models import Accountability
from socialebasis.initiatives.vocabulary import ApplicationStatus as S
from socialebasis.uploads.models import Upload
from socialebasis.uploads.services import attach, store_upload
from socialebasis.uploads.tests.hostile import as_upload, pdf, photo
from socialebasis.workflows.services import transition

pytestmark = pytest.mark.django_db

migration = import_module("socialebasis.initiatives.migrations.0003_statements_belong_to_the_application")


def test_a_statement_on_the_accountability_moves_to_the_application(
    client, make_application, member, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    app = make_application(amount=600)
    transition(app, S.SUBMITTED, actor=app.applicant)
    transition(app, S.IN_REVIEW, actor=member)
    services.declare(app, member, False)
    services.decide(app, member, "granted", None, "Goed.")
    services.publish(app, member)
    accountability = Accountability.objects.get(application=app)
    picture = store_upload(as_upload(photo(), "feest.jpg", "image/jpeg"), owner=app.applicant,
                           purpose="initiative-story", alt_text="Het feest")  # fmt: skip
    statement = store_upload(as_upload(pdf(), "bonnetjes.pdf", "application/pdf"), owner=app.applicant,
                             purpose=selectors.STATEMENT)  # fmt: skip
    services.submit_accountability(
        accountability, app.applicant, story="Het was gezellig.", public=True, photos=[picture]
    )
    attach(statement, accountability)  # as submit_accountability did before the fix
    assert client.get(reverse("uploads:file", args=[statement.pk])).status_code == 200  # the leak

    migration.move_statements_to_their_application(apps, None)

    moved = Upload.objects.get(pk=statement.pk)
    assert moved.attached_to == app
    assert Upload.objects.get(pk=picture.pk).attached_to == accountability
    assert client.get(reverse("uploads:file", args=[statement.pk])).status_code == 404
    client.force_login(member)
    assert client.get(reverse("uploads:file", args=[statement.pk])).status_code == 200
    assert list(selectors.statements_of(app)) == [moved] and selectors.has_statement(accountability)
    migration.move_statements_to_their_application(apps, None)  # a second run changes nothing
    assert Upload.objects.get(pk=statement.pk).attached_to == app
