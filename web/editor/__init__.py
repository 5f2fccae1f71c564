"""The visual editor: the site as published, edited in place through Studio's page edits."""
