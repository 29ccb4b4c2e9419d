"""The office server (issue 16): what a clerk does about the connection itself."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine

from app.models.database import DatabaseError
from app.models.findings import Finding
from app.models.server import (
    CONNECT_TIMEOUT_SECONDS,
    DRIVER,
    KEYRING_SERVICE,
    ServerError,
    check_password,
    connection_error,
    keyring_user,
    label,
    parse,
    password_for,
    stamped_revisions,
    store_password,
)
from app.models.server_choice import (
    ServerChoice,
    check_server_choice,
    server_address,
    server_url,
)

# The settings page's names for the start's choice (the start itself reads app.usecases.start).
from app.usecases.start import StartLocation as StartLocation
from app.usecases.start import start_location as start_location


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


# The settings page: which register the window opens -------------------------------------------


def check_server_settings(choice: ServerChoice) -> list[Finding]:
    """The findings about the office server's settings as typed (errors block saving)."""
    return check_server_choice(choice)


def _refuse_errors(choice: ServerChoice) -> None:
    """DatabaseError with the first error among the settings' findings, if any."""
    errors = [f for f in check_server_choice(choice) if f.is_error]
    if errors:
        raise DatabaseError(errors[0].code, **errors[0].params)


@dataclass(frozen=True)
class ConnectionTest:
    """A connection that worked: the database's name for messages, the server's version and
    the state of the register in it: "current", "empty" (set up when first opened), "older"
    (upgraded when opened) or "newer" (written by a newer version of the application)."""

    name: str
    server_version: str
    register: str


def try_server_connection(choice: ServerChoice, password: str | None = None) -> ConnectionTest:
    """Connect once to the office server as chosen, with `password` if given, else the one the
    database would be opened with (LICENCE_DESK_DB_PASSWORD, the keyring). DatabaseError
    saying why not: bad settings (`server_choice.*`) or the server's refusal (`db.server_*`).
    Nothing is stored and nothing is changed on the server."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from app.models.database import head_revisions, known_revisions

    _refuse_errors(choice)
    url = server_url(choice).set(drivername=DRIVER)
    secret = password or password_for(url)
    engine = create_engine(url.set(password=secret) if secret else url,
                           connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS,
                                         "application_name": "licence-desk"})
    try:
        with engine.connect() as connection:
            version = str(connection.execute(text("SHOW server_version")).scalar() or "")
            stamped = stamped_revisions(connection)
    except DBAPIError as exc:
        problem = connection_error(exc, url)
        raise DatabaseError(problem.code, **problem.params) from None
    finally:
        engine.dispose()
    if not stamped:
        register = "empty"
    elif stamped == head_revisions():
        register = "current"
    elif stamped <= known_revisions():
        register = "older"
    else:
        register = "newer"
    return ConnectionTest(label(url), version.split(" ")[0], register)


def save_server_password(choice: ServerChoice, password: str) -> str:
    """Check `password` against the office server as chosen and keep it in the system keyring
    (as `db-password` does); returns the database's name for messages. DatabaseError when the
    settings, the password or the keyring fail."""
    _refuse_errors(choice)
    return remember_server_password(server_address(choice), password)


def server_password_stored(choice: ServerChoice) -> bool:
    """Whether the keyring holds a password for the office server as chosen (False when there
    is no usable keyring, or the settings are not complete)."""
    if any(f.is_error for f in check_server_choice(choice)):
        return False
    try:
        import keyring

        return bool(keyring.get_password(KEYRING_SERVICE,
                                         keyring_user(server_url(choice))))
    except Exception:  # no usable keyring backend
        return False
