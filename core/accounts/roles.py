"""Who may do what in a shared chat: a team account's roles (owner > admin > member).

The platform says what someone is (Slack's ``users.info``: owner/admin; Telegram's
``getChatAdministrators``: creator/administrator); the team account's own grants can raise
it; the stronger of the two counts. Describing, refining, undoing and reading are open to
every member; publishing too unless the server asks for admins; domains want an admin;
the plan and the grants want an owner.
"""

from __future__ import annotations

from core.accounts.records import ROLES, Role

_NEEDED: dict[str, Role] = {"domain": "admin", "upgrade": "owner", "role": "owner"}
_PUBLISHING = frozenset({"publish", "unpublish"})


def needed_role(command: str, publish_needs_admin: bool = False) -> Role:
    if command in _PUBLISHING:
        return "admin" if publish_needs_admin else "member"
    return _NEEDED.get(command, "member")


def strongest(*roles: str | None) -> Role:
    ranked = [ROLES.index(r) for r in roles if r in ROLES]
    return ROLES[max(ranked)] if ranked else "member"


def allows(role: str | None, needed: Role) -> bool:
    return ROLES.index(strongest(role)) >= ROLES.index(needed)


def parse_role(text: str) -> Role | None:
    word = text.strip().lower()
    aliases = {"owner": "owner", "dono": "owner", "dueño": "owner", "propietario": "owner",
               "admin": "admin", "administrador": "admin", "member": "member", "membro": "member", "miembro": "member"}
    found = aliases.get(word)
    return found if found in ROLES else None
