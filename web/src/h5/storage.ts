// Join applications submitted from this browser (number + status token), newest first, so the status stays reachable.
export interface SavedApplication {
  number: string;
  token: string;
  savedAt: string;
}

const KEY = 'gh_h5_join';

export function loadApplications(): SavedApplication[] {
  try {
    const raw: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
    if (!Array.isArray(raw)) return [];
    return raw.filter(
      (a): a is SavedApplication =>
        typeof a === 'object' &&
        a !== null &&
        typeof (a as SavedApplication).number === 'string' &&
        typeof (a as SavedApplication).token === 'string',
    );
  } catch {
    return [];
  }
}

export function saveApplication(number: string, token: string, now = new Date()): void {
  const rest = loadApplications().filter((a) => a.number !== number);
  try {
    localStorage.setItem(KEY, JSON.stringify([{ number, token, savedAt: now.toISOString() }, ...rest].slice(0, 10)));
  } catch {
    // Storage full or disabled: the page still shows the link to copy.
  }
}

export const statusPath = (number: string, token: string) => `/join/${encodeURIComponent(number)}?token=${encodeURIComponent(token)}`;
