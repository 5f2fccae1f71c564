"""Sign-in routes, one module per way in; each ends in ``web.session_cookies.complete``."""
