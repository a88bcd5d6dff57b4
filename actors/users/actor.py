"""The users actor: registration on both platforms, profile, linking a Telegram user to an account,
and deleting an account."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone

from actors.aspects import cached, invalidate, invalidates
from actors.auth.messages import Credentials, GetCredentials
from actors.aspects.cache import cache_delete, cache_get, cache_set, get_cache
from actors.runtime import Actor, handles
from actors.sessions.token_cache import forget_tokens
from actors.users.errors import AlreadyLinked, CredentialsAlreadySet, EmailTaken, LinkCodeInvalid
from actors.users.messages import (AccountDeleted, AccountsMerged, CreateTelegramLinkCode, DeleteAccount,
                                   GetStoredUser, GetUser, GetUserByTelegram, LinkCode, RedeemTelegramLinkCode,
                                   RegisterAccount, RegisterTelegramUser, SetApiCredentials, UpdateProfile,
                                   UserRegistered, UserView)
from actors.users.registration import is_same_registration
from actors.users.secrets import hash_password, new_link_code, secret_hash
from actors.users.views import to_view
from storage.postgres import Database, DuplicateKey
from storage.postgres.tokens_repo import TokensRepository
from storage.postgres.users_repo import UsersRepository

LINK_CODE_TTL = timedelta(minutes=10)
# Every bot update looks its sender up by Telegram id. Found users are cached (a miss is not: the
# person may register any moment); the commands here that change a user drop the entry, and a
# change made elsewhere (`apo admin grant` in another process) shows within the TTL, as for GetUser.
TELEGRAM_LOOKUP_SECONDS = 60.0


def _user_key(msg: object) -> str:
    return str(getattr(msg, "user_id"))


class UsersActor(Actor):
    def __init__(self, database: Database, admin_telegram_ids: frozenset[int] = frozenset()) -> None:
        self._db = database
        self._admins = admin_telegram_ids
        self._users = UsersRepository()
        self._tokens = TokensRepository()

    async def on_start(self) -> None:
        if self._admins:
            async with self._db.transaction() as tx:
                await self._users.grant_admin_by_telegram(tx, sorted(self._admins))

    @handles(GetUser)
    @cached(ttl=60, key=_user_key, namespace="users")
    async def get_user(self, msg: GetUser) -> UserView:
        async with self._db.autocommit() as tx:
            return to_view(await self._users.get(tx, msg.user_id))

    @handles(GetStoredUser)
    @invalidates("users", key=_user_key)
    async def get_stored_user(self, msg: GetStoredUser) -> UserView:
        async with self._db.autocommit() as tx:
            view = to_view(await self._users.get(tx, msg.user_id))
        await _forget_telegram(view.telegram_id)
        return view

    @handles(GetUserByTelegram)
    async def get_by_telegram(self, msg: GetUserByTelegram) -> UserView | None:
        hit = await cache_get(get_cache(), _telegram_key(msg.telegram_id))
        if hit is not None:
            return hit[0]
        async with self._db.autocommit() as tx:
            record = await self._users.get_by_telegram(tx, msg.telegram_id)
        if record is None:
            return None
        view = to_view(record)
        await cache_set(get_cache(), _telegram_key(msg.telegram_id), (view,), TELEGRAM_LOOKUP_SECONDS)
        return view

    @handles(GetCredentials, logged=False)
    async def get_credentials(self, msg: GetCredentials) -> Credentials | None:
        async with self._db.transaction() as tx:
            record = await self._users.get_by_email(tx, msg.email)
        return Credentials(user_id=record.id, password_hash=record.password_hash) if record else None

    @handles(RegisterTelegramUser)
    async def register_telegram(self, msg: RegisterTelegramUser) -> UserView:
        async with self._db.transaction() as tx:
            existing = await self._users.get_by_telegram(tx, msg.telegram_id)
            if existing:
                return to_view(existing)
            record = await self._users.create(
                tx, telegram_id=msg.telegram_id, display_name=msg.display_name, grade=msg.grade,
                locale=msg.locale, is_admin=msg.telegram_id in self._admins)
            await tx.record(UserRegistered(user_id=record.id, channel="bot"))
        return to_view(record)

    @handles(RegisterAccount)
    async def register_account(self, msg: RegisterAccount) -> UserView:
        email = str(msg.email).lower()
        async with self._db.autocommit() as tx:
            existing = await self._users.get_by_email(tx, email)
        if existing is None:
            password_hash = await hash_password(msg.password.get_secret_value())
            try:
                async with self._db.transaction() as tx:
                    record = await self._users.create(
                        tx, email=email, password_hash=password_hash, display_name=msg.display_name,
                        grade=msg.grade, locale=msg.locale)
                    await tx.record(UserRegistered(user_id=record.id, channel="api"))
            except DuplicateKey:  # a concurrent registration of this email won
                async with self._db.autocommit() as tx:
                    existing = await self._users.get_by_email(tx, email)
            else:
                return to_view(record)
        if existing is not None and await is_same_registration(existing, msg):
            return to_view(existing)  # the same request again: it gets the account it created
        raise EmailTaken()

    @handles(UpdateProfile)
    @invalidates("users", key=_user_key)
    async def update_profile(self, msg: UpdateProfile) -> UserView:
        async with self._db.transaction() as tx:
            view = to_view(await self._users.update_profile(
                tx, msg.user_id, display_name=msg.display_name, grade=msg.grade, locale=msg.locale))
        await _forget_telegram(view.telegram_id)
        return view

    @handles(SetApiCredentials)
    @invalidates("users", key=_user_key)
    async def set_api_credentials(self, msg: SetApiCredentials) -> UserView:
        password_hash = await hash_password(msg.password.get_secret_value())
        try:
            async with self._db.transaction() as tx:
                current = to_view(await self._users.get(tx, msg.user_id))
                if current.email is not None:
                    raise CredentialsAlreadySet()
                record = await self._users.set_credentials(tx, msg.user_id, str(msg.email).lower(), password_hash)
        except DuplicateKey:
            raise EmailTaken() from None
        await _forget_telegram(record.telegram_id)
        return to_view(record)

    @handles(DeleteAccount)
    @invalidates("users", key=_user_key)
    async def delete_account(self, msg: DeleteAccount) -> None:
        async with self._db.transaction() as tx:
            # Read before the cascade takes them: their cached token -> user entries go too.
            token_hashes = await self._tokens.user_token_hashes(tx, msg.user_id)
            deleted = to_view(await self._users.delete(tx, msg.user_id))
            await tx.record(AccountDeleted(user_id=msg.user_id, channel=msg.channel))
        await forget_tokens(token_hashes)
        await _forget_telegram(deleted.telegram_id)

    @handles(CreateTelegramLinkCode)
    async def create_link_code(self, msg: CreateTelegramLinkCode) -> LinkCode:
        code = new_link_code()
        expires_at = datetime.now(timezone.utc) + LINK_CODE_TTL
        async with self._db.transaction() as tx:
            user = to_view(await self._users.get(tx, msg.user_id))
            if user.telegram_linked:
                raise AlreadyLinked("this account is already linked to a Telegram user")
            await self._tokens.add_link_code(tx, secret_hash(code), msg.user_id, expires_at)
        return LinkCode(code=code, expires_at=expires_at)

    @handles(RedeemTelegramLinkCode)
    async def redeem_link_code(self, msg: RedeemTelegramLinkCode) -> UserView:
        merged_from: int | None = None
        async with self._db.transaction() as tx:
            target_id = await self._tokens.consume_link_code(tx, secret_hash(msg.code.strip().upper()))
            if target_id is None:
                raise LinkCodeInvalid()
            target = to_view(await self._users.get(tx, target_id))
            if target.telegram_id == msg.telegram_id:
                return target
            if target.telegram_linked:
                raise AlreadyLinked("this account is already linked to another Telegram user")
            bot_user = await self._users.get_by_telegram(tx, msg.telegram_id)
            if bot_user is not None:
                if bot_user.email is not None:
                    raise AlreadyLinked("this Telegram user already has its own account with an email")
                await self._users.merge_into(tx, bot_user.id, target_id)
                await tx.record(AccountsMerged(source_user_id=bot_user.id, target_user_id=target_id))
                merged_from = bot_user.id
            record = await self._users.set_telegram(tx, target_id, msg.telegram_id)
        await self._forget_cached(target_id, merged_from)
        await _forget_telegram(msg.telegram_id)
        return to_view(record)

    async def _forget_cached(self, *user_ids: int | None) -> None:
        for user_id in filter(None, user_ids):
            await invalidate("users", str(user_id))


def _telegram_key(telegram_id: int) -> str:
    return f"apo:users_by_telegram:{telegram_id}"


async def _forget_telegram(telegram_id: int | None) -> None:
    if telegram_id is not None:
        await cache_delete(get_cache(), _telegram_key(telegram_id))
