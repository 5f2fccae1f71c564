"""The account's JSON API (``/api/v1``): bearer tokens over the same Studio commands as the chats."""
