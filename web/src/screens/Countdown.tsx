import { useEffect, useState } from "preact/hooks";
import { t } from "../i18n";
import { Icon } from "../ui/icons";

export function formatClock(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds));
  const hours = Math.floor(s / 3600);
  const mm = String(Math.floor((s % 3600) / 60)).padStart(2, "0");
  const ss = String(s % 60).padStart(2, "0");
  return hours ? `${hours}:${mm}:${ss}` : `${mm}:${ss}`;
}

/** Time left until `endsAt` (the server's deadline, counted from the server's seconds_left so a wrong
 * device clock does not matter); calls onExpired once when it reaches zero. */
export function Countdown(props: { endsAt: number; onExpired: () => void }) {
  const [now, setNow] = useState(Date.now());
  const left = (props.endsAt - now) / 1000;
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, []);
  useEffect(() => {
    if (left <= 0) props.onExpired();
  }, [left <= 0]);
  return (
    <p class={"countdown" + (left < 60 ? " urgent" : "")} role="timer" aria-label={t("Time left")}>
      <Icon name="clock" />
      <span class="countdown-clock" data-seconds-left={Math.max(0, Math.ceil(left))}>{formatClock(left)}</span>
    </p>
  );
}
