// Shared set-up of the convention tests: one programme and envelope per year, a cast, and the calls over HTTP.
import { dataOf, type TestServer } from '../../helpers/server';
import { tokenFor } from '../../helpers/factories';
import { makeCast, makeEnvelope, makeProgramme } from '../grants/fixtures';

export const APP_FIELDS = `id status requestedAmount paidAmount reportDueOn
  years { year amount }
  decision { amount envelope { id } }
  inKind { kind description valuation year } inKindTotal
  councilDecision { id reference date body }
  beneficiaryAtDecision { name siret rna }
  payments { id amount year paidOn }
  multiYearConvention {
    version total committed finalReportDueOn
    years { year amount status paid committedOn envelope { id committed paid } councilDecision { reference } interimReport { narrative amountSpent } }
    amendments { version reason before { year amount } after { year amount } }
  }`;
export const PAYLOAD = `application { ${APP_FIELDS} } errors { code message field }`;

export type Call = (token: string | null, query: string, variables?: Record<string, unknown>) => Promise<any>;

/** The payload of a mutation (its first field), failing on top-level GraphQL errors. */
export function caller(server: TestServer): Call {
  return async (token, query, variables = {}) => {
    const data = dataOf(await server.gql(query, variables, token));
    return Object.values(data as object)[0];
  };
}

/** Programmes of `years`, each with one envelope of `total`, and the cast with tokens. */
export async function world(years: number[], total = 10_000_000) {
  const cast = await makeCast();
  const programmes: Record<number, { _id: unknown }> = {};
  const envelopes: Record<number, string> = {};
  for (const year of years) {
    programmes[year] = await makeProgramme({ year, opensOn: new Date(`${years[0]}-01-01`), closesOn: new Date(`${years[0]}-12-31`), maxAmount: 50_000_000 });
    envelopes[year] = String((await makeEnvelope(programmes[year]!, total))._id);
  }
  const tokens = {
    member: tokenFor(cast.member),
    officer: tokenFor(cast.officer),
    officer2: tokenFor(cast.officer2),
    admin: tokenFor(cast.admin),
  };
  return { ...cast, programmes, envelopes, tokens };
}

export const CREATE = `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { ${PAYLOAD} } }`;
export const UPDATE = `mutation($id: ID!, $i: UpdateGrantApplicationInput!) { updateGrantApplication(id: $id, input: $i) { ${PAYLOAD} } }`;
export const SUBMIT = `mutation($id: ID!) { submitGrantApplication(id: $id) { ${PAYLOAD} } }`;
export const START = `mutation($id: ID!) { startReview(id: $id) { ${PAYLOAD} } }`;
export const APPROVE = `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { ${PAYLOAD} } }`;
export const REOPEN = `mutation($id: ID!) { reopenGrantApplication(id: $id) { ${PAYLOAD} } }`;
export const VOTE = `mutation($i: VoteConventionYearInput!) { voteConventionYear(input: $i) { ${PAYLOAD} } }`;
export const INTERIM = `mutation($i: InterimReportInput!) { submitInterimReport(input: $i) { ${PAYLOAD} } }`;
export const AMEND = `mutation($i: AmendConventionInput!) { amendConvention(input: $i) { ${PAYLOAD} } }`;
export const PAY = `mutation($id: ID!, $i: RecordPaymentInput!) { recordPayment(id: $id, input: $i) { ${PAYLOAD} } }`;
export const SCHEDULE = `mutation($id: ID!, $t: [TrancheInput!]!) { schedulePayments(id: $id, tranches: $t) { ${PAYLOAD} } }`;
export const CONVENTION = `mutation($id: ID!, $i: ConventionInput!) { recordConvention(id: $id, input: $i) { ${PAYLOAD} } }`;
export const CREATE_DECISION = `mutation($i: CreateCouncilDecisionInput!) { createCouncilDecision(input: $i) { councilDecision { id reference date body } errors { code message field } } }`;
export const ATTACH = `mutation($i: AttachToCouncilDecisionInput!) { attachToCouncilDecision(input: $i) { ${PAYLOAD} } }`;

/** A budget whose expenses balance the request (income + request = expenses). */
export function budgetFor(total: number) {
  return [
    { kind: 'EXPENSE', label: 'Salaires, « coordinateur », frais', amount: total + 200_000 },
    { kind: 'INCOME', label: 'Fonds propres', amount: 200_000 },
  ];
}

/** A complete multi-year application, submitted and under review; returns its id. */
export async function multiYearUnderReview(
  call: Call,
  w: Awaited<ReturnType<typeof world>>,
  years: { year: number; amount: number }[],
  content: Record<string, unknown> = {},
): Promise<string> {
  const total = years.reduce((s, y) => s + y.amount, 0);
  const created = await call(w.tokens.member, CREATE, {
    i: {
      organisationId: String(w.org._id),
      programmeId: String(w.programmes[years[0]!.year]!._id),
      title: 'Convention pluriannuelle d’objectifs',
      description: 'Accueil de jour, quatre ans.',
      years,
      requestedAmount: total,
      budgetLines: budgetFor(total),
      republicanContractAttested: true,
      ...content,
    },
  });
  expect(created.errors).toEqual([]);
  const id = created.application.id;
  expect((await call(w.tokens.member, SUBMIT, { id })).errors).toEqual([]);
  expect((await call(w.tokens.officer, START, { id })).errors).toEqual([]);
  return id;
}

export async function councilDecision(call: Call, token: string, reference: string, date = '2026-03-10') {
  const res = await call(token, CREATE_DECISION, { i: { reference, date, body: 'Conseil municipal' } });
  expect(res.errors).toEqual([]);
  return res.councilDecision.id as string;
}
