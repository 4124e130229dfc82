// Both open-data files validated against the official schemas (official-schemas.ts), on grants made
// through the API covering every edge case: a multi-year convention with aid in kind and a council
// decision, tranches on the same day, no schedule, one tranche, cents, accents, quotes and commas; the
// beneficiary frozen at the decision; the first publication recorded; an empty year.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { fakeSiret } from '../../helpers/factories';
import { fixClock, restoreClock } from '../grants/fixtures';
import { OrganisationModel } from '../../../src/modules/organisation/organisation.model';
import { natureOf } from '../../../src/modules/opendata/scdl';
import {
  APPROVE,
  budgetFor,
  caller,
  CONVENTION,
  councilDecision,
  CREATE,
  multiYearUnderReview,
  SCHEDULE,
  START,
  SUBMIT,
  world,
  type Call,
} from '../convention/helpers';
import {
  FIXTURE_SCHEMAS,
  giving360Validator,
  isSiretValue,
  SCHEMA_DIR,
  SCHEMA_FILES,
  SHARED_SCHEMAS,
  scdlSchema,
  tableSchemaViolations,
} from './official-schemas';

useTestDatabase();
let server: TestServer;
let call: Call;
let w: Awaited<ReturnType<typeof world>>;
const ids: Record<string, string> = {};
const SIRET_AT_DECISION = fakeSiret(913_001);
const NAME = 'Association « Les Amis », "Théâtre", Rue & Cie';
const CITY = { cityName: "Commune d'Aix-en-Provence", citySiret: '21130001700012' };

async function oneYear(amount: number, title: string) {
  const created = await call(w.tokens.member, CREATE, {
    i: {
      organisationId: String(w.org._id),
      programmeId: String(w.programmes[2026]!._id),
      title,
      description: 'Projet, avec "guillemets", virgules et accents : é à ç.',
      requestedAmount: amount,
      budgetLines: budgetFor(amount),
      republicanContractAttested: true,
    },
  });
  expect(created.errors).toEqual([]);
  const id = created.application.id;
  expect((await call(w.tokens.member, SUBMIT, { id })).errors).toEqual([]);
  expect((await call(w.tokens.officer, START, { id })).errors).toEqual([]);
  return id as string;
}

beforeAll(async () => {
  fixClock(new Date('2026-03-20T10:00:00Z'));
  server = await startServer(CITY);
  call = caller(server);
  w = await world([2026, 2027, 2028]);
  await OrganisationModel.updateOne({ _id: w.org._id }, { $set: { name: NAME, siret: SIRET_AT_DECISION } });
  const cd = await councilDecision(call, w.tokens.officer, 'DEL-2026-03-07', '2026-03-19');

  // A three-year convention with aid in kind, in a council decision, two 2026 tranches on the same day.
  ids.multi = await multiYearUnderReview(call, w, [
    { year: 2026, amount: 1_000_001 },
    { year: 2027, amount: 1_000_002 },
    { year: 2028, amount: 1_000_003 },
  ]);
  const approved = await call(w.tokens.officer, APPROVE, {
    id: ids.multi,
    i: {
      amount: 1_000_001,
      envelopeId: w.envelopes[2026],
      councilDecisionId: cd,
      inKind: [{ kind: 'PREMISES', description: 'Salle, « Beisson »', valuation: 250_050 }],
    },
  });
  expect(approved.errors).toEqual([]);
  expect((await call(w.tokens.officer, CONVENTION, { id: ids.multi, i: { reference: 'CPO-2026-1', signedOn: '2026-03-20' } })).errors).toEqual([]);
  expect(
    (
      await call(w.tokens.officer, SCHEDULE, {
        id: ids.multi,
        t: [
          { amount: 500_000, dueDate: '2026-06-01' },
          { amount: 500_001, dueDate: '2026-06-01' },
        ],
      })
    ).errors,
  ).toEqual([]);

  // One year, two tranches on the same day, cents, quotes and commas in the title.
  ids.sameDay = await oneYear(1_234_567, 'Atelier « vélo », "solidaire", Jas de Bouffan');
  expect((await call(w.tokens.officer, APPROVE, { id: ids.sameDay, i: { amount: 1_234_567, envelopeId: w.envelopes[2026] } })).errors).toEqual([]);
  const sameDay = await call(w.tokens.officer, SCHEDULE, {
    id: ids.sameDay,
    t: [
      { amount: 600_000, dueDate: '2026-04-01' },
      { amount: 634_567, dueDate: '2026-04-01' },
    ],
  });
  expect(sameDay.errors).toEqual([]);

  // One year, no schedule: the payment's day is not known.
  ids.noSchedule = await oneYear(150_099, 'Fête de quartier à Encagnane');
  expect((await call(w.tokens.officer, APPROVE, { id: ids.noSchedule, i: { amount: 150_099, envelopeId: w.envelopes[2026] } })).errors).toEqual([]);

  // One year, one tranche, cash and aid in kind.
  ids.single = await oneYear(300_000, 'Prêt de matériel, sono');
  expect(
    (
      await call(w.tokens.officer, APPROVE, {
        id: ids.single,
        i: { amount: 300_000, envelopeId: w.envelopes[2026], inKind: [{ kind: 'EQUIPMENT', description: 'Sono', valuation: 99 }] },
      })
    ).errors,
  ).toEqual([]);
  expect((await call(w.tokens.officer, SCHEDULE, { id: ids.single, t: [{ amount: 300_000, dueDate: '2026-05-02' }] })).errors).toEqual([]);

  // The organisation changes its name and SIRET after the decisions: past rows keep those of the decision.
  await OrganisationModel.updateOne({ _id: w.org._id }, { $set: { name: 'Nouveau nom', siret: fakeSiret(913_002) } });
});
afterAll(async () => {
  restoreClock();
  await server.close();
});

