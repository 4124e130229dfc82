// Fetch only what is asked: the document fields a directory page needs, derived from the query's
// selection set (aliases, fragments and inline fragments included), plus what the policies read.
// A field this map does not know (one another module adds to Organisation, or a new one) makes the
// page fetch whole documents: a projection may only ever over-fetch, never starve a resolver.
import { Kind, type FieldNode, type FragmentDefinitionNode, type GraphQLResolveInfo, type SelectionSetNode } from 'graphql';

/** What `canSeeOrganisation`, `editRefusal`... read (organisation.policy.ts `OrgLike`), always fetched. */
export const POLICY_FIELDS = ['_id', 'isPublic', 'status'] as const;

/** Each Organisation field of the SDL and the document fields its resolver reads (beyond POLICY_FIELDS). */
export const ORGANISATION_FIELDS: Readonly<Record<string, readonly string[]>> = {
  __typename: [],
  id: [],
  name: ['name'],
  acronym: ['acronym'],
  legalForm: ['legalForm'],
  rna: ['rna'],
  siret: ['siret'],
  description: ['description'],
  domains: ['domains'],
  neighbourhoods: ['neighbourhoods'],
  servesPriorityNeighbourhood: ['neighbourhoods'],
  address: ['address'],
  location: ['location'],
  website: ['website'],
  publicEmail: ['publicEmail'],
  publicPhone: ['publicPhone'],
  privateContact: ['privateContact'],
  iban: ['iban'],
  headcount: ['headcount'],
  labels: ['labels'],
  status: [],
  isPublic: [],
  // Their resolvers read the id and the viewer only (history: the trail, by the organisation's id).
  members: [],
  permissions: [],
  history: [],
  isVerified: ['isVerified'],
  registryClash: ['registryClash'],
  createdAt: ['createdAt'],
  updatedAt: ['updatedAt'],
};

type Fragments = Record<string, FragmentDefinitionNode>;

/** The fields selected in a selection set, through fragment spreads and inline fragments, by field name. */
function fieldsOf(set: SelectionSetNode | undefined, fragments: Fragments, out: FieldNode[] = [], seen = new Set<string>()): FieldNode[] {
  for (const s of set?.selections ?? []) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) fieldsOf(s.selectionSet, fragments, out, seen);
    else if (s.kind === Kind.FRAGMENT_SPREAD && !seen.has(s.name.value)) {
      // A fragment the document does not define fails validation before this runs; skip it anyway.
      seen.add(s.name.value);
      fieldsOf(fragments[s.name.value]?.selectionSet, fragments, out, seen);
    }
  }
  return out;
}

/** The selections of every field named `name` among `fields` (a field may be selected several times, aliased or not). */
function childrenNamed(fields: readonly FieldNode[], name: string, fragments: Fragments): FieldNode[] {
  return fields.filter((f) => f.name.value === name).flatMap((f) => fieldsOf(f.selectionSet, fragments));
}

/**
 * The projection for the organisations of a connection field (`organisations { edges { node {...} } }`),
 * or undefined when whole documents are needed. @skip and @include are ignored: fetching a field the
 * query then skips costs a little, never a wrong answer.
 */
export function connectionNodeProjection(info: Pick<GraphQLResolveInfo, 'fieldNodes' | 'fragments'>): Record<string, 1> | undefined {
  const connection = info.fieldNodes.flatMap((f) => fieldsOf(f.selectionSet, info.fragments));
  const nodes = childrenNamed(childrenNamed(connection, 'edges', info.fragments), 'node', info.fragments);
  return projectionFor(nodes.map((n) => n.name.value));
}

/** The projection for these Organisation field names, or undefined if one of them is not in the map. */
export function projectionFor(fieldNames: readonly string[]): Record<string, 1> | undefined {
  const project: Record<string, 1> = {};
  for (const f of POLICY_FIELDS) project[f] = 1;
  for (const name of fieldNames) {
    if (!Object.hasOwn(ORGANISATION_FIELDS, name)) return undefined;
    const needs = ORGANISATION_FIELDS[name]!;
    for (const f of needs) project[f] = 1;
  }
  return project;
}
