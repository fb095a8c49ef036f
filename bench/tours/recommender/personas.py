"""Simulated visitors' tastes, each defined by record metadata only.

A persona likes objects for what their records say — culture, object type, century, tags,
makers — and never for their embeddings, which the content and hybrid strategies rank by:
were the simulated taste read off the same vectors, the evaluation would grade the
recommender against itself. An object's affinity for a persona is the sum of the weights
of the persona's features its record has. Each persona also names the interest chips a
visitor of that taste might pick on the start page (``chips``), as "kind:value".

The personas are written for the kind of collection the demo holds (European painting,
early photography, antiquities, Japanese prints); on a collection where a persona matches
nothing its visitors browse by general appeal alone, like visitors with no strong taste.
"""

from dataclasses import dataclass, field

from tours.recommending.catalogue import ObjectFacts


@dataclass(frozen=True)
class Persona:
    name: str
    preference: str  # what this visitor likes, in words
    chips: tuple[str, ...]
    cultures: dict[str, float] = field(default_factory=dict)  # culture group, lower case
    object_types: dict[str, float] = field(default_factory=dict)
    centuries: dict[int, float] = field(default_factory=dict)
    tags: dict[str, float] = field(default_factory=dict)
    creators: dict[str, float] = field(default_factory=dict)

    def affinity(self, facts: ObjectFacts) -> float:
        """How much this persona likes an object, from its record alone."""
        score = self.cultures.get(facts.culture.lower(), 0.0)
        score += self.object_types.get(facts.object_type, 0.0)
        if facts.century is not None:
            score += self.centuries.get(facts.century, 0.0)
        score += sum(self.tags.get(tag, 0.0) for tag in facts.tags)
        score += sum(self.creators.get(name, 0.0) for name in facts.creators)
        return score


PERSONAS: tuple[Persona, ...] = (
    Persona(
        "golden-age",
        "Dutch and Flemish painting of the 17th century, Rembrandt and Vermeer above all.",
        ("culture:Dutch Republic", "period:17", "theme:dutch golden age"),
        cultures={"dutch republic": 2.0, "flanders": 1.0, "habsburg netherlands": 1.0},
        centuries={17: 1.0},
        tags={"dutch golden age": 1.5, "baroque": 0.5, "genre": 0.5},
        creators={"Rembrandt van Rijn": 1.5, "Johannes Vermeer": 1.5},
    ),
    Persona(
        "early-photography",
        "Nineteenth-century photographs: daguerreotypes, cities and people of the 1800s.",
        ("object_type:photograph", "period:19", "theme:daguerreotype"),
        object_types={"photograph": 2.0},
        centuries={19: 1.0},
        tags={"daguerreotype": 1.5, "victorian": 1.0, "street": 0.5},
    ),
    Persona(
        "antiquity",
        "Ancient Egypt, archaeology and the monuments of the ancient world.",
        ("theme:egypt", "theme:archaeology", "culture:Egypt"),
        cultures={"egypt": 2.0},
        tags={
            "egypt": 1.5,
            "archaeology": 1.5,
            "pyramids": 1.0,
            "sphinx": 1.0,
            "monument": 0.5,
        },
    ),
    Persona(
        "japan",
        "Japanese art and Japan in photographs: woodblock prints, theatre, Edo and Meiji.",
        ("culture:Japan", "theme:woodblock", "theme:japan"),
        cultures={"japan": 2.5},
        object_types={"print": 0.5},
        tags={"japan": 1.5, "woodblock": 1.0, "theatre": 0.5},
    ),
    Persona(
        "portraits",
        "Portraits of people, especially women and people in costume.",
        ("theme:portrait", "theme:costume"),
        tags={"portrait": 2.0, "costume": 1.0, "woman": 1.0},
    ),
    Persona(
        "sacred",
        "Religious, biblical and mythological scenes.",
        ("theme:religious", "theme:biblical", "theme:mythology"),
        tags={"religious": 2.0, "biblical": 2.0, "mythology": 1.5, "allegory": 1.0},
        centuries={15: 0.5, 16: 0.5},
    ),
    Persona(
        "renaissance",
        "Italian art of the Renaissance: Leonardo, Botticelli, Raphael, frescoes.",
        ("culture:Italy", "theme:renaissance", "period:16"),
        cultures={"italy": 2.0},
        centuries={15: 1.0, 16: 1.0},
        tags={"renaissance": 1.5, "fresco": 1.0},
    ),
    Persona(
        "landscape",
        "Landscapes, rivers, the sea and winter scenes; Romantic painting.",
        ("theme:landscape", "theme:romanticism"),
        tags={"landscape": 2.0, "river": 1.0, "sea": 1.0, "winter": 1.0, "romanticism": 1.0},
        creators={"J. M. W. Turner": 1.0, "Caspar David Friedrich": 1.0},
    ),
    Persona(
        "americana",
        "American history: the railway, building the West, Native American photographs.",
        ("culture:United States", "theme:american history", "theme:railway"),
        cultures={"united states": 2.0, "north america": 1.5},
        tags={
            "american history": 1.5,
            "railway": 1.5,
            "native american": 1.5,
            "construction": 1.0,
            "engineering": 1.0,
        },
    ),
    Persona(
        "modernist",
        "Expressionism and Impressionism: Macke, Degas, Vallotton.",
        ("theme:expressionism", "theme:impressionism", "period:20"),
        centuries={20: 1.0},
        tags={"expressionism": 2.0, "impressionism": 2.0},
        creators={"August Macke": 1.0, "Edgar Degas": 1.0, "Félix Vallotton": 1.0},
    ),
    Persona(
        "cities",
        "Architecture and cities: buildings, streets, monuments and cityscapes.",
        ("theme:architecture", "theme:cityscape"),
        tags={
            "architecture": 2.0,
            "cityscape": 1.5,
            "street": 1.0,
            "monument": 1.0,
            "new york": 0.5,
            "san francisco": 0.5,
        },
    ),
)
