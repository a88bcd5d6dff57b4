"""FSM states of the admin dialogs."""
from aiogram.fsm.state import State, StatesGroup


class MailingDialog(StatesGroup):
    text = State()       # waiting for the message (text or photo with caption)
    segment = State()    # choosing who gets it
    confirm = State()    # preview sent; start or cancel
