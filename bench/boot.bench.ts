// Boot time with 100,000 decided grants against an empty database (aim: within 2x), Maillage booting in
// its own process as src/index.ts does (connect, each module's boot step, the app), timed inside the child
// from connecting to ready. The budget reconciliation is the boot step that grows with the grants: its
// first pass on a database (no mark yet) checks everything through cursors; later boots check only what
// can need repair. Both are reported, with the server's RSS once ready.
import { Types } from 'mongoose';
import '../src/modules';
import { GrantApplicationModel } from '../src/modules/grants/application/grant-application.model';
import { BudgetEnvelopeModel } from '../src/modules/grants/budget/budget-envelope.model';
import { EnvelopeCommitmentModel } from '../src/modules/grants/budget/envelope-ledger.model';
import { FundingProgrammeModel } from '../src/modules/grants/budget/funding-programme.model';
import { ReconciliationMarkModel } from '../src/modules/grants/commands/reconcile.model';
import { LetterMarkModel } from '../src/modules/letters/letters.model';
import { OrganisationModel } from '../src/modules/organisation/organisation.model';
import { foldText } from '../src/shared/text';
import { fakeRna } from '../seeds/random';
import { startChild } from './e2e/spawn';
import { result, type Bench, type BenchResult } from './harness';

const GRANTS = 100_000;
const ENVELOPES = 100;
const BATCH = 5_000;

/** Decided grants with their commitments in the ledger and the envelopes' counters equal to it: a settled year. */
async function seedDecidedGrants(): Promise<void> {
  const decidedAt = new Date('2026-05-01T10:00:00Z');
  const orgs = Array.from({ length: 200 }, (_, i) => ({
    name: `Association de mesure ${i}`,
    nameKey: foldText(`Association de mesure ${i}`),
    legalForm: 'ASSOCIATION',
    rna: fakeRna(900_000 + i),
    description: '',
    status: 'ACTIVE',
    isPublic: true,
    isVerified: true,
    domains: [],
    neighbourhoods: [],
    labels: [],
    source: 'MAILLAGE',
    locallyEditedFields: [],
  }));
  const orgIds = Object.values((await OrganisationModel.collection.insertMany(orgs)).insertedIds) as Types.ObjectId[];
  const programme = (
    await FundingProgrammeModel.create({
      name: 'Mesure',
      year: 2026,
      opensOn: new Date('2026-01-01'),
      closesOn: new Date('2026-12-31'),
      minAmount: 0,
      maxAmount: 1e9,
    })
  )._id;
  const envelopes = Array.from({ length: ENVELOPES }, () => new Types.ObjectId());
  const committed = new Map<string, number>();
  const creator = new Types.ObjectId();
  for (let i = 0; i < GRANTS; i += BATCH) {
    const apps = [];
    const commitments = [];
    for (let k = i; k < Math.min(GRANTS, i + BATCH); k++) {
      const _id = new Types.ObjectId();
      const envelope = envelopes[k % ENVELOPES]!;
      const amount = 500_000 + (k % 1000);
      committed.set(String(envelope), (committed.get(String(envelope)) ?? 0) + amount);
      apps.push({
        _id,
        number: `2026-${String(k + 1).padStart(6, '0')}`,
        organisation: orgIds[k % orgIds.length],
        programme,
        year: 2026,
        title: `Projet de démonstration n°${k + 1}`,
        description: 'Projet fictif pour la mesure du démarrage.',
        budgetLines: [{ kind: 'EXPENSE', label: 'Dépenses', amount: 2 * amount }],
        otherFunders: [],
        requestedAmount: amount,
        status: 'APPROVED',
        createdBy: creator,
        decision: { outcome: 'APPROVED', amount, envelope, motivation: 'Conforme.', decidedBy: creator, decidedAt },
        pendingDecision: null,
        payments: [],
        outbox: [],
        paidAmount: 0,
        createdAt: decidedAt,
        updatedAt: decidedAt,
      });
      commitments.push({ envelope, application: _id, year: null, amount, at: decidedAt, state: 'APPLIED', stepAt: decidedAt });
    }
    await GrantApplicationModel.collection.insertMany(apps, { ordered: false });
    await EnvelopeCommitmentModel.collection.insertMany(commitments, { ordered: false });
  }
  await BudgetEnvelopeModel.collection.insertMany(
    envelopes.map((_id, i) => ({
      _id,
      programme,
      label: `Enveloppe ${i + 1}`,
      total: committed.get(String(_id))! * 2,
      committed: committed.get(String(_id))!,
      paid: 0,
      seq: 0,
      createdAt: decidedAt,
      updatedAt: decidedAt,
    })),
  );
}

