// The Telegram Mini App SDK, initialised once here. Outside Telegram nothing of it runs: the page is an
// ordinary web app (sign-in by email, colours from prefers-color-scheme). Production never mocks the
// environment; the browser tests feed launch parameters the way the SDK's mockTelegramEnv does.
import {
  backButton, init, isTMA, miniApp, retrieveRawInitData, themeParams,
} from "@telegram-apps/sdk";

export interface TelegramLaunch {
  initData: string;
  languageCode: string | null;
}

let launched: TelegramLaunch | null = null;

/** Inside Telegram: starts the SDK, binds the theme to CSS variables and returns the launch data. */
export function startTelegram(): TelegramLaunch | null {
  if (!isTMA()) return null;
  const initData = retrieveRawInitData();
  if (!initData) return null;
  init({ acceptCustomStyles: false }); // Telegram's <style> injection would break the CSP (no inline styles)
  if (themeParams.mountSync.isAvailable()) {
    themeParams.mountSync();
    if (themeParams.bindCssVars.isAvailable()) themeParams.bindCssVars();
    document.documentElement.dataset.theme = themeParams.isDark() ? "dark" : "light";
  }
  if (miniApp.mountSync.isAvailable()) miniApp.mountSync();
  if (backButton.mount.isAvailable()) backButton.mount();
  if (miniApp.ready.isAvailable()) miniApp.ready();
  launched = { initData, languageCode: languageOf(initData) };
  return launched;
}

/** The user's Telegram language (the server checks the signature; this only picks the first texts). */
function languageOf(initData: string): string | null {
  try {
    return JSON.parse(new URLSearchParams(initData).get("user") || "{}").language_code ?? null;
  } catch {
    return null;
  }
}

/** Telegram's own back button (beside the title) on every screen but the start page. */
export function showBackButton(visible: boolean, onBack: () => void): () => void {
  if (launched === null || !backButton.isMounted()) return () => {};
  if (!visible) {
    backButton.hide();
    return () => {};
  }
  backButton.show();
  return backButton.onClick(onBack);
}
