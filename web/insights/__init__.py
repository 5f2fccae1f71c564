"""The dashboard's insight pages: a site's analytics, domains, billing (issue 19).

Each handler checks the session (``web.pages.guard``) and, for a site's page, that the signed-in
account owns the site: another account's site id answers 404, as an id that does not exist.
"""
