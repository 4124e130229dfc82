// Withdrawing a granted subsidy (retrait): for a breach of the republican contract (décret 2021-1947) or
// unmet conditions. The grant keeps the share of its period elapsed before the withdrawal takes effect;
// what was paid beyond it is to be recovered (titre de recette), and its settlement is recorded later.
import type { App } from '../application/grant-application.model';

/** What the envelope should hold for this application (cents), or null when nothing. */
export function heldCommitment(app: Pick<App, 'status' | 'decision' | 'paidAmount' | 'recovery'>): number | null {
  if (app.status === 'APPROVED' || app.status === 'COMPLETED') return app.decision?.amount ?? null;
  if (app.status === 'WITHDRAWN' && app.recovery) {
    const kept = (app.paidAmount ?? 0) - (app.recovery.recoveredOn ? app.recovery.amount : 0);
    return kept > 0 ? kept : null;
  }
  return null;
}
