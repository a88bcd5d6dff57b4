import { render } from "preact";
import { App } from "./app";
import { useTelegramInitData } from "./api/client";
import { localeOf, setLocale } from "./i18n";
import { startTelegram } from "./telegram";
import "./styles.css";

const telegram = startTelegram();
if (telegram) useTelegramInitData(telegram.initData);
setLocale(localeOf(telegram ? telegram.languageCode : navigator.language));
render(<App telegram={telegram !== null} />, document.getElementById("app")!);
