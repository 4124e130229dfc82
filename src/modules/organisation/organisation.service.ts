// The directory's rules: search, visibility, validation of profiles, membership.
import { Types } from 'mongoose';
import { AppError, forbidden, notFound, Problems } from '../../errors/app-error';
import { fromDatabaseError } from '../../errors/known-error';
import { continueAs, type Context } from '../../context';
import { isStaff, type MembershipRole, type Viewer } from '../../auth/viewer';
import type { UserDoc } from '../user/user.model';
import { toObjectId, toObjectIds } from '../../shared/ids';
import { compactIdentifier, isValidRna, isValidSiret } from '../../shared/identifiers';
import { paginate, type Connection, type PageArgs, type SortKey } from '../../shared/pagination';
import { cached } from './directory-cache';
import { mongoTextSearch, searchPage, type SearchBackend } from './directory-search';
import { foldText } from '../../shared/text';
import { isEmail, toViewer } from '../user/user.service';
import { activateInvitation, addMembership, findAccountByEmail, inviteByEmail, withdrawInvitation, type NewMembership } from '../user/membership.service';
import { DomainModel } from '../reference/domain.model';
import { NeighbourhoodModel } from '../reference/neighbourhood.model';
import { neighbourhoodsContaining, priorityNeighbourhoodIds, withSubdomains } from '../reference/reference.service';
import { checkInsideCity } from '../reference/city-bounds';
import { identifierTaken, verificationOnCreate } from './identifier-conflict';
import { LEGAL_FORMS, OrganisationModel, type LegalForm, type OrganisationDoc, type OrganisationStatus } from './organisation.model';
import { canChangeStatus, canSeeOrganisation, dissolvedRefusal, editRefusal, ensure, manageMembersRefusal, visibilityFilter } from './organisation.policy';
import { actorOf } from './organisation.actor';
import { editRecord, flushOrganisationOutbox, organisationActivity } from './organisation.history';

export interface OrganisationFilter {
  search?: string | null;
  domainIds?: string[] | null;
  neighbourhoodIds?: string[] | null;
  legalForms?: LegalForm[] | null;
  priorityNeighbourhoodsOnly?: boolean | null;
  near?: { lat: number; lng: number; radiusMeters: number } | null;
  includeDissolved?: boolean | null;
}

const EARTH_RADIUS_M = 6_378_100;

/** Builds the MongoDB condition for a directory filter, visibility included. */
export async function directoryMatch(
  ctx: Pick<Context, 'viewer'> & Partial<Pick<Context, 'loaders'>>,
  filter: OrganisationFilter = {},
): Promise<Record<string, unknown>> {
  const and: Record<string, unknown>[] = [];
  const first: Record<string, unknown> = {};
  const problems = new Problems();

  const search = filter.search?.trim();
  if (search) {
    if (search.length > 200) problems.add('filter.search', 'The search text is limited to 200 characters.');
    else first.$text = { $search: search, $language: 'french', $diacriticSensitive: false, $caseSensitive: false };
  }
  if (filter.near) {
    const { lat, lng, radiusMeters } = filter.near;
    if (!(lat >= -90 && lat <= 90) || !(lng >= -180 && lng <= 180)) problems.add('filter.near', 'Latitude must be within ±90 and longitude within ±180.');
    else if (!Number.isInteger(radiusMeters) || radiusMeters < 1 || radiusMeters > 50_000) {
      problems.add('filter.near.radiusMeters', 'The radius must be between 1 and 50,000 metres.');
    } else first.location = { $geoWithin: { $centerSphere: [[lng, lat], radiusMeters / EARTH_RADIUS_M] } };
  }
  if (filter.legalForms?.length) {
    if (filter.legalForms.some((f) => !LEGAL_FORMS.includes(f))) problems.add('filter.legalForms', 'Unknown legal form.');
    else and.push({ legalForm: { $in: filter.legalForms } });
  }
  let domainIds: Types.ObjectId[] = [];
  let neighbourhoodIds: Types.ObjectId[] = [];
  try {
    domainIds = toObjectIds(filter.domainIds, 'filter.domainIds', 50);
    neighbourhoodIds = toObjectIds(filter.neighbourhoodIds, 'filter.neighbourhoodIds', 50);
  } catch (err) {
    if (err instanceof AppError) problems.add(err.field ?? 'filter', err.message);
    else throw err;
  }
  problems.throwIfAny();

  if (domainIds.length) {
    and.push({ domains: { $in: await withSubdomains(domainIds, ctx) } });
  }
  if (neighbourhoodIds.length) and.push({ neighbourhoods: { $in: neighbourhoodIds } });
  if (filter.priorityNeighbourhoodsOnly) and.push({ neighbourhoods: { $in: await priorityNeighbourhoodIds(ctx) } });
  if (!filter.includeDissolved) and.push({ status: 'ACTIVE' });
  const visibility = visibilityFilter(ctx.viewer);
  if (Object.keys(visibility).length) and.push(visibility);

  return { ...first, ...(and.length ? { $and: and } : {}) };
}

