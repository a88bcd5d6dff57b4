// The cabinet: name, grade, language, the daily reminder, linking Telegram, signing out, deleting.
import { useState } from "preact/hooks";
import { isTelegramSession } from "../api/client";
import { createTelegramLink, disableReminders, enableReminders, patchMe, reminders, signOut } from "../api/endpoints";
import type { Grade, TelegramLinkView, UserView } from "../api/types";
import { t } from "../i18n";
import { GRADES, gradeName } from "../ui/grades";
import { ErrorNotice, Notice, Screen } from "../ui/kit";
import { useLoad } from "../ui/useLoad";
import { DeleteAccount } from "./DeleteAccount";

interface Props {
  user: UserView;
  telegram: boolean;
  onChanged: (user: UserView) => void;
  onSignedOut: () => void;
}

export function Cabinet(props: Props) {
  return (
    <Screen title={t("Cabinet")}>
      <Profile user={props.user} onChanged={props.onChanged} />
      <Reminders linked={props.user.telegram_linked} />
      <TelegramLink user={props.user} />
      {!isTelegramSession() && (
        <section class="card">
          <button type="button" class="button secondary" onClick={() => signOut().finally(props.onSignedOut)}>
            {t("Sign out")}
          </button>
        </section>
      )}
      <DeleteAccount user={props.user} onDeleted={props.onSignedOut} />
    </Screen>
  );
}

function Profile(props: { user: UserView; onChanged: (user: UserView) => void }) {
  const [name, setName] = useState(props.user.display_name);
  const [grade, setGrade] = useState<Grade | "">(props.user.grade ?? "");
  const [language, setLanguage] = useState(props.user.locale);
  const [state, setState] = useState<"idle" | "saving" | "saved" | { error: unknown }>("idle");
  const save = async (event: Event) => {
    event.preventDefault();
    setState("saving");
    try {
      const changes: Parameters<typeof patchMe>[0] = { display_name: name, locale: language };
      if (grade) changes.grade = grade;
      props.onChanged(await patchMe(changes));
      setState("saved");
    } catch (error) {
      setState({ error });
    }
  };
  return (
    <form class="card form" onSubmit={save}>
      <h2>{t("Profile")}</h2>
      <label>
        {t("Your name")}
        <input name="name" value={name} required maxLength={64} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label>
        {t("Grade")}
        <select name="grade" value={grade} onChange={(e) => setGrade(e.currentTarget.value as Grade)}>
          {grade === "" && <option value="">{t("Not set")}</option>}
          {GRADES.map((g) => <option value={g}>{gradeName(g)}</option>)}
        </select>
      </label>
      <label>
        {t("Language")}
        <select name="language" value={language} onChange={(e) => setLanguage(e.currentTarget.value as "ru" | "en")}>
          <option value="ru">Русский</option>
          <option value="en">English</option>
        </select>
      </label>
      {props.user.email && <p class="hint">{t("Email: {email}", { email: props.user.email })}</p>}
      {typeof state === "object" && <ErrorNotice error={state.error} />}
      {state === "saved" && <p class="hint" role="status">{t("Saved")}</p>}
      <button type="submit" class="button primary" disabled={state === "saving"}>{t("Save")}</button>
    </form>
  );
}

const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

function Reminders(props: { linked: boolean }) {
  const settings = useLoad(reminders);
  const [hour, setHour] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(null);
  const shownHour = hour ?? settings.data?.hour ?? 18;
  const change = async (enabled: boolean, at: number) => {
    setError(null);
    try {
      const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
      settings.set(enabled ? await enableReminders(at, zone) : await disableReminders());
    } catch (failure) {
      setError(failure);
    }
  };
  return (
    <section class="card form">
      <h2>{t("Daily reminder")}</h2>
      <p class="hint">{t("The bot reminds you once a day when mistakes are due or your streak is at risk.")}</p>
      {!props.linked && <p class="hint">{t("It comes in Telegram: link your Telegram below to get it.")}</p>}
      {settings.error !== undefined && <ErrorNotice error={settings.error} onRetry={settings.reload} />}
      {settings.data && (
        <>
          <label class="switch">
            <input type="checkbox" name="reminders" checked={settings.data.enabled}
              onChange={(e) => change(e.currentTarget.checked, shownHour)} />
            <span>{t("Remind me")}</span>
          </label>
          <label class="inline">
            {t("At")}
            <select name="hour" value={shownHour} onChange={(e) => {
              const at = Number(e.currentTarget.value);
              setHour(at);
              if (settings.data?.enabled) change(true, at);
            }}>
              {HOURS.map((h) => <option value={h}>{String(h).padStart(2, "0")}:00</option>)}
            </select>
          </label>
        </>
      )}
      {error !== null && <ErrorNotice error={error} />}
    </section>
  );
}

function TelegramLink(props: { user: UserView }) {
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
