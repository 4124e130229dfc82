// The grants' side of the open-data publication: the day each grant first appeared in an export, written
// here because the grants module owns the applications (the open-data module calls it, batch by batch).
import { clock } from '../kernel/clock';
import { GrantApplicationModel } from '../application/grant-application.model';

/** Records now as the first publication of these grants, once per grant (those already published keep their day). */
export async function recordFirstPublication(ids: unknown[]): Promise<void> {
  if (ids.length) await GrantApplicationModel.updateMany({ _id: { $in: ids }, firstPublishedAt: null }, { $set: { firstPublishedAt: clock.now() } });
}