const BY_NAME: SortKey[] = [{ field: 'nameKey', direction: 1 }];

/**
 * The directory: by name, or the best matches of a text search (bounded: directory-search.ts).
 * `project` (organisation.projection.ts) fetches only the fields the query asks for; counts come from
 * the instance's short-lived cache (directory-cache.ts).
 */
export async function searchOrganisations(
  ctx: Context,
  filter: OrganisationFilter | null | undefined,
  page: PageArgs,
  opts: { project?: Record<string, 1>; search?: SearchBackend; candidates?: number } = {},
): Promise<Connection<OrganisationDoc>> {
  // The reference lists and the data versions are read while the filter is checked.
  void ctx.loaders.reference.snapshot().catch(() => undefined);
  const match = await directoryMatch(ctx, filter ?? {});
  if ('$text' in match) return searchPage(ctx, opts.search ?? mongoTextSearch, match as Parameters<typeof searchPage>[2], page, opts.project, opts.candidates);
  return paginate<OrganisationDoc>(OrganisationModel, {
    match,
    sort: BY_NAME,
    project: opts.project,
    args: page,
    count: () => cached(ctx, 'count', match, () => OrganisationModel.countDocuments(match).exec()),
  });
}

/** One organisation the viewer may see; otherwise NOT_FOUND (a private one's existence is not revealed). */
export async function getOrganisation(ctx: Context, id: unknown): Promise<OrganisationDoc> {
  const org = await ctx.loaders.organisation.byId.load(toObjectId(id));
  if (!org || !canSeeOrganisation(ctx.viewer, org)) throw notFound('Organisation');
  return org;
}

/**
 * An organisation reached through another object (a membership, an application): null when the viewer
 * may not see it, like `organisation(id)`, whatever the path that led there.
 */
export async function visibleOrganisation(ctx: Pick<Context, 'viewer' | 'loaders'>, id: unknown): Promise<OrganisationDoc | null> {
  const org = await ctx.loaders.organisation.byId.load(id);
  return org && canSeeOrganisation(ctx.viewer, org) ? org : null;
}

export interface OrganisationInput {
  name?: string | null;
  acronym?: string | null;
  legalForm?: LegalForm | null;
  rna?: string | null;
  siret?: string | null;
  description?: string | null;
  domainIds?: string[] | null;
  neighbourhoodIds?: string[] | null;
  address?: { street?: string | null; postcode?: string | null; city?: string | null } | null;
  location?: { lat: number; lng: number } | null;
  website?: string | null;
  publicEmail?: string | null;
  publicPhone?: string | null;
  privateContact?: { name?: string | null; email?: string | null; phone?: string | null } | null;
  iban?: string | null;
  headcount?: { staff?: number | null; volunteers?: number | null; members?: number | null } | null;
  labels?: string[] | null;
  isPublic?: boolean | null;
  status?: OrganisationStatus | null;
}

