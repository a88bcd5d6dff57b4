// The one way the web app reaches the server: the public REST API under /api/v1.
// Inside Telegram every request carries the Mini App's signed launch data (`Authorization: tma …`);
// in a browser the session is an HttpOnly cookie the page never sees, sent with X-APO-Client.

const BASE = "/api/v1";

export class ApiError extends Error {
  constructor(
    readonly status: number, // 0: the server could not be reached
    readonly code: string, // the problem type's slug: "session_exhausted", "validation", …
    readonly detail: string,
    readonly problem: Record<string, unknown> = {},
  ) {
    super(detail || code);
  }
}

let telegramInitData: string | null = null;
let onUnauthorized: (error: ApiError) => void = () => {};

export function useTelegramInitData(initData: string): void {
  telegramInitData = initData;
}

export function isTelegramSession(): boolean {
  return telegramInitData !== null;
}

export function whenUnauthorized(handler: (error: ApiError) => void): void {
  onUnauthorized = handler;
}

function slug(type: unknown): string {
  return typeof type === "string" ? type.slice(type.lastIndexOf("/") + 1) : "";
}

export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (telegramInitData !== null) headers.Authorization = `tma ${telegramInitData}`;
  else headers["X-APO-Client"] = "web";
  if (body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      credentials: "same-origin",
    });
  } catch {
    throw new ApiError(0, "network", "");
  }
  if (response.status === 204) return undefined as T;
  const data = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new ApiError(response.status, slug(data.type), String(data.detail ?? data.title ?? ""), data);
    if (response.status === 401 && !path.startsWith("/auth/")) onUnauthorized(error);
    throw error;
  }
  return data as T;
}
