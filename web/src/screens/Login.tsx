// In a browser: sign in with email and password, or create an account. The session is an HttpOnly
// cookie (POST /auth/session); the page never holds the token.
import { useState } from "preact/hooks";
import { getMe, register, signIn } from "../api/endpoints";
import type { Grade, UserView } from "../api/types";
import { locale, t } from "../i18n";
import { GRADES, gradeName } from "../ui/grades";
import { ErrorNotice } from "../ui/kit";

export function Login(props: { onSignedIn: (user: UserView) => void }) {
  const [mode, setMode] = useState<"sign-in" | "register">("sign-in");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [name, setName] = useState("");
  const [grade, setGrade] = useState<Grade | "">("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (mode === "register") {
        await register({ email, password, display_name: name, grade: grade || null, locale: locale() });
      }
      await signIn(email, password);
      props.onSignedIn(await getMe());
    } catch (failure) {
      setError(failure);
      setBusy(false);
    }
  };

  const registering = mode === "register";
  return (
    <main class="screen narrow">
      <h1>{t("APO Trainer")}</h1>
      <p class="lead">{t("Olympiad questions in economics, geography, English and more: train, sit a timed paper, follow your progress.")}</p>
      <div class="tabs" role="tablist">
        <button type="button" role="tab" aria-selected={!registering} class="tab" onClick={() => setMode("sign-in")}>
          {t("Sign in")}
        </button>
        <button type="button" role="tab" aria-selected={registering} class="tab" onClick={() => setMode("register")}>
          {t("Create an account")}
        </button>
      </div>
      <form class="card form" onSubmit={submit}>
        {registering && (
          <label>
            {t("Your name")}
            <input name="name" value={name} onInput={(e) => setName(e.currentTarget.value)} required maxLength={64}
              autoComplete="nickname" />
          </label>
        )}
        <label>
          {t("Email")}
          <input name="email" type="email" value={email} onInput={(e) => setEmail(e.currentTarget.value)} required
            autoComplete="email" />
        </label>
        <label>
          {t("Password")}
          <input name="password" type="password" value={password} onInput={(e) => setPassword(e.currentTarget.value)}
            required minLength={registering ? 8 : undefined} maxLength={128}
            autoComplete={registering ? "new-password" : "current-password"} />
          {registering && <span class="hint">{t("8 to 128 characters")}</span>}
        </label>
        {registering && (
          <label>
            {t("Grade")}
            <select name="grade" value={grade} onChange={(e) => setGrade(e.currentTarget.value as Grade | "")}>
              <option value="">{t("Not now")}</option>
              {GRADES.map((g) => <option value={g}>{gradeName(g)}</option>)}
            </select>
          </label>
        )}
        {error !== null && <ErrorNotice error={error} />}
        <button type="submit" class="button primary" disabled={busy}>
          {registering ? t("Create an account") : t("Sign in")}
        </button>
      </form>
      <p class="hint">{t("Use the Telegram bot? Open this app from the bot's menu: the same account, no password.")}</p>
    </main>
  );
}
