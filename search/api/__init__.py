"""Search API: by words (GET /api/search/) and by photo (POST /api/search/by-image/)."""