const DUE = `{ openDataDue { application { id firstPublishedAt } signedOn dueOn amount overdue legallyRequired } }`;

describe('the official schemas', () => {
  it('are read from the shared folder when present, else from the fixtures, which are the same bytes', () => {
    for (const name of SCHEMA_FILES) {
      const used = readFileSync(join(SCHEMA_DIR, name));
      expect(used.equals(readFileSync(join(FIXTURE_SCHEMAS, name)))).toBe(true);
      if (SCHEMA_DIR === SHARED_SCHEMAS) expect(readFileSync(join(SHARED_SCHEMAS, name)).equals(used)).toBe(true);
    }
  });

  it('catch what they forbid: the SCDL reader and Ajv are not vacuous', () => {
    const schema = scdlSchema();
    const header = schema.fields.map((f) => f.name);
    const good = [
      'Ville',
      '21130001700012',
      '2026-03-20',
      '',
      'Asso',
      '',
      'W131000001',
      'Objet',
      '100.00',
      'aide en numéraire',
      'unique',
      '2026-04-01',
      '',
      'non',
      '1.00',
      '',
    ];
    expect(tableSchemaViolations(schema, [header, good])).toEqual([]);
    const bad = [
      'Ville',
      '21130001700013',
      '2026-02-30',
      '',
      '',
      '',
      '',
      'x'.repeat(257),
      '1,5',
      'autre',
      'unique',
      '2026-04-01/',
      '123456',
      'peut-être',
      '1.5',
      '',
    ];
    expect(tableSchemaViolations(schema, [header, bad])).toEqual([
      'row 2, dateConvention: "2026-02-30" is not a date (YYYY-MM-DD)',
      'row 2, nomBeneficiaire: required, missing',
      'row 2, objet: 257 characters, more than 256',
      'row 2, montant: "1,5" is not a number',
      'row 2, nature: "autre" is not one of aide en numéraire | aide en nature | aide en numéraire;aide en nature | aide en nature;aide en numéraire',
      'row 2, datesPeriodeVersement: "2026-04-01/" does not match ^[0-9]{4}\\-[0-9]{2}\\-[0-9]{2}(\\/[0-9]{4}\\-[0-9]{2}\\-[0-9]{2})?$',
      'row 2, idRAE: 6 characters, more than 5',
      'row 2, notificationUE: "peut-être" is not one of oui, non',
      'row 2, pourcentageSubvention: "1.5" above 1',
      'row 2, idAttribuant: "21130001700013" is not a valid SIRET (french-siret-value)',
      'row 2, idBeneficiaire|rnaBeneficiaire: one of them is required (one-of-required)',
    ]);
    expect(isSiretValue('35600000000048')).toBe(true);
    const validate = giving360Validator();
    expect(validate({ grants: [] })).toBe(false);
    expect(validate({ grants: [{ id: 'x', title: 't', description: 'd', currency: 'EURO', amountAwarded: '1', awardDate: '2026-13-01' }] })).toBe(false);
    expect(validate.errors!.map((e) => e.instancePath)).toEqual(
      expect.arrayContaining(['/grants/0/currency', '/grants/0/amountAwarded', '/grants/0/awardDate']),
    );
  });
});

