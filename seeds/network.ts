// DEMO DATA: invented partnerships between the seeded organisations, so the network has federations
// (hubs), partnerships inside neighbourhoods, joint projects and shared premises, and isolated actors.
// Deterministic and upserted by (from, to, kind): seeding twice changes nothing.
import type { Types } from 'mongoose';
import { OrganisationModel } from '../src/modules/organisation/organisation.model';
import { PartnershipModel, DIRECTED_KINDS, type PartnershipKind } from '../src/modules/network/partnership.model';
import { rng } from './random';
import type { SeedContext } from './context';

const DESCRIPTIONS: Record<PartnershipKind, string[]> = {
  FEDERATION_MEMBER: ['Adhérente du réseau (fictif).'],
  PARTNER: ['Orientation mutuelle des publics (fictif).', 'Convention de partenariat locale (fictif).'],
  JOINT_PROJECT: ['Fête de quartier commune (fictif).', 'Ateliers partagés pendant les vacances (fictif).'],
  SHARED_PREMISES: ['Locaux partagés au centre social (fictif).'],
};

/** The edges, from the organisations in seed order (pure: same output every time). */
export function buildPartnerships(orgs: { _id: Types.ObjectId; name: string; status: string; neighbourhoods: Types.ObjectId[] }[]) {
  const r = rng(21_2026);
  const active = orgs.filter((o) => o.status === 'ACTIVE');
  const edges: { from: Types.ObjectId; to: Types.ObjectId; kind: PartnershipKind; since: Date; description: string }[] = [];
  const add = (from: Types.ObjectId, to: Types.ObjectId, kind: PartnershipKind) => {
    if (from.equals(to)) return;
    let [a, b] = [from, to];
    if (!DIRECTED_KINDS.includes(kind) && String(a) > String(b)) [a, b] = [b, a];
    if (edges.some((e) => e.from.equals(a) && e.to.equals(b) && e.kind === kind)) return;
    edges.push({ from: a, to: b, kind, since: new Date(Date.UTC(r.int(2012, 2025), r.int(0, 11), 1)), description: r.pick(DESCRIPTIONS[kind]) });
  };
  // Federations: the organisations of the "vie associative" theme gather members (the hubs of the graph).
  const federations = active.filter((o) => /Maison des Associations|Réseau Bénévole|Centre Social/.test(o.name)).slice(0, 6);
  if (!federations.length && active.length) federations.push(active[0]!);
  const first = active[0];
  if (first && !federations.some((f) => f._id.equals(first._id))) federations.unshift(first);
  for (const f of federations) for (const m of r.sample(active, r.int(4, 9))) add(m._id, f._id, 'FEDERATION_MEMBER');
  // Partnerships and joint projects inside a neighbourhood; shared premises now and then.
  const byHood = new Map<string, typeof active>();
  for (const o of active) for (const n of o.neighbourhoods ?? []) byHood.set(String(n), [...(byHood.get(String(n)) ?? []), o]);
  for (const group of byHood.values()) {
    for (let i = 0; i < Math.floor(group.length / 3); i++) {
      const [a, b] = r.sample(group, 2);
      if (a && b) add(a._id, b._id, r.chance(0.6) ? 'PARTNER' : r.chance(0.7) ? 'JOINT_PROJECT' : 'SHARED_PREMISES');
    }
  }
  return edges;
}

export async function seedNetwork(ctx: SeedContext): Promise<void> {
  const orgs = await OrganisationModel.find({ _id: { $in: ctx.organisationIds } }, { name: 1, status: 1, neighbourhoods: 1 }).lean();
  const order = new Map(ctx.organisationIds.map((id, i) => [String(id), i]));
  orgs.sort((a, b) => order.get(String(a._id))! - order.get(String(b._id))!);
  const edges = buildPartnerships(orgs as never);
  if (!edges.length) return;
  await PartnershipModel.bulkWrite(
    edges.map((e) => ({
      updateOne: {
        filter: { from: e.from, to: e.to, kind: e.kind, active: true },
        update: { $setOnInsert: { ...e, parties: [e.from, e.to], active: true, createdAt: e.since, updatedAt: e.since } },
        upsert: true,
      },
    })),
    { ordered: false, timestamps: false },
  );
  ctx.log.info({ partnerships: edges.length }, 'seeded network');
}
