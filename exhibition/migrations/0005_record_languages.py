import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("exhibition", "0004_restoration_tiles_ready"),
    ]

    operations = [
        migrations.AddField(
            model_name="collectionobject",
            name="language",
            field=models.CharField(
                choices=[("en", "English"), ("fr", "Français")],
                default="en",
                help_text="The language the title and description are written in.",
                max_length=10,
                verbose_name="language",
            ),
        ),
        migrations.CreateModel(
            name="ObjectTranslation",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "language",
                    models.CharField(
                        choices=[("en", "English"), ("fr", "Français")],
                        max_length=10,
                        verbose_name="language",
                    ),
                ),
                ("title", models.CharField(max_length=500, verbose_name="title")),
                (
                    "description",
                    models.TextField(
                        blank=True,
                        help_text="Left empty, pages show the original description. Search, "
                        "the API and linked data use the original text.",
                        verbose_name="description",
                    ),
                ),
                (
                    "collection_object",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="translations",
                        to="exhibition.collectionobject",
                    ),
                ),
            ],
            options={
                "ordering": ["language"],
                "constraints": [
                    models.UniqueConstraint(
                        fields=("collection_object", "language"), name="unique_object_translation"
                    )
                ],
            },
        ),
    ]
