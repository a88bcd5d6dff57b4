"""What can go wrong in the users concern, as domain error kinds the edges understand."""
from actors.errors import Conflict, NotFound, Unauthenticated


class UserNotFound(NotFound):
    """No such user."""
    code = "user_not_found"


class EmailTaken(Conflict):
    """This email is already registered."""
    code = "email_taken"


class InvalidCredentials(Unauthenticated):
    """Wrong email or password."""
    code = "invalid_credentials"


class InvalidToken(Unauthenticated):
    """The access token is missing, unknown, expired or revoked."""
    code = "invalid_token"


class LinkCodeInvalid(NotFound):
    """The link code is unknown, already used or expired."""
    code = "link_code_invalid"


class AlreadyLinked(Conflict):
    """One of the two accounts is already linked to another one."""
    code = "already_linked"


class CredentialsAlreadySet(Conflict):
    """This account already has an email and password."""
    code = "credentials_already_set"
