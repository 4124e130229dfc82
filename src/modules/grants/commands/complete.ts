// The one step the system takes by itself: APPROVED -> COMPLETED once the final report is accepted and
// everything granted is paid. Reached after a payment (pay.ts) and after accepting a report (report.ts).
import { AppError } from '../../../errors/app-error';
import type { Context } from '../../../context';
import type { App } from '../application/grant-application.model';
import { applyChange } from './command';
import { GRANTED_TOTAL_EXPR, grantedTotal } from '../convention/convention.rules';

export async function completeIfDone(ctx: Pick<Context, 'viewer'>, app: App): Promise<App> {
  if (app.status !== 'APPROVED' || !app.finalReport?.acceptedAt || (app.paidAmount ?? 0) !== grantedTotal(app)) return app;
  try {
    return await applyChange(ctx, app, 'COMPLETE', {
      reason: 'Final report accepted and every tranche paid',
      guard: { 'finalReport.acceptedAt': { $ne: null }, $expr: { $eq: ['$paidAmount', GRANTED_TOTAL_EXPR] } },
    });
  } catch (err) {
    if (err instanceof AppError && err.code === 'INVALID_TRANSITION') return app; // completed by a concurrent call
    throw err;
  }
}