describe('the SCDL file', () => {
  it('lists the grants due for publication to officers until an export publishes them', async () => {
    const before = dataOf(await server.gql(DUE, {}, w.tokens.officer)).openDataDue;
    const multi = before.find((d: any) => d.application.id === ids.multi);
    expect(multi).toEqual({
      application: { id: ids.multi, firstPublishedAt: null },
      signedOn: '2026-03-20',
      dueOn: '2026-06-20',
      amount: 3_250_056,
      overdue: false,
      legallyRequired: true,
    });
    expect(before.find((d: any) => d.application.id === ids.noSchedule)).toMatchObject({ legallyRequired: false, amount: 150_099 });
    expect((await server.gql(DUE, {}, w.tokens.member)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('is valid against the official Table Schema, each edge case written as the schema says', async () => {
    const res = await server.get('/api/open-data/scdl/subventions-2026.csv');
    expect(res.status).toBe(200);
    const text = await res.text();
    const rows = parse(text, { relax_column_count: true }) as string[][];
    expect(tableSchemaViolations(scdlSchema(), rows)).toEqual([]);
    expect(rows).toHaveLength(5);
    const records = parse(text, { columns: true }) as Record<string, string>[];
    const byTitle = (t: string) => records.find((r) => r.objet === t)!;

    expect(byTitle('Convention pluriannuelle d’objectifs')).toMatchObject({
      referenceDecision: 'DEL-2026-03-07',
      dateConvention: '2026-03-20',
      nomBeneficiaire: NAME,
      idBeneficiaire: SIRET_AT_DECISION,
      // 10,000.01 + 10,000.02 + 10,000.03 EUR of cash and 2,500.50 EUR in kind.
      montant: '32500.56',
      nature: 'aide en numéraire;aide en nature',
      conditionsVersement: 'échelonné',
      datesPeriodeVersement: '2026-06-01/2028-12-31',
      pourcentageSubvention: '1.00',
      notificationUE: 'non',
      dispositifAide: '',
    });
    expect(byTitle('Atelier « vélo », "solidaire", Jas de Bouffan')).toMatchObject({
      montant: '12345.67',
      nature: 'aide en numéraire',
      conditionsVersement: 'échelonné',
      datesPeriodeVersement: '2026-04-01/2026-04-01',
      idBeneficiaire: SIRET_AT_DECISION,
    });
    expect(byTitle('Fête de quartier à Encagnane')).toMatchObject({
      montant: '1500.99',
      conditionsVersement: 'unique',
      datesPeriodeVersement: '2026-03-20/2026-12-31',
    });
    expect(byTitle('Prêt de matériel, sono')).toMatchObject({
      montant: '3000.99',
      nature: 'aide en numéraire;aide en nature',
      conditionsVersement: 'unique',
      datesPeriodeVersement: '2026-05-02',
    });
    expect(text).not.toContain('Nouveau nom');
    expect(natureOf({ decision: { amount: 0, decidedAt: new Date() }, inKind: [{ valuation: 10 }] })).toBe('aide en nature');

    // The first publication is recorded, once, and the grant leaves openDataDue.
    const q = `query($id: ID!) { grantApplication(id: $id) { firstPublishedAt } }`;
    const first = dataOf(await server.gql(q, { id: ids.multi }, w.tokens.officer)).grantApplication.firstPublishedAt;
    expect(first).toBe('2026-03-20T10:00:00.000Z');
    expect(dataOf(await server.gql(DUE, {}, w.tokens.officer)).openDataDue).toEqual([]);
  });

  it('is a header alone, still valid, for a year without grants', async () => {
    const rows = parse(await (await server.get('/api/open-data/scdl/subventions-2019.csv')).text(), { relax_column_count: true }) as string[][];
    expect(rows).toHaveLength(1);
    expect(tableSchemaViolations(scdlSchema(), rows)).toEqual([]);
  });
});

describe('the 360Giving file', () => {
  it('is valid against the official package and grant schemas (Ajv)', async () => {
    const res = await server.get('/api/open-data/360giving-2026.json');
    expect(res.status).toBe(200);
    const body = (await res.json()) as { grants: Record<string, any>[] };
    const validate = giving360Validator();
    expect(validate(body) ? [] : validate.errors).toEqual([]);
    const multi = body.grants.find((g: any) => g.title === 'Convention pluriannuelle d’objectifs');
    expect(multi).toMatchObject({
      amountAwarded: 32500.56,
      recipientOrganization: [{ id: `FR-SIRET-${SIRET_AT_DECISION}`, name: NAME }],
      plannedDates: [{ startDate: '2026-01-01', endDate: '2028-12-31', duration: 36 }],
    });
  });

  it('is a 404 with the reason for a year without grants, since the schema wants at least one', async () => {
    const res = await server.get('/api/open-data/360giving-2019.json');
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({
      errors: [
        {
          message:
            'No grant was decided in 2019: a 360Giving file holds at least one grant, so there is none for that year. The SCDL file of the year is a header alone.',
          extensions: { code: 'NOT_FOUND', field: 'year' },
        },
      ],
    });
  });
});
