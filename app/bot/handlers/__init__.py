"""The bot's routers, one per feature, included in this order (the first matching handler wins):

1. start         /start (+ deep-link code), /menu, the start page button
2. help          /help and the Help menu item
3. registration  the /start dialog (states Registration.*), the "Register" button
4. cabinet       /cabinet, profile, grade, language
5. cabinet_name  editing the name (state EditName.waiting)
6. api_access    email + password for the REST API (states ApiAccess.*)
7. account_deletion  the cabinet's "Delete account", its confirmation and the deletion
8. training, mistakes, reminders, simulation, stats, leaderboard, filters   the main menu's features
9. admin         /mailing, /export, question files sent by admins (app/bot/admin/)
10. membership   a user blocking or unblocking the bot (my_chat_member)
11. fallback     anything else: unknown commands, free text, outdated buttons, edited messages

Commands come first, so that /menu or /help work in the middle of any dialog.
"""
from __future__ import annotations

from aiogram import Router

from app.bot.handlers import api_access, cabinet, cabinet_name, fallback, help, registration, start
from app.bot.handlers import account_deletion
from app.bot.handlers import filters, leaderboard, stats
from app.bot import admin
from app.bot.handlers import membership, mistakes, reminders, simulation, training


def feature_routers() -> list[Router]:
    """Fresh routers in the order above (each app builds its own dispatcher)."""
    return [module.make_router() for module in (start, help, registration, cabinet, cabinet_name,
                                                 api_access, account_deletion, training, mistakes, reminders,
                                                 simulation, stats, leaderboard, filters, admin, membership,
                                                 fallback)]
