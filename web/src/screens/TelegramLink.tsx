import { useState } from "preact/hooks";
import { createTelegramLink } from "../api/endpoints";
import type { TelegramLinkView, UserView } from "../api/types";
import { t } from "../i18n";
import { ErrorNotice, Notice } from "../ui/kit";

/** Linking the bot to a browser account: a one-time code and the bot's deep link. */
export function TelegramLink(props: { user: UserView }) {
  const [link, setLink] = useState<TelegramLinkView | null>(null);
  const [error, setError] = useState<unknown>(null);
  if (props.user.telegram_linked) {
    return <Notice tone="ok"><p>{t("Telegram is linked: the bot and this app share your progress.")}</p></Notice>;
  }
  const create = async () => {
    setError(null);
    try {
      setLink(await createTelegramLink());
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section class="card">
      <h2>{t("Telegram")}</h2>
      <p class="hint">{t("Link the bot to this account to train in Telegram with the same progress.")}</p>
      {link ? (
        <div class="link-code">
          {link.deep_link && (
            <a class="button primary" href={link.deep_link} target="_blank" rel="noopener noreferrer">
              {t("Open the bot")}
            </a>
          )}
          <p>{t("Or send the bot: /start {code}", { code: link.code })}</p>
          <p class="hint">{t("The code works for 10 minutes.")}</p>
        </div>
      ) : (
        <button type="button" class="button secondary" onClick={create}>{t("Link Telegram")}</button>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}
