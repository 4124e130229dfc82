// Administering domains: admins create, edit and archive them. The tree has two levels (top-level domains
// and their sub-domains), the shape every reader of it assumes (directory filters, coverage, the map's
// list): so a parent is a top-level domain in use, and a domain with sub-domains stays top-level, which
// also rules out every cycle. Checks that span two documents are made again after the write and undone
// when a concurrent change broke them, since there are no multi-document transactions.
import type { Types } from 'mongoose';
import { AppError, forbidden, notFound, Problems } from '../../errors/app-error';
import { fromDatabaseError } from '../../errors/known-error';
import type { Context } from '../../context';
import { objectIdOrProblem, toObjectId } from '../../shared/ids';
import { clock } from '../../shared/clock';
import { DOMAIN_CODE, DomainModel, type DomainDoc } from './domain.model';
import { flushReferenceOutbox, referenceRecord } from './reference.history';

/** The sizes the schema declares (`domains` @listSize 100, `children` 10): kept true by refusing more. */
export const MAX_DOMAINS = 100;
export const MAX_CHILD_DOMAINS = 10;

const FIELDS = ['name', 'description', 'parent', 'proposal'] as const;

export interface DomainInput {
  code?: string | null;
  name?: string | null;
  description?: string | null;
  parentId?: string | null;
  proposal?: number | null;
}

function requireAdmin(ctx: Pick<Context, 'viewer'>): string {
  if (ctx.viewer?.role !== 'ADMIN') throw forbidden('Only admins change domains.');
  return ctx.viewer.id;
}

const has = (input: object, key: string) => Object.prototype.hasOwnProperty.call(input, key) && (input as Record<string, unknown>)[key] !== undefined;

/** Reads the fields given; each problem on its field. `self` is the domain being edited (null on creation). */
async function readInput(
  input: DomainInput,
  self: DomainDoc | null,
  p: Problems,
): Promise<Partial<Pick<DomainDoc, 'name' | 'description' | 'parent' | 'proposal'>>> {
  const set: Partial<Pick<DomainDoc, 'name' | 'description' | 'parent' | 'proposal'>> = {};
  if (has(input, 'name') || !self) {
    const name = (input.name ?? '').trim();
    if (!name || name.length > 120) p.add('input.name', 'The name is required, at most 120 characters.');
    else set.name = name;
  }
  if (has(input, 'description') || input.description === null) {
    const d = (input.description ?? '').trim();
    if (d.length > 1000) p.add('input.description', 'The description is at most 1000 characters.');
    else set.description = d || undefined;
  }
  if (has(input, 'proposal')) {
    const n = input.proposal!;
    if (!Number.isInteger(n) || n < 1 || n > 99) p.add('input.proposal', 'The proposal is a number from 1 to 99.');
    else set.proposal = n;
  }
  let parent: DomainDoc | null = null;
  if (has(input, 'parentId') || (self && input.parentId === null)) {
    const id = input.parentId === null ? null : objectIdOrProblem(input.parentId, 'input.parentId', p);
    if (id) {
      parent = await DomainModel.findById(id).lean<DomainDoc>();
      if (!parent) p.add('input.parentId', 'This parent domain does not exist.');
      else if (parent.archivedAt) p.add('input.parentId', `"${parent.name}" is archived: choose a domain in use.`);
      else if (self && parent._id.equals(self._id)) p.add('input.parentId', 'A domain cannot be its own parent.');
      else if (self && parent.parent && parent.parent.equals(self._id)) {
        p.add('input.parentId', `"${parent.name}" is a sub-domain of this one: making it the parent would make a cycle.`);
      } else if (parent.parent) p.add('input.parentId', `"${parent.name}" is itself a sub-domain: domains have two levels, choose a top-level domain.`);
      else if ((await DomainModel.countDocuments({ parent: parent._id, archivedAt: null, _id: { $ne: self?._id } })) >= MAX_CHILD_DOMAINS) {
        p.add('input.parentId', `"${parent.name}" already has ${MAX_CHILD_DOMAINS} sub-domains in use, the most it may have.`);
      }
      if (self && parent && !p.list.some((x) => x.field === 'input.parentId')) {
        const children = await DomainModel.find({ parent: self._id, archivedAt: null }, { name: 1 }).lean<DomainDoc[]>();
        if (children.length) {
          p.add(
            'input.parentId',
            `This domain has sub-domains in use (${children.map((c) => c.name).join(', ')}): it stays top-level. Move or archive them first.`,
          );
        }
      }
      if (parent && !p.list.some((x) => x.field === 'input.parentId')) set.parent = parent._id;
    } else if (input.parentId === null) set.parent = null;
  }
  // A sub-domain serves its parent's proposal unless told otherwise.
  if (!self && set.proposal === undefined) {
    if (parent && set.parent) set.proposal = parent.proposal;
    else if (!has(input, 'proposal')) p.add('input.proposal', 'A top-level domain needs the number of the proposal it serves (1 to 99).');
  }
  return set;
}

/** Undoes `self`'s change of parent when a concurrent write broke the two-level tree; true when undone. */
async function undoIfTreeBroken(
  self: Types.ObjectId,
  parent: Types.ObjectId | null | undefined,
  undo?: { before: DomainDoc; recordKey: string },
): Promise<boolean> {
  if (!parent) return false;
  const [p, child] = await Promise.all([
    DomainModel.findById(parent, { parent: 1, archivedAt: 1 }).lean<DomainDoc>(),
    DomainModel.exists({ parent: self, archivedAt: null }),
  ]);
  if (p && !p.parent && !p.archivedAt && !child) return false;
  if (undo) {
    // The edit never happened: every field back as it was, and its trail record gone with it.
    const { before, recordKey } = undo;
    await DomainModel.updateOne(
      { _id: self, parent },
      {
        $set: {
          parent: before.parent ?? null,
          name: before.name,
          proposal: before.proposal,
          ...(before.description ? { description: before.description } : {}),
        },
        ...(before.description ? {} : { $unset: { description: 1 } }),
        $pull: { activityOutbox: { key: recordKey } },
      },
    );
  }
  return true;
}

