"""A curator-editable list of classifier concepts never shown to visitors, with defaults."""

from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.migrations.state import StateApps

BODY = "clothing or the body: misleads and embarrasses on depictions of people"
ARMS = "weapons and armour: read into costume, militia and history paintings"
ARTWORK = "reads a painting's surface or format, not what it shows"
DEFAULTS = {
    **dict.fromkeys(
        [
            "bikini", "two-piece", "brassiere", "bra", "bandeau", "maillot", "tank suit",
            "swimming trunks", "bathing trunks", "miniskirt", "diaper", "nappy", "sarong",
            "pajama", "pyjama", "bathing cap", "swimming cap", "lipstick", "sunscreen",
            "wig", "mask", "ski mask", "gasmask", "hoopskirt", "crinoline", "bow tie",
            "fur coat", "kimono", "jersey", "sweatshirt", "cardigan", "stole", "apron",
            "lab coat", "bulletproof vest", "neck brace", "bathtub", "tub", "shower cap",
            "studio couch", "four-poster",
        ],
        BODY,
    ),
    **dict.fromkeys(
        [
            "cuirass", "breastplate", "chain mail", "assault rifle", "rifle", "revolver",
            "holster", "scabbard", "shield", "pickelhaube", "cannon", "missile",
            "projectile", "hatchet", "cleaver", "guillotine", "football helmet",
        ],
        ARMS,
    ),
    **dict.fromkeys(
        ["comic book", "book jacket", "dust cover", "jigsaw puzzle", "envelope", "web site"],
        ARTWORK,
    ),
}  # fmt: skip


def add_defaults(apps: StateApps, schema_editor: BaseDatabaseSchemaEditor) -> None:
    blocked = apps.get_model("search", "BlockedConcept")
    for word, reason in DEFAULTS.items():
        blocked.objects.get_or_create(word=word, defaults={"reason": reason})


class Migration(migrations.Migration):
    dependencies = [("search", "0003_embedding_heading_space")]

    operations = [
        migrations.CreateModel(
            name="BlockedConcept",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "word",
                    models.CharField(
                        help_text="A name of the concept as the classifier gives it, e.g. "
                        "'bikini' or 'chain mail'. Case is ignored.",
                        max_length=100,
                        unique=True,
                    ),
                ),
                ("reason", models.CharField(blank=True, max_length=200)),
                ("created_at", models.DateTimeField(auto_now_add=True)),
            ],
            options={"ordering": ["word"], "verbose_name": "blocked visual concept"},
        ),
        migrations.RunPython(add_defaults, migrations.RunPython.noop),
    ]
