// The explorer's page script, bundled by ../build.ts into one file served by the app. Plain JavaScript
// (no JSX, no DOM types in the server's tsconfig): it only reads the page's settings and mounts GraphiQL.
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import './page.css';

/** The server writes the starting tabs into a JSON data block (data, not script: the CSP allows no inline code). */
const settings = JSON.parse(document.getElementById('explorer-settings').textContent);

// The <style> elements GraphiQL's dialogs add (react-style-singleton, through get-nonce) take their nonce
// from this global: with it they pass the page's CSP, which has no 'unsafe-inline'.
globalThis.__webpack_nonce__ = settings.styleNonce;

/** Same origin only; the headers editor's JSON (Authorization) is sent as written. */
async function fetcher(params, options) {
  const response = await fetch(settings.endpoint, {
    method: 'POST',
    headers: {
      accept: 'application/graphql-response+json, application/json',
      'content-type': 'application/json',
      ...(options && options.headers ? options.headers : {}),
    },
    body: JSON.stringify(params),
    credentials: 'omit',
  });
  return response.json();
}

createRoot(document.getElementById('graphiql')).render(
  createElement(GraphiQL, {
    fetcher,
    defaultTabs: settings.tabs,
    defaultEditorToolsVisibility: settings.showHeaders ? 'headers' : false,
    // Tokens typed in the headers editor stay in this tab's memory, never in localStorage.
    shouldPersistHeaders: false,
  }),
);
document.body.dataset.state = 'ready';