const conflict = () =>
  new AppError('CONFLICT', 'Another change to the domain tree was made at the same moment: reload the domains and try again.', { field: 'input.parentId' });

function duplicateCode(err: unknown): never {
  const known = fromDatabaseError(err);
  if (known?.code === 'CONFLICT')
    throw new AppError('CONFLICT', 'A domain with this code exists already (perhaps archived): choose another code.', { field: 'input.code' });
  throw err;
}

export async function createDomain(ctx: Pick<Context, 'viewer'>, input: DomainInput): Promise<DomainDoc> {
  const actor = requireAdmin(ctx);
  const p = new Problems();
  const code = (input.code ?? '').trim();
  if (!DOMAIN_CODE.test(code)) p.add('input.code', 'The code is 2 to 60 lower-case letters, digits and dashes (e.g. `culture`).');
  else if (await DomainModel.exists({ code }))
    p.add('input.code', 'A domain with this code exists already (perhaps archived): choose another code.', 'CONFLICT');
  const set = await readInput(input, null, p);
  if ((await DomainModel.countDocuments({ archivedAt: null })) >= MAX_DOMAINS)
    p.add('input', `The city has ${MAX_DOMAINS} domains in use, the most allowed: archive one first.`, 'CONFLICT');
  p.throwIfAny();
  const doc = new DomainModel({ code, ...set, parent: set.parent ?? null, archivedAt: null });
  const record = referenceRecord('Domain', doc._id, 'CREATE', actor, {}, { code, ...set }, ['code', ...FIELDS]);
  doc.set('activityOutbox', record ? [record] : undefined);
  await doc.save().catch(duplicateCode);
  if (await undoIfTreeBroken(doc._id, set.parent)) {
    await DomainModel.deleteOne({ _id: doc._id });
    throw conflict();
  }
  await flushReferenceOutbox(DomainModel, doc._id);
  return (await DomainModel.findById(doc._id).lean<DomainDoc>())!;
}

export async function updateDomain(ctx: Pick<Context, 'viewer'>, id: unknown, input: DomainInput): Promise<DomainDoc> {
  const actor = requireAdmin(ctx);
  const _id = toObjectId(id);
  const existing = await DomainModel.findById(_id).lean<DomainDoc>();
  if (!existing) throw notFound('Domain');
  const p = new Problems();
  if (existing.archivedAt) p.add('id', 'This domain is archived: it can no longer be edited.', 'CONFLICT');
  const set = await readInput(input, existing, p);
  p.throwIfAny();
  const record = referenceRecord('Domain', _id, 'UPDATE', actor, existing as unknown as Record<string, unknown>, { ...existing, ...set }, FIELDS);
  if (!record) return existing;
  const $set: Record<string, unknown> = { ...set };
  const $unset: Record<string, 1> = {};
  if ('description' in set && set.description === undefined) {
    delete $set.description;
    $unset.description = 1;
  }
  // Compare-and-set on what was read: an edit that raced another one is refused rather than merged blindly.
  const res = await DomainModel.updateOne(
    { _id, archivedAt: null, parent: existing.parent ?? null },
    { $set, ...(Object.keys($unset).length ? { $unset } : {}), $push: { activityOutbox: record } },
    { runValidators: true },
  );
  if (!res.modifiedCount) throw conflict();
  if ('parent' in set && (await undoIfTreeBroken(_id, set.parent, { before: existing, recordKey: record.key }))) throw conflict();
  await flushReferenceOutbox(DomainModel, _id);
  return (await DomainModel.findById(_id).lean<DomainDoc>())!;
}

export async function archiveDomain(ctx: Pick<Context, 'viewer'>, id: unknown): Promise<DomainDoc> {
  const actor = requireAdmin(ctx);
  const _id = toObjectId(id);
  const existing = await DomainModel.findById(_id).lean<DomainDoc>();
  if (!existing) throw notFound('Domain');
  if (existing.archivedAt) return existing;
  const children = await DomainModel.find({ parent: _id, archivedAt: null }, { name: 1 }).lean<DomainDoc[]>();
  if (children.length) {
    throw new AppError('CONFLICT', `This domain has sub-domains in use (${children.map((c) => c.name).join(', ')}): archive or move them first.`, {
      field: 'id',
    });
  }
  const at = clock.now();
  const record = referenceRecord('Domain', _id, 'ARCHIVE', actor, {}, {}, []);
  const res = await DomainModel.updateOne({ _id, archivedAt: null }, { $set: { archivedAt: at }, $push: { activityOutbox: record } });
  // A sub-domain created under it meanwhile: put it back in use and say so.
  if (res.modifiedCount && (await DomainModel.exists({ parent: _id, archivedAt: null }))) {
    await DomainModel.updateOne({ _id, archivedAt: at }, { $set: { archivedAt: null }, $pull: { activityOutbox: { key: record!.key } } });
    throw new AppError('CONFLICT', 'A sub-domain was added to this domain at the same moment: archive or move it first.', { field: 'id' });
  }
  await flushReferenceOutbox(DomainModel, _id);
  return (await DomainModel.findById(_id).lean<DomainDoc>())!;
}
