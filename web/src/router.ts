// A small router over the History API under /app/ (the server answers every /app/… path with the page).
import { useEffect, useState } from "preact/hooks";

const BASE = "/app";

export function currentPath(): string {
  const path = window.location.pathname.startsWith(BASE) ? window.location.pathname.slice(BASE.length) : "/";
  return path.replace(/\/+$/, "") || "/";
}

const listeners = new Set<() => void>();

export function navigate(path: string, replace = false): void {
  const url = BASE + (path === "/" ? "/" : path); // the launch data in the hash is kept by the SDK
  if (replace) history.replaceState(null, "", url);
  else history.pushState(null, "", url);
  window.scrollTo(0, 0);
  listeners.forEach((listener) => listener());
}

export function usePath(): string {
  const [path, setPath] = useState(currentPath);
  useEffect(() => {
    const update = () => setPath(currentPath());
    listeners.add(update);
    window.addEventListener("popstate", update);
    return () => {
      listeners.delete(update);
      window.removeEventListener("popstate", update);
    };
  }, []);
  return path;
}

/** An <a> that moves inside the app without reloading it (a modified click opens a new tab as usual). */
export function onLinkClick(event: MouseEvent, path: string): void {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(path);
}

export function href(path: string): string {
  return BASE + (path === "/" ? "/" : path);
}
