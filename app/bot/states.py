"""FSM states of the bot's dialogs."""
from aiogram.fsm.state import State, StatesGroup


class Registration(StatesGroup):
    name = State()
    grade = State()


class EditName(StatesGroup):
    waiting = State()


class ApiAccess(StatesGroup):
    email = State()
    password = State()
