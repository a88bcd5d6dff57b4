import { useState } from "preact/hooks";
import { disableReminders, enableReminders, reminders } from "../api/endpoints";
import { t } from "../i18n";
import { ErrorNotice } from "../ui/kit";
import { useLoad } from "../ui/useLoad";

/** The bot's daily reminder: on or off, at a local hour of this device's time zone. */
const HOURS = Array.from({ length: 24 }, (_, hour) => hour);

export function Reminders(props: { linked: boolean }) {
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
