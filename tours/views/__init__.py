"""Tours' pages and small JSON endpoints for the site's own scripts."""
