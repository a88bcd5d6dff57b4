// The cabinet: name, grade, language, the daily reminder, linking Telegram, signing out, deleting.
import { useState } from "preact/hooks";
import { isTelegramSession } from "../api/client";
import { patchMe, signOut } from "../api/endpoints";
import type { Grade, UserView } from "../api/types";
import { t } from "../i18n";
import { GRADES, gradeName } from "../ui/grades";
import { ErrorNotice, Screen } from "../ui/kit";
import { DeleteAccount } from "./DeleteAccount";
import { Reminders } from "./Reminders";
import { TelegramLink } from "./TelegramLink";

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
