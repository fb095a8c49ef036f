"""The guide's writes (services); its reads are in guide/selectors.py."""
