// Security headers on every response, errors and refusals included. The API answers JSON, so the default
// Content-Security-Policy allows nothing at all; a route that serves a page (the map, the explorer) sets its
// own policy, which replaces this one. Our own few lines rather than helmet: helmet's defaults are made for
// HTML sites (a CSP allowing inline styles and https: sources, HSTS from the app although TLS ends at the
// proxy, cross-origin policies that the open-data routes would have to undo), so we would override nearly
// all of it; five fixed headers need no dependency.
import type { RequestHandler } from 'express';

/** Nothing may load, embed or submit from a JSON response; pages replace it with their own. */
export const DEFAULT_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

export const SECURITY_HEADERS: Readonly<Record<string, string>> = Object.freeze({
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'content-security-policy': DEFAULT_CSP,
  'cross-origin-opener-policy': 'same-origin',
});

export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    next();
  };
}

/** Production hides "Did you mean ...?" from error messages: they would list fields and enum values. */
export function withoutSuggestions<E extends { message: string }, R extends { message: string }>(format: (formatted: E, error: unknown) => R) {
  return (formatted: E, error: unknown): R => {
    const out = format(formatted, error);
    const message = out.message.replace(/\s*Did you mean [^?]*\?/g, '').trim();
    return message === out.message ? out : { ...out, message };
  };
}
