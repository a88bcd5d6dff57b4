// The shell: who is signed in (Telegram's launch data, or the browser session), then the screen the
// path names. Each screen renders what the API says; no business rule lives here.
import { useEffect, useState } from "preact/hooks";
import { ApiError, whenUnauthorized } from "./api/client";
import { getMe } from "./api/endpoints";
import type { UserView } from "./api/types";
import { setLocale, t } from "./i18n";
import { navigate, usePath } from "./router";
import { Cabinet } from "./screens/Cabinet";
import { Filters } from "./screens/Filters";
import { Home } from "./screens/Home";
import { Login } from "./screens/Login";
import { Simulation } from "./screens/Simulation";
import { Stats } from "./screens/Stats";
import { Train } from "./screens/Train";
import { showBackButton } from "./telegram";
import { ErrorNotice, Loading } from "./ui/kit";

type Session = { state: "loading" } | { state: "anonymous" } | { state: "failed"; error: unknown } | {
  state: "signed-in";
  user: UserView;
};

export function App(props: { telegram: boolean }) {
  const [session, setSession] = useState<Session>({ state: "loading" });
  const path = usePath();

  const signedIn = (user: UserView) => {
    setLocale(user.locale);
    setSession({ state: "signed-in", user });
  };
  const load = () => {
    setSession({ state: "loading" });
    getMe().then(signedIn, (error) => {
      if (error instanceof ApiError && error.status === 401 && !props.telegram) setSession({ state: "anonymous" });
      else setSession({ state: "failed", error });
    });
  };
  useEffect(() => {
    whenUnauthorized((error) =>
      props.telegram ? setSession({ state: "failed", error }) : setSession({ state: "anonymous" }));
    load();
  }, []);
  useEffect(() => showBackButton(path !== "/", () => navigate("/")), [path]); // every screen is one step deep

  if (session.state === "loading") return <Loading />;
  if (session.state === "failed") {
    return (
      <main class="screen">
        <h1>{t("APO Trainer")}</h1>
        <ErrorNotice error={session.error} onRetry={load} />
      </main>
    );
  }
  if (session.state === "anonymous") {
    return <Login onSignedIn={(user) => (signedIn(user), navigate("/", true))} />;
  }
  const user = session.user;
  const signedOut = () => setSession({ state: "anonymous" });
  const [screen, ...rest] = path.split("/").filter(Boolean);
  switch (screen) {
    case "train":
      return <Train key={rest[0]} mode={rest[0] === "adaptive" || rest[0] === "mistakes" ? rest[0] : "training"} />;
    case "sim":
      return <Simulation />;
    case "stats":
      return <Stats user={user} />;
    case "filters":
      return <Filters />;
    case "cabinet":
      return <Cabinet user={user} telegram={props.telegram} onChanged={signedIn} onSignedOut={signedOut} />;
    default:
      return <Home user={user} />;
  }
}
