"""Financial statements sent before they belonged to the application were attached to the accountability, whose
files anyone may download once its story is public. Move them to their application (the applicant, the initiative
table and staff only). Photos of the story stay. There is no way back: that would make them public again."""

from django.db import migrations

STATEMENT = "initiative-statement"  # initiatives.selectors.STATEMENT, as it was when this migration was written


def move_statements_to_their_application(apps, schema_editor) -> int:
    ContentType = apps.get_model("contenttypes", "ContentType")
    Upload = apps.get_model("uploads", "Upload")
    Accountability = apps.get_model("initiatives", "Accountability")
    on_accountability = ContentType.objects.filter(app_label="initiatives", model="accountability").first()
    if on_accountability is None:
        return 0  # a new database: nothing was ever attached
    on_application, _created = ContentType.objects.get_or_create(app_label="initiatives", model="application")
    statements = Upload.objects.filter(object_type=on_accountability, purpose=STATEMENT)
    application_of = dict(
        Accountability.objects.filter(pk__in=[int(pk) for pk in statements.values_list("object_id", flat=True)])
        .values_list("pk", "application_id")
    )
    moved = 0
    for statement in statements:
        application = application_of.get(int(statement.object_id))
        if application is not None:
            statement.object_type = on_application
            statement.object_id = str(application)
            statement.save(update_fields=["object_type", "object_id"])
            moved += 1
    return moved


def _forwards(apps, schema_editor) -> None:
    move_statements_to_their_application(apps, schema_editor)


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("initiatives", "0002_field_names_in_dutch"),
        ("uploads", "0002_dutch_admin_labels"),
    ]

    operations = [migrations.RunPython(_forwards, migrations.RunPython.noop, elidable=True)]
