"""Words the synthetic records are assembled from: enough variety for search to find."""

REGIONS = (
    "Egypt", "Nubia", "Mesopotamia", "Anatolia", "Persia", "Greece", "Etruria", "Rome",
    "Gaul", "Iberia", "Britain", "Ireland", "Scandinavia", "Flanders", "Holland", "France",
    "Italy", "Germany", "Bohemia", "Poland", "Russia", "Byzantium", "Levant", "Arabia",
    "Ethiopia", "Mali", "Benin", "Kongo", "Swahili Coast", "India", "Tibet", "Nepal",
    "China", "Korea", "Japan", "Khmer", "Java", "Maya", "Aztec", "Andes",
)  # fmt: skip
# Five per region: 200 cultures, written as the importer reads them ("Italy (Venice)").
CULTURE_QUALIFIERS = ("Court", "Coastal", "Highland", "Northern", "Southern")

GIVEN_NAMES = (
    "Ada", "Akira", "Amara", "Anselm", "Aziz", "Beatrix", "Bao", "Cosimo", "Dagny", "Elif",
    "Emeka", "Farah", "Giulia", "Hamid", "Hana", "Ilse", "Imani", "Jaume", "Kofi", "Leila",
    "Lorenzo", "Mei", "Mirela", "Nadia", "Nils", "Oda", "Omar", "Priya", "Quentin", "Rosa",
    "Saoirse", "Sven", "Tariq", "Teodora", "Ulla", "Vasco", "Wen", "Xochitl", "Yusuf", "Zofia",
)  # fmt: skip
FAMILY_NAMES = (
    "Abara", "Bellini", "Carvalho", "Dubois", "Eriksen", "Fujita", "Gallo", "Haddad",
    "Ivanova", "Jansen", "Kowalski", "Laurent", "Moreau", "Nakamura", "Okafor", "Petrov",
    "Quispe", "Rossi", "Sato", "Torres", "Umarov", "Van Dijk", "Weber", "Xu", "Yilmaz",
    "Zanetti", "Almeida", "Brandt", "Costa", "Demir", "Esposito", "Fischer", "Garcia",
    "Horvat", "Ionescu", "Jovanovic", "Kim", "Lindqvist", "Mendes", "Novak",
)  # fmt: skip
WORKSHOP_PREFIXES = ("", "", "", "", "workshop of ", "attributed to ", "manner of ")

OBJECT_TYPES = (
    ("painting", 30), ("print", 20), ("photograph", 15), ("drawing", 10), ("ceramic", 8),
    ("sculpture", 5), ("textile", 4), ("coin", 3), ("manuscript", 3), ("jewellery", 2),
)  # fmt: skip
MEDIA = (
    "oil on canvas", "tempera on panel", "woodcut", "etching", "albumen print",
    "gelatin silver print", "ink on paper", "watercolour", "earthenware", "porcelain",
    "bronze", "marble", "silk", "wool", "silver", "gold leaf", "parchment", "terracotta",
)  # fmt: skip
LICENCES = (("PDM-1.0", 6), ("CC0-1.0", 3), ("CC-BY-4.0", 1))

ADJECTIVES = (
    "small", "large", "gilded", "faded", "painted", "carved", "woven", "glazed", "broken",
    "restored", "ceremonial", "domestic", "votive", "funerary", "courtly", "rustic",
    "luminous", "weathered", "intricate", "austere", "ornate", "fragmentary", "polished",
    "engraved", "inlaid", "lacquered", "embroidered", "stylised", "naturalistic", "unfinished",
)  # fmt: skip
SUBJECTS = (
    "harbour", "river", "mountain", "garden", "temple", "market", "horse", "lion", "heron",
    "dragon", "saint", "dancer", "musician", "merchant", "queen", "warrior", "ship", "bridge",
    "forest", "orchard", "vessel", "mask", "lantern", "crown", "shield", "fountain", "moon",
    "storm", "harvest", "festival", "pilgrim", "scholar", "falcon", "serpent", "lotus", "wave",
)  # fmt: skip
VERBS = (
    "shows", "depicts", "records", "celebrates", "recalls", "suggests", "frames", "contrasts",
    "combines", "repeats", "hides", "reveals",
)  # fmt: skip
SETTINGS = (
    "at dawn", "in winter", "under a full moon", "beside the sea", "after the rains",
    "during a procession", "in a crowded street", "on a palace terrace", "in the hills",
    "at the edge of a lake", "before a storm", "at the harvest",
)  # fmt: skip
REMARKS = (
    "The surface shows traces of earlier repairs.",
    "Its provenance before the nineteenth century is unknown.",
    "The colours have darkened with age.",
    "A workshop mark appears on the reverse.",
    "It was probably made for a private patron.",
    "Similar pieces survive in several collections.",
    "The composition follows a well-known model.",
    "Small losses along the edges have been consolidated.",
)  # fmt: skip
