"""The tours REST API: one class per action; routes in config/api_router.py."""
