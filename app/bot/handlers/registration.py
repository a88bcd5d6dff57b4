"""Registration dialog: display name (prefilled from Telegram) -> grade -> start page."""
from __future__ import annotations

from aiogram import Bot, F, Router
from aiogram.fsm.context import FSMContext
from aiogram.types import CallbackQuery, Message, User
from aiogram.utils.i18n import I18n

from actors.runtime import ActorSystem
from actors.users.messages import RegisterTelegramUser, UserView
from app.bot import screens
from app.bot.flags import ANYONE
from app.bot.keyboards import registration as kb
from app.bot.keyboards.callbacks import GradeCallback, RegisterCallback
from app.bot.states import Registration
from app.bot.texts import registration as texts
from app.bot.validation import check_name

TYPED = F.text & ~F.text.startswith("/")  # a typed answer, not a command
NOT_COMMAND = ~F.text.startswith("/")  # also true for photos, stickers, files


def telegram_name(person: User) -> str | None:
    """The Telegram first name, if it is acceptable as a display name."""
    name, _ = check_name(person.first_name or "")
    return name


async def ask_name(bot: Bot, person: User, state: FSMContext) -> None:
    await state.set_state(Registration.name)
    await bot.send_message(person.id, texts.ask_name(), reply_markup=kb.name_choice(telegram_name(person)))


async def ask_grade(message: Message, state: FSMContext, name: str) -> None:
    await state.set_data({"name": name})
    await state.set_state(Registration.grade)
    await message.answer(texts.ask_grade(name), reply_markup=kb.grades("reg"))


async def begin(query: CallbackQuery, state: FSMContext, known_user: UserView | None) -> None:
    if known_user is not None:
        await screens.show(query, screens.home(known_user))
        return
    await state.clear()
    await ask_name(query.bot, query.from_user, state)


async def use_telegram_name(query: CallbackQuery, state: FSMContext) -> None:
    name = telegram_name(query.from_user)
    if name is None:
        await query.bot.send_message(query.from_user.id, texts.name_problem("invisible"))
        return
    await state.set_data({"name": name})
    await state.set_state(Registration.grade)
    await screens.show(query, screens.Screen(texts.ask_grade(name), kb.grades("reg")))


async def typed_name(message: Message, state: FSMContext) -> None:
    name, problem = check_name(message.text)
    if problem is not None:
        await message.answer(texts.name_problem(problem))
        return
    await ask_grade(message, state, name)


async def name_not_text(message: Message) -> None:
    await message.answer(texts.name_as_text())


async def chose_grade(query: CallbackQuery, callback_data: GradeCallback, state: FSMContext,
                      actors: ActorSystem, i18n: I18n) -> None:
    name = (await state.get_data())["name"]
    user = await actors.ask(RegisterTelegramUser(telegram_id=query.from_user.id, display_name=name,
                                                 grade=callback_data.grade, locale=i18n.current_locale))
    await state.clear()
    await screens.show(query, screens.home(user))


async def grade_not_pressed(message: Message) -> None:
    await message.answer(texts.use_grade_buttons(), reply_markup=kb.grades("reg"))


def make_router() -> Router:
    """A fresh router each time (aiogram attaches a router to one dispatcher); first match wins."""
    router = Router(name=__name__)
    on_message, on_callback = router.message.register, router.callback_query.register
    on_callback(begin, RegisterCallback.filter(F.action == "begin"), flags=ANYONE)
    on_callback(use_telegram_name, Registration.name, RegisterCallback.filter(F.action == "tg_name"),
                flags=ANYONE)
    on_message(typed_name, Registration.name, TYPED, flags=ANYONE)
    on_message(name_not_text, Registration.name, ~F.text, flags=ANYONE)
    on_callback(chose_grade, Registration.grade, GradeCallback.filter(F.purpose == "reg"), flags=ANYONE)
    on_message(grade_not_pressed, Registration.grade, NOT_COMMAND, flags=ANYONE)
    return router
