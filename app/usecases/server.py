"""The office server (issue 16): what a clerk does about the connection itself."""

from __future__ import annotations

from app.models.database import DatabaseError
from app.models.server import ServerError, check_password, label, parse, store_password


def remember_server_password(address: str, password: str) -> str:
    """Check `password` by connecting to the server database at `address`, then keep it in the
    system keyring (never in the settings). Returns how the database is named in messages;
    DatabaseError (with words in app.messages) when the password or the keyring fails."""
    try:
        url = parse(address)
        check_password(url, password)
        store_password(url, password)
    except ServerError as exc:
        raise DatabaseError(exc.code, **exc.params) from None
    return label(url)


def server_names(address: str) -> tuple[str, str, str]:
    """(user, HOST:PORT, USER@HOST:PORT/NAME) of a server address, for prompts and messages;
    DatabaseError when it is not one."""
    try:
        url = parse(address)
    except ServerError as exc:
        raise DatabaseError(exc.code, **exc.params) from None
    return url.username or "", f"{url.host}:{url.port or 5432}", label(url)
