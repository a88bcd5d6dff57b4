// Small building blocks every screen uses.
import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { errorText } from "../errors";
import { t } from "../i18n";
import { href, onLinkClick } from "../router";

export function Link(props: { to: string; class?: string; children: ComponentChildren }) {
  return (
    <a href={href(props.to)} class={props.class} onClick={(event) => onLinkClick(event, props.to)}>
      {props.children}
    </a>
  );
}

/** A screen: its title (the page's one h1, focused on arrival for screen readers) and content. */
export function Screen(props: { title: string; children: ComponentChildren; back?: boolean }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = props.title + " · APO";
    heading.current?.focus({ preventScroll: true });
  }, [props.title]);
  return (
    <main class="screen">
      {props.back !== false && (
        <nav class="crumbs">
          <Link to="/" class="back">
            {"← " + t("Start page")}
          </Link>
        </nav>
      )}
      <h1 ref={heading} tabIndex={-1}>
        {props.title}
      </h1>
      {props.children}
    </main>
  );
}

export function Loading() {
  return (
    <p class="loading" role="status">
      {t("Loading…")}
    </p>
  );
}

export function ErrorNotice(props: { error: unknown; onRetry?: () => void }) {
  return (
    <div class="notice error" role="alert">
      <p>{errorText(props.error)}</p>
      {props.onRetry && (
        <button type="button" class="button secondary" onClick={props.onRetry}>
          {t("Try again")}
        </button>
      )}
    </div>
  );
}

export function Notice(props: { children: ComponentChildren; tone?: "info" | "ok" }) {
  return (
    <div class={"notice " + (props.tone ?? "info")} role="status">
      {props.children}
    </div>
  );
}

/** A modal <dialog>: the browser keeps focus inside it and Esc closes it. */
export function Dialog(props: { open: boolean; title: string; onClose: () => void; children: ComponentChildren }) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (props.open && !element.open) element.showModal();
    if (!props.open && element.open) element.close();
  }, [props.open]);
  return (
    <dialog ref={dialog} class="dialog" aria-label={props.title} onClose={props.onClose}>
      <h2>{props.title}</h2>
      {props.children}
    </dialog>
  );
}