const PHONE = /^\+?[0-9 .()-]{6,20}$/;
const POSTCODE = /^\d{5}$/;

/** ISO 13616 check: move the first four characters to the end, letters to numbers, mod 97 = 1. */
export function isValidIban(value: string): boolean {
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{10,30}$/.test(value)) return false;
  const moved = value.slice(4) + value.slice(0, 4);
  let rem = 0;
  for (const ch of moved) {
    const n = ch >= 'A' ? ch.charCodeAt(0) - 55 : ch.charCodeAt(0) - 48;
    rem = n > 9 ? (rem * 100 + n) % 97 : (rem * 10 + n) % 97;
  }
  return rem === 1;
}

const text = (v: string | null | undefined) => (typeof v === 'string' ? v.trim() : v);

/**
 * Validates an input and turns it into the fields to store. `existing` is the stored organisation on
 * update (fields not given keep their value). Every problem is reported at once, each on its field.
 */
export async function validateOrganisationInput(input: OrganisationInput, existing: OrganisationDoc | null, cityBoundsPath = '') {
  const p = new Problems();
  const set: Record<string, unknown> = {};
  const unset: string[] = [];
  const has = (k: keyof OrganisationInput) => Object.prototype.hasOwnProperty.call(input, k) && input[k] !== undefined;
  const creating = !existing;
  const f = (k: string) => `input.${k}`;

  const optionalText = (k: keyof OrganisationInput, max: number, target = k as string) => {
    if (!has(k)) return;
    const v = text(input[k] as string | null);
    if (v === null || v === '') unset.push(target);
    else if (v!.length > max) p.add(f(k), `At most ${max} characters.`);
    else set[target] = v;
  };

  if (creating || has('name')) {
    const name = text(input.name);
    if (!name) p.add(f('name'), 'The name is required.');
    else if (name.length < 2 || name.length > 200) p.add(f('name'), 'The name must have 2 to 200 characters.');
    else Object.assign(set, { name, nameKey: foldText(name) });
  }
  optionalText('acronym', 30);
  if (creating || has('legalForm')) {
    if (!input.legalForm || !LEGAL_FORMS.includes(input.legalForm)) p.add(f('legalForm'), 'Choose a legal form.');
    else set.legalForm = input.legalForm;
  }
  if (creating || has('description')) {
    const d = text(input.description);
    if (!d || d.length < 10) p.add(f('description'), 'Describe the purpose in at least 10 characters.');
    else if (d.length > 5000) p.add(f('description'), 'The purpose is limited to 5,000 characters.');
    else set.description = d;
  }
  if (has('rna')) {
    const rna = input.rna ? compactIdentifier(input.rna) : null;
    if (!rna) unset.push('rna');
    else if (!isValidRna(rna)) p.add(f('rna'), 'An RNA number is W followed by 9 digits (e.g. W131234567).');
    else set.rna = rna;
  }
  if (has('siret')) {
    const siret = input.siret ? compactIdentifier(input.siret) : null;
    if (!siret) unset.push('siret');
    else if (!/^\d{14}$/.test(siret)) p.add(f('siret'), 'A SIRET has 14 digits.');
    else if (!isValidSiret(siret)) p.add(f('siret'), 'This SIRET is not valid: its check digit does not match. Check for a typo.');
    else set.siret = siret;
  }
  // Identity rule: associations need an RNA or a SIRET; the other forms are registered companies.
  const legalForm = (set.legalForm ?? existing?.legalForm) as LegalForm | undefined;
  const rna = unset.includes('rna') ? null : (set.rna ?? existing?.rna);
  const siret = unset.includes('siret') ? null : (set.siret ?? existing?.siret);
  if (legalForm && !p.list.some((x) => x.field === f('rna') || x.field === f('siret'))) {
    if (legalForm === 'ASSOCIATION' && !rna && !siret) p.add(f('rna'), 'An association needs its RNA number or its SIRET.');
    if (legalForm !== 'ASSOCIATION' && !siret) p.add(f('siret'), 'A SIRET is required for this legal form.');
  }

  if (has('domainIds')) {
    try {
      const ids = toObjectIds(input.domainIds, f('domainIds'), 20);
      const found = await DomainModel.find({ _id: { $in: ids } }, { name: 1, archivedAt: 1 }).lean<
        { _id: Types.ObjectId; name: string; archivedAt?: Date | null }[]
      >();
      // An archived domain stays on the records that carry it, but nobody chooses it anew.
      const kept = new Set((existing?.domains ?? []).map(String));
      const archived = found.filter((d) => d.archivedAt && !kept.has(String(d._id)));
      if (found.length !== new Set(ids.map(String)).size) p.add(f('domainIds'), 'One of the domains does not exist.');
      else if (archived.length) p.add(f('domainIds'), `"${archived[0]!.name}" is archived: choose a domain in use.`);
      else set.domains = ids;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      p.add(err.field ?? f('domainIds'), err.message);
    }
  }
  if (has('neighbourhoodIds')) {
    try {
      const ids = toObjectIds(input.neighbourhoodIds, f('neighbourhoodIds'), 30);
      const found = await NeighbourhoodModel.find({ _id: { $in: ids } }, { name: 1, archivedAt: 1 }).lean<
        { _id: Types.ObjectId; name: string; archivedAt?: Date | null }[]
      >();
      // An archived neighbourhood stays on the records that carry it, but nobody chooses it anew.
      const kept = new Set((existing?.neighbourhoods ?? []).map(String));
      const archived = found.filter((d) => d.archivedAt && !kept.has(String(d._id)));
      if (found.length !== new Set(ids.map(String)).size) p.add(f('neighbourhoodIds'), 'One of the neighbourhoods does not exist.');
      else if (archived.length) p.add(f('neighbourhoodIds'), `"${archived[0]!.name}" is archived: choose a neighbourhood in use.`);
      else set.neighbourhoods = ids;
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      p.add(err.field ?? f('neighbourhoodIds'), err.message);
    }
  }
  if (has('address')) {
    const a = input.address;
    if (!a) unset.push('address');
    else {
      if (a.postcode && !POSTCODE.test(a.postcode.trim())) p.add(f('address.postcode'), 'A postcode has 5 digits.');
      if ((a.street?.length ?? 0) > 200) p.add(f('address.street'), 'At most 200 characters.');
      if ((a.city?.length ?? 0) > 100) p.add(f('address.city'), 'At most 100 characters.');
      set.address = { street: text(a.street) || undefined, postcode: text(a.postcode) || undefined, city: text(a.city) || undefined };
    }
  }
  if (has('location')) {
    const l = input.location;
    if (!l) unset.push('location');
    // Inside the union of the city's neighbourhoods or its CITY_BOUNDS outline (reference/city-bounds.ts).
    else if (await checkInsideCity(l, cityBoundsPath, f('location'), p)) {
      set.location = { type: 'Point', coordinates: [l.lng, l.lat] };
      // Neighbourhoods follow the location when the caller does not say which ones are served.
      if (!has('neighbourhoodIds') && !existing?.neighbourhoods?.length) set.neighbourhoods = await neighbourhoodsContaining(l.lng, l.lat);
    }
  }
  if (has('website')) {
    const w = text(input.website);
    if (!w) unset.push('website');
    else if (w.length > 300 || !/^https?:\/\/[^\s/$.?#].[^\s]*$/i.test(w)) p.add(f('website'), 'Enter a web address starting with http:// or https://.');
    else set.website = w;
  }
  if (has('publicEmail')) {
    const e = text(input.publicEmail);
    if (!e) unset.push('publicEmail');
    else if (!isEmail(e)) p.add(f('publicEmail'), 'Enter a valid email address.');
    else set.publicEmail = e.toLowerCase();
  }
  if (has('publicPhone')) {
    const ph = text(input.publicPhone);
    if (!ph) unset.push('publicPhone');
    else if (!PHONE.test(ph)) p.add(f('publicPhone'), 'Enter a phone number (digits, spaces, +).');
    else set.publicPhone = ph;
  }
  if (has('privateContact')) {
    const c = input.privateContact;
    if (!c) unset.push('privateContact');
    else {
      if (c.email && !isEmail(c.email.trim())) p.add(f('privateContact.email'), 'Enter a valid email address.');
      if (c.phone && !PHONE.test(c.phone.trim())) p.add(f('privateContact.phone'), 'Enter a phone number (digits, spaces, +).');
      if ((c.name?.length ?? 0) > 120) p.add(f('privateContact.name'), 'At most 120 characters.');
      set.privateContact = { name: text(c.name) || undefined, email: text(c.email)?.toLowerCase() || undefined, phone: text(c.phone) || undefined };
    }
  }
  if (has('iban')) {
    const iban = input.iban ? compactIdentifier(input.iban) : null;
    if (!iban) unset.push('iban');
    else if (!isValidIban(iban)) p.add(f('iban'), 'This IBAN is not valid: check the country code, length and key.');
    else set.iban = iban;
  }
  if (has('headcount')) {
    const h = input.headcount;
    if (!h) unset.push('headcount');
    else {
      for (const k of ['staff', 'volunteers', 'members'] as const) {
        const v = h[k];
        if (v !== null && v !== undefined && (!Number.isInteger(v) || v < 0 || v > 10_000_000))
          p.add(f(`headcount.${k}`), 'A head-count is a whole number from 0.');
      }
      set.headcount = { staff: h.staff ?? undefined, volunteers: h.volunteers ?? undefined, members: h.members ?? undefined };
    }
  }
  if (has('labels')) {
    const labels = (input.labels ?? []).map((l) => l.trim()).filter(Boolean);
    if (labels.length > 20 || labels.some((l) => l.length > 80)) p.add(f('labels'), 'At most 20 labels of 80 characters.');
    else set.labels = [...new Set(labels)];
  }
  if (has('isPublic')) set.isPublic = !!input.isPublic;
  if (has('status')) set.status = input.status;

  p.throwIfAny();
  return { set, unset: unset.filter((k) => !(k in set)) };
}

function conflictOnIdentifier(err: unknown): never {
  const known = fromDatabaseError(err);
  if (known?.code === 'CONFLICT') {
    const field = known.field === 'rna' || known.field === 'siret' ? known.field : 'input';
    const label = field === 'rna' ? 'RNA number' : field === 'siret' ? 'SIRET' : 'identifier';
    throw new AppError('CONFLICT', `This ${label} is already used by another organisation.`, { field: `input.${field}` });
  }
  throw err;
}

export async function createOrganisation(ctx: Context, input: OrganisationInput): Promise<OrganisationDoc> {
  const viewer = ctx.viewer;
  if (!viewer) throw forbidden();
  if (input.status && !canChangeStatus(viewer)) throw forbidden('Only officers and admins set the status of an organisation.');
  const { set } = await validateOrganisationInput(input, null, ctx.config.cityBoundsPath);
  let created: OrganisationDoc;
  try {
    created = (
      await OrganisationModel.create({ ...set, ...verificationOnCreate(viewer), createdBy: new Types.ObjectId(viewer.id) })
    ).toObject() as OrganisationDoc;
  } catch (err) {
    throw (await identifierTaken(viewer, err, set)) ?? conflictOnIdentifier(err);
  }
  if (viewer.role === 'MEMBER') {
    // The creator manages what they created; idempotent if the membership already exists.
    await addMembership(viewer.id, { organisation: created._id, role: 'MANAGER', since: new Date(), status: 'ACTIVE' });
    // The rest of this response (permissions, private fields) is read with the new membership.
    continueAs(ctx, { ...viewer, memberships: [...viewer.memberships, { organisationId: String(created._id), role: 'MANAGER' }] });
  }
  return created;
}

/**
 * Edits a profile: its members while it operates, city staff not recused (who also dissolve and
 * reactivate it). The write is a compare-and-set on the version read, carrying its trail record (who,
 * which fields, before and after): a concurrent edit makes this one re-read and re-check (a dissolution
 * in between refuses it), so the record's "before" is always what the edit replaced.
 */
export async function updateOrganisation(ctx: Context, id: unknown, input: OrganisationInput): Promise<OrganisationDoc> {
  const actor = await actorOf(ctx);
  let existing = await getOrganisation(ctx, id);
  for (let attempt = 1; ; attempt++) {
    ensure(editRefusal(actor, existing));
    if (input.status !== undefined && input.status !== null && !canChangeStatus(ctx.viewer)) {
      throw forbidden('Only officers and admins change the status of an organisation.');
    }
    const { set, unset } = await validateOrganisationInput(input, existing, ctx.config.cityBoundsPath);
    const edited = [...Object.keys(set), ...unset].filter((k) => k !== 'nameKey');
    const record = editRecord(existing, set, unset, ctx.viewer?.id ?? null);
    const update: Record<string, unknown> = { $set: set, $addToSet: { locallyEditedFields: { $each: edited } } };
    if (unset.length) update.$unset = Object.fromEntries(unset.map((k) => [k, 1]));
    if (record) update.$push = { activityOutbox: record };
    let updated: OrganisationDoc | null;
    try {
      updated = await OrganisationModel.findOneAndUpdate({ _id: existing._id, updatedAt: existing.updatedAt }, update, {
        returnDocument: 'after',
        runValidators: true,
      }).lean<OrganisationDoc>();
    } catch (err) {
      conflictOnIdentifier(err);
    }
    if (updated) {
      if (record) await flushOrganisationOutbox(existing._id);
      ctx.loaders.organisation.byId.clear(String(existing._id)).prime(String(existing._id), updated);
      return updated;
    }
    // Changed (or deleted) since it was read: read it again and decide again.
    const fresh = await OrganisationModel.findById(existing._id).lean<OrganisationDoc>();
    if (!fresh || !canSeeOrganisation(ctx.viewer, fresh)) throw notFound('Organisation');
    if (attempt >= 3) throw new AppError('CONFLICT', 'This organisation is being edited by someone else: reload it and try again.', { field: 'id' });
    existing = fresh;
  }
}

/**
 * Adds a person to an organisation. Officers and admins administer accounts: the membership takes
 * effect at once and refusals say why. A manager only records an INVITATION that the person accepts
 * (`acceptMembership`), and gets the same answer whether or not an account uses the email, so nobody
 * can enrol a person without consent or probe which emails have accounts.
 */
export async function addOrganisationMember(
  ctx: Context,
  input: { organisationId: string; email: string; role?: MembershipRole | null; title?: string | null },
): Promise<{ membership: AddedMembership | null; invited: boolean }> {
  const org = await getOrganisation(ctx, input.organisationId);
  ensure(manageMembersRefusal(await actorOf(ctx), org));
  const p = new Problems();
  const email = input.email.trim().toLowerCase();
  if (!isEmail(email)) p.add('input.email', 'Enter a valid email address.');
  if ((input.title?.length ?? 0) > 80) p.add('input.title', 'At most 80 characters.');
  p.throwIfAny();
  const role: MembershipRole = input.role ?? 'EDITOR';
  const direct = isStaff(ctx.viewer);
  const membership: NewMembership = {
    organisation: org._id,
    role,
    title: input.title?.trim() || undefined,
    since: new Date(),
    status: direct ? 'ACTIVE' : 'INVITED',
    invitedBy: new Types.ObjectId(ctx.viewer!.id),
  };
  if (!direct) {
    // Whatever the account's state, the manager learns nothing, and the same single update runs either
    // way (no lookup first): only a member account not yet linked gets the invitation.
    await inviteByEmail(email, membership, { organisationName: org.name, invitedByName: ctx.viewer!.name });
    return { membership: null, invited: true };
  }
  const user = await findAccountByEmail(email);
  if (!user) throw new AppError('BAD_USER_INPUT', 'No account uses this email. Ask the person to create an account first.', { field: 'input.email' });
  if (user.role !== 'MEMBER')
    throw new AppError('BAD_USER_INPUT', 'Only member accounts join organisations; city staff act city-wide.', { field: 'input.email' });
  // Staff enrol without anyone's consent: the organisation's trail says who added whom, with which role.
  // The record is written with the membership, in one update: there is never one without the other.
  const record = organisationActivity(org._id, 'ADD_MEMBER', ctx.viewer!.id, [{ field: 'members', before: null, after: `${user.name} (${role})` }]);
  // Atomic: adds the membership only if the person is not already a member (or invited).
  if (!(await addMembership(user._id, membership, record)))
    throw new AppError('CONFLICT', 'This person is already a member of the organisation, or invited to it.', { field: 'input.email' });
  const added = { organisationId: String(org._id), role, title: membership.title ?? null };
  const person = toViewer(user);
  return {
    membership: { ...added, status: 'ACTIVE', user: { ...person, memberships: [...person.memberships, added] } },
    invited: false,
  };
}

export interface AddedMembership {
  organisationId: string;
  role: MembershipRole;
  title: string | null;
  status: 'ACTIVE' | 'INVITED';
  /** The person: their account as read, or the signed-in viewer. */
  user: Viewer | UserDoc;
}

/** The signed-in person accepts an invitation: the membership becomes active. */
export async function acceptMembership(ctx: Context, organisationId: unknown): Promise<AddedMembership> {
  const viewer = ctx.viewer!;
  const orgId = toObjectId(organisationId, 'organisationId');
  // A dissolved organisation takes no new member; the invitation waits (or is declined) until it is reactivated.
  if (viewer.invitations?.some((m) => m.organisationId === String(orgId)) && (await OrganisationModel.exists({ _id: orgId, status: 'DISSOLVED' }))) {
    throw dissolvedRefusal('organisationId');
  }
  if (!(await activateInvitation(viewer.id, orgId, new Date()))) {
    throw new AppError('BAD_USER_INPUT', 'You have no pending invitation to this organisation.', { field: 'organisationId' });
  }
  const invitation = viewer.invitations?.find((m) => m.organisationId === String(orgId));
  const accepted = { organisationId: String(orgId), role: invitation?.role ?? 'EDITOR', title: invitation?.title ?? null };
  const member = {
    ...viewer,
    memberships: [...viewer.memberships, accepted],
    invitations: (viewer.invitations ?? []).filter((m) => m.organisationId !== String(orgId)),
  };
  continueAs(ctx, member);
  return { ...accepted, status: 'ACTIVE', user: member };
}

/** The signed-in person declines an invitation: it is removed. Declining twice is refused. */
export async function declineMembership(ctx: Context, organisationId: unknown): Promise<void> {
  const viewer = ctx.viewer!;
  const orgId = toObjectId(organisationId, 'organisationId');
  if (!(await withdrawInvitation(viewer.id, orgId))) {
    throw new AppError('BAD_USER_INPUT', 'You have no pending invitation to this organisation.', { field: 'organisationId' });
  }
  continueAs(ctx, { ...viewer, invitations: (viewer.invitations ?? []).filter((m) => m.organisationId !== String(orgId)) });
}