/** Boots a child, reads what it measured, stops it. */
async function boot(uri: string): Promise<{ ms: number; rss: number }> {
  const child = await startChild('maillage', 'e2e/maillage-server.ts', uri, { BENCH_BOOT: '1' }, 900_000);
  await child.stop();
  return { ms: child.boot.ms!, rss: child.boot.rss };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number) => Number((n / 1024 / 1024).toFixed(1));

const bench: Bench = {
  name: 'boot with 100,000 decided grants',
  async run(ctx) {
    const uri = await ctx.connectFreshDatabase();
    const results: BenchResult[] = [];
    try {
      // The first child pays tsx's cold compile cache, so the empty database is booted three times.
      const empty = [await boot(uri), await boot(uri), await boot(uri)];
      ctx.log(`empty database: ${empty.map((b) => `${b.ms.toFixed(0)} ms`).join(', ')}`);
      const t = Date.now();
      await seedDecidedGrants();
      ctx.log(`${GRANTS} decided grants and their ledger inserted in ${((Date.now() - t) / 1000).toFixed(1)} s`);
      // A server that has run since these grants were decided: its last complete pass is recorded after
      // them, so a boot checks only what changed since (nothing here).
      // Both repairs keep a mark: the budget's (reconcile.ts) and the letters' (letters.service.ts).
      const markedAt = { $set: { checkedThrough: new Date(Date.now() - 10 * 60_000) } };
      await ReconciliationMarkModel.collection.updateOne({ _id: 'budget-envelopes' as never }, markedAt, { upsert: true });
      await LetterMarkModel.collection.updateOne({ _id: 'letters' as never }, markedAt, { upsert: true });
      const later = [await boot(uri), await boot(uri)];
      ctx.log(`100k, mark after them: ${later.map((b) => `${b.ms.toFixed(0)} ms (${mb(b.rss)} MB)`).join(', ')}`);
      // No mark (the first boot of this version, or 100,000 grants written since the last boot): every grant
      // is checked, through cursors.
      await ReconciliationMarkModel.collection.deleteMany({});
      await LetterMarkModel.collection.deleteMany({});
      const first = await boot(uri);
      ctx.log(`100k, no mark: ${first.ms.toFixed(0)} ms (${mb(first.rss)} MB)`);
      const base = { ms: median(empty.map((b) => b.ms)), rss: median(empty.map((b) => b.rss)) };
      const next = { ms: median(later.map((b) => b.ms)), rss: median(later.map((b) => b.rss)) };
      results.push(
        result({
          name: `boot with ${GRANTS.toLocaleString('en')} decided grants (connect to ready, reconciliation included) vs an empty database`,
          value: Math.round(next.ms),
          baseline: Math.round(base.ms),
          unit: 'ms',
          aim: '<= 2x',
          ok: next.ms <= 2 * base.ms,
        }),
        result({
          name: `the same boot, server RSS once ready`,
          value: mb(next.rss),
          baseline: mb(base.rss),
          unit: 'MB',
          aim: 'reported',
        }),
        result({
          name: `first boot with ${GRANTS.toLocaleString('en')} decided grants and no reconciliation mark (checks every one, streamed) vs an empty database`,
          value: Math.round(first.ms),
          baseline: Math.round(base.ms),
          unit: 'ms',
          aim: 'reported',
        }),
        result({
          name: `that first boot, server RSS once ready`,
          value: mb(first.rss),
          baseline: mb(base.rss),
          unit: 'MB',
          aim: 'reported',
        }),
      );
    } finally {
      await ctx.disconnectDatabase();
    }
    return results;
  },
};

export default bench;
