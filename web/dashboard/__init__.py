"""The dashboard at ``PUBLIC_URL/app/``: the shell, the sites list, creating, publishing (issue 19)."""
