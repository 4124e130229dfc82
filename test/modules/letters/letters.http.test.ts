// Letters over HTTP: each step's letter generated as a PDF in the applicant's vault, opened with a PDF
// parser and read (number, amounts, dates, appeal routes, the court from the city's settings); templates
// edited by admins with their placeholders checked, previewed by officers; generation idempotent, never
// failing the step, and repaired by reconcileLetters.
import { createHash } from 'node:crypto';
import { useTestDatabase } from '../../helpers/db';
import { dataOf, startServer, type TestServer } from '../../helpers/server';
import { makeOrganisation, makeUser, seedReference } from '../../helpers/factories';
import { makeEnvelope, makeProgramme } from '../grants/fixtures';
import { documentBytes, pdfText } from '../dossier/dossier-helpers';
import * as pdf from '../../../src/modules/letters/letter-pdf';
import { lettersSettled, reconcileLetters } from '../../../src/modules/letters/letters.service';
import { Types } from 'mongoose';
import { LetterModel } from '../../../src/modules/letters/letters.model';
import { GrantApplicationModel } from '../../../src/modules/grants/application/grant-application.model';
import { frenchDate, twoMonthsAfter } from '../../../src/modules/letters/letter-facts';

useTestDatabase();
let server: TestServer;
const YEAR = new Date().getUTCFullYear();
const P = 'errors { code message field }';
const LETTERS = 'letters { kind generatedAt document { id sha256 kind contentType } }';
let admin: { token: string };
let officer: { token: string };
let decider: { token: string };
let member: { token: string };
let org: { _id: unknown; name: string };
let programme: { _id: unknown; name: string };
let envelope: { _id: unknown };

beforeAll(async () => {
  await seedReference();
  server = await startServer({ cityCourt: 'tribunal administratif de Nice', cityName: 'Ville de Testville' });
  org = await makeOrganisation({ name: 'Roue Libre Testville' });
  admin = await makeUser({ role: 'ADMIN' });
  officer = await makeUser({ role: 'OFFICER' });
  decider = await makeUser({ role: 'OFFICER' });
  member = await makeUser({ role: 'MEMBER', memberOf: [{ organisation: org._id, role: 'MANAGER' }] });
  programme = await makeProgramme({ year: YEAR, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
  envelope = await makeEnvelope(programme, 100_000_000);
});
afterAll(() => server.close());

const gql = async (token: string, query: string, variables: Record<string, unknown> = {}) => dataOf(await server.gql(query, variables, token));

async function reviewed(requestedAmount: number) {
  const created = await gql(
    member.token,
    `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id number } ${P} } }`,
    {
      i: {
        organisationId: String(org._id),
        programmeId: String(programme._id),
        title: 'Vélo-école',
        description: 'Apprendre le vélo aux adultes.',
        requestedAmount,
        republicanContractAttested: true,
        budgetLines: [
          { kind: 'EXPENSE', label: 'Moniteurs', amount: requestedAmount + 100_000 },
          { kind: 'INCOME', label: 'Cotisations', amount: 100_000 },
        ],
      },
    },
  );
  const { id, number } = created.createGrantApplication.application;
  const submitted = await gql(member.token, `mutation($id: ID!) { submitGrantApplication(id: $id) { application { submittedAt } ${P} } }`, { id });
  expect(submitted.submitGrantApplication.errors).toEqual([]);
  // Letters are generated after the step's response, one at a time.
  await lettersSettled();
  await gql(officer.token, `mutation($id: ID!) { startReview(id: $id) { ${P} } }`, { id });
  return {
    id: id as string,
    number: number as string,
    submitted: { ...submitted.submitGrantApplication.application, letters: await lettersOf(member.token, id) },
  };
}

const lettersOf = async (token: string, id: string): Promise<any[]> =>
  (await gql(token, `query($id: ID!) { grantApplication(id: $id) { ${LETTERS} } }`, { id })).grantApplication.letters;
const textOf = async (letter: { document: { id: string } }) => pdfText(await documentBytes(letter.document.id));

describe('letters', () => {
  it('acknowledges a submission with its number, the date of receipt, the two-month rule and the appeal routes', async () => {
    const { number, submitted } = await reviewed(1_000_000);
    expect(submitted.letters).toEqual([
      {
        kind: 'ACKNOWLEDGEMENT',
        generatedAt: expect.any(String),
        document: { id: expect.any(String), sha256: expect.any(String), kind: 'OTHER', contentType: 'application/pdf' },
      },
    ]);
    const [ack] = submitted.letters;
    const bytes = await documentBytes(ack.document.id);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(ack.document.sha256);
    const text = await pdfText(bytes);
    const received = new Date(submitted.submittedAt);
    expect(text).toContain(`Accusé de réception de votre demande de subvention n° ${number}`);
    expect(text).toContain(`Nous accusons réception, le ${frenchDate(received)}`);
    expect(text).toContain('Roue Libre Testville');
    expect(text).toContain('10 000,00 €');
    expect(text).toContain(
      `En l’absence de réponse au ${frenchDate(twoMonthsAfter(received))}, le silence gardé par l’administration vaut décision implicite de rejet`,
    );
    expect(text).toContain('recours gracieux');
    // The court comes from the city's settings (CITY_COURT).
    expect(text).toContain('devant le tribunal administratif de Nice dans un délai de deux mois');
    expect(text).toContain('Ville de Testville');
  });

  it('writes the decision letter and, above 23,000 EUR, the convention draft; then one payment notice per payment', async () => {
    const { id, number } = await reviewed(3_000_000);
    const approved = await gql(
      decider.token,
      `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { application { decision { decidedAt } } ${P} } }`,
      {
        id,
        i: { amount: 2_500_000, envelopeId: String(envelope._id), motivation: 'Projet utile au quartier.' },
      },
    );
    expect(approved.approveGrantApplication.errors).toEqual([]);
    await lettersSettled();
    const letters = await lettersOf(member.token, id);
    expect(letters.map((l: any) => l.kind)).toEqual(['ACKNOWLEDGEMENT', 'DECISION_LETTER', 'CONVENTION_DRAFT']);
    const decided = frenchDate(new Date(approved.approveGrantApplication.application.decision.decidedAt));
    const decision = await textOf(letters[1]);
    expect(decision).toContain(`Décision sur votre demande de subvention n° ${number}`);
    expect(decision).toContain(`Par décision du ${decided}`);
    expect(decision).toContain('la Ville vous accorde une subvention de 25 000,00 €.');
    expect(decision).toContain('Motivation : Projet utile au quartier.');
    expect(decision).toContain('recours gracieux auprès du maire dans un délai de deux mois');
    expect(decision).toContain('tribunal administratif de Nice');
    const convention = await textOf(letters[2]);
    expect(convention).toContain('Roue Libre Testville');
    expect(convention).toContain('Ville de Testville');
    expect(convention).toContain('une subvention de 25 000,00 €');
    expect(convention).toContain('le soutien de la Ville au projet « Vélo-école »');
    expect(convention).toContain('Conditions d’utilisation');
    expect(convention).toContain(`au plus tard le 30 juin ${YEAR + 1}`);
    expect(convention).toContain('contrat d’engagement républicain');
    expect(convention).toContain('la Ville retire la subvention');
    expect(convention).toContain('versement unique de 25 000,00 €');

    await gql(
      officer.token,
      `mutation($id: ID!) { recordConvention(id: $id, input: { reference: "CONV-1", signedOn: "${new Date().toISOString().slice(0, 10)}" }) { ${P} } }`,
      { id },
    );
    for (const amount of [1_000_000, 500_000]) {
      const paid = await gql(officer.token, `mutation($id: ID!, $a: Money!) { recordPayment(id: $id, input: { amount: $a }) { ${P} } }`, { id, a: amount });
      expect(paid.recordPayment.errors).toEqual([]);
    }
    await lettersSettled();
    const all = await lettersOf(member.token, id);
    const notices = all.filter((l: any) => l.kind === 'PAYMENT_NOTICE');
    expect(notices).toHaveLength(2);
    const texts = await Promise.all(notices.map(textOf));
    expect(texts.some((t) => t.includes('la somme de 10 000,00 €') && t.includes('Reste à verser : 15 000,00 €'))).toBe(true);
    expect(
      texts.some(
        (t) => t.includes('la somme de 5 000,00 €') && t.includes('Total versé à ce jour : 15 000,00 €') && t.includes('Reste à verser : 10 000,00 €'),
      ),
    ).toBe(true);
  });

  it('writes the refusal with its motivation, and no convention', async () => {
    const { id } = await reviewed(500_000);
    const rejected = await gql(
      decider.token,
      `mutation($id: ID!) { rejectGrantApplication(id: $id, input: { motivation: "Hors du champ du dispositif." }) { ${P} } }`,
      { id },
    );
    expect(rejected.rejectGrantApplication.errors).toEqual([]);
    await lettersSettled();
    const letters = await lettersOf(member.token, id);
    expect(letters.map((l: any) => l.kind)).toEqual(['ACKNOWLEDGEMENT', 'DECISION_LETTER']);
    const text = await textOf(letters[1]);
    expect(text).toContain('la subvention est refusée');
    expect(text).toContain('Motivation : Hors du champ du dispositif.');
    expect(text).toContain('tribunal administratif de Nice');
  });

  it('never fails the decision when the PDF fails, and reconcileLetters makes the missing letter once', async () => {
    const { id } = await reviewed(600_000);
    const spy = jest.spyOn(pdf, 'renderLetterPdf').mockRejectedValue(new Error('disk on fire'));
    try {
      const approved = await gql(
        decider.token,
        `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { application { status } ${P} } }`,
        {
          id,
          i: { amount: 600_000, envelopeId: String(envelope._id) },
        },
      );
      expect(approved.approveGrantApplication).toEqual({ application: { status: 'APPROVED' }, errors: [] });
      await lettersSettled();
      expect(spy).toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect((await lettersOf(member.token, id)).map((l: any) => l.kind)).toEqual(['ACKNOWLEDGEMENT']);
    const first = await reconcileLetters();
    expect(first.failed).toBe(0);
    expect(first.generated).toBeGreaterThanOrEqual(1);
    expect((await lettersOf(member.token, id)).map((l: any) => l.kind)).toEqual(['ACKNOWLEDGEMENT', 'DECISION_LETTER']);
    // Idempotent: again, and twice at once, nothing more.
    const again = await Promise.all([reconcileLetters(), reconcileLetters()]);
    expect(again.map((r) => r.generated)).toEqual([0, 0]);
    expect(await LetterModel.countDocuments({ application: id })).toBe(2);
  });

  it("makes the boot's pass look only at applications written since its last complete pass", async () => {
    const approveWithoutPdf = async (amount: number): Promise<string> => {
      const { id } = await reviewed(amount);
      const spy = jest.spyOn(pdf, 'renderLetterPdf').mockRejectedValue(new Error('disk on fire'));
      try {
        const approved = await gql(decider.token, `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { ${P} } }`, {
          id,
          i: { amount, envelopeId: String(envelope._id) },
        });
        expect(approved.approveGrantApplication.errors).toEqual([]);
        await lettersSettled();
      } finally {
        spy.mockRestore();
      }
      return id;
    };
    const old = await approveWithoutPdf(300_000);
    const recent = await approveWithoutPdf(310_000);
    // The first incremental pass on a database checks everything, and sets the mark.
    await LetterModel.deleteMany({ application: { $in: [old, recent].map((i) => new Types.ObjectId(i)) }, kind: 'DECISION_LETTER' });
    // `old` was last written an hour ago, before any mark a pass could set now; `recent` is written after it.
    await GrantApplicationModel.collection.updateOne({ _id: new Types.ObjectId(old) }, { $set: { updatedAt: new Date(Date.now() - 3_600_000) } });
    await reconcileLetters({ incremental: true });
    await LetterModel.deleteMany({ application: { $in: [old, recent].map((i) => new Types.ObjectId(i)) }, kind: 'DECISION_LETTER' });
    const boot = await reconcileLetters({ incremental: true });
    expect(boot).toEqual({ generated: 1, failed: 0 });
    expect((await lettersOf(member.token, recent)).map((l: any) => l.kind)).toEqual(['ACKNOWLEDGEMENT', 'DECISION_LETTER']);
    expect((await lettersOf(member.token, old)).map((l: any) => l.kind)).toEqual(['ACKNOWLEDGEMENT']);
    // The pass on demand checks every application, and finds the old one.
    expect(await reconcileLetters()).toEqual({ generated: 1, failed: 0 });
    expect((await lettersOf(member.token, old)).map((l: any) => l.kind)).toEqual(['ACKNOWLEDGEMENT', 'DECISION_LETTER']);
  });

  it('shows letters to the applicant and officers only', async () => {
    const { id } = await reviewed(400_000);
    const coordinator = await makeUser({ role: 'COORDINATOR' });
    expect(await lettersOf(officer.token, id)).toHaveLength(1);
    const outsider = await makeUser({ role: 'MEMBER' });
    expect((await gql(outsider.token, `query($id: ID!) { grantApplication(id: $id) { letters { kind } } }`, { id })).grantApplication).toBeNull();
    // Coordinators see decided grants, never their letters.
    await gql(decider.token, `mutation($id: ID!, $i: ApproveInput!) { approveGrantApplication(id: $id, input: $i) { ${P} } }`, {
      id,
      i: { amount: 400_000, envelopeId: String(envelope._id) },
    });
    expect((await gql(coordinator.token, `query($id: ID!) { grantApplication(id: $id) { id letters { kind } } }`, { id })).grantApplication).toEqual({
      id,
      letters: null,
    });
  });
});

describe('templates', () => {
  const UPDATE = `mutation($p: ID!, $k: LetterKind!, $t: String!) { updateLetterTemplate(programmeId: $p, kind: $k, template: $t) { template { kind body isDefault placeholders } ${P} } }`;

  it('refuses an unknown placeholder naming it and its line, and lets only admins edit', async () => {
    const bad = await gql(admin.token, UPDATE, {
      p: String(programme._id),
      k: 'ACKNOWLEDGEMENT',
      t: 'Bonjour,\n\nVotre dossier {{application.numero}} est reçu.',
    });
    expect(bad.updateLetterTemplate.template).toBeNull();
    expect(bad.updateLetterTemplate.errors).toHaveLength(1);
    expect(bad.updateLetterTemplate.errors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: 'template' });
    expect(bad.updateLetterTemplate.errors[0].message).toMatch(/^Unknown placeholder \{\{application\.numero\}\} on line 3: .*\{\{application\.number\}\}/);
    // A payment's placeholders mean nothing in an acknowledgement.
    const wrongKind = await gql(admin.token, UPDATE, { p: String(programme._id), k: 'ACKNOWLEDGEMENT', t: 'Versé : {{payment.amount}}' });
    expect(wrongKind.updateLetterTemplate.errors[0].message).toContain('{{payment.amount}}');
    const unclosed = await gql(admin.token, UPDATE, { p: String(programme._id), k: 'ACKNOWLEDGEMENT', t: 'Dossier {{application.number}' });
    expect(unclosed.updateLetterTemplate.errors).toMatchObject([{ code: 'BAD_USER_INPUT', field: 'template' }]);
    for (const who of [officer, member]) {
      const res = await server.gql(UPDATE, { p: String(programme._id), k: 'ACKNOWLEDGEMENT', t: 'x' }, who.token);
      expect(res.body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });

  it("uses the programme's own wording in previews and in the next letters", async () => {
    const own = await makeProgramme({ year: YEAR, opensOn: new Date('2000-01-01'), closesOn: new Date('2100-01-01'), maxAmount: 50_000_000 });
    const saved = await gql(admin.token, UPDATE, {
      p: String(own._id),
      k: 'ACKNOWLEDGEMENT',
      t: 'Bien reçu le dossier {{application.number}} de {{organisation.name}}, le {{application.receivedOn}}.',
    });
    expect(saved.updateLetterTemplate.errors).toEqual([]);
    expect(saved.updateLetterTemplate.template).toMatchObject({
      kind: 'ACKNOWLEDGEMENT',
      isDefault: false,
      placeholders: expect.arrayContaining(['application.receivedOn']),
    });
    const listed = await gql(officer.token, `query($id: ID!) { fundingProgramme(id: $id) { letterTemplates { kind isDefault } } }`, { id: String(own._id) });
    expect(listed.fundingProgramme.letterTemplates).toEqual([
      { kind: 'ACKNOWLEDGEMENT', isDefault: false },
      { kind: 'DECISION_LETTER', isDefault: true },
      { kind: 'CONVENTION_DRAFT', isDefault: true },
      { kind: 'PAYMENT_NOTICE', isDefault: true },
    ]);
    expect(
      (await gql(member.token, `query($id: ID!) { fundingProgramme(id: $id) { letterTemplates { kind } } }`, { id: String(own._id) })).fundingProgramme
        .letterTemplates,
    ).toBeNull();

    const created = await gql(
      member.token,
      `mutation($i: CreateGrantApplicationInput!) { createGrantApplication(input: $i) { application { id number } ${P} } }`,
      {
        i: {
          organisationId: String(org._id),
          programmeId: String(own._id),
          title: 'Jardin partagé',
          description: 'Un jardin.',
          requestedAmount: 200_000,
          republicanContractAttested: true,
          budgetLines: [{ kind: 'EXPENSE', label: 'Graines', amount: 200_000 }],
        },
      },
    );
    const { id, number } = created.createGrantApplication.application;
    const PREVIEW = `query($id: ID!, $k: LetterKind!) { previewLetter(applicationId: $id, kind: $k) { kind subject text } }`;
    const preview = (await gql(officer.token, PREVIEW, { id, k: 'ACKNOWLEDGEMENT' })).previewLetter;
    expect(preview.text).toContain(`Bien reçu le dossier ${number} de Roue Libre Testville, le [application.receivedOn].`);
    expect(preview.text).toContain('Voies et délais de recours');
    expect((await server.gql(PREVIEW, { id, k: 'ACKNOWLEDGEMENT' }, member.token)).body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    const submitted = await gql(member.token, `mutation($id: ID!) { submitGrantApplication(id: $id) { application { submittedAt } ${P} } }`, { id });
    await lettersSettled();
    const text = await textOf((await lettersOf(member.token, id))[0]);
    expect(text).toContain(
      `Bien reçu le dossier ${number} de Roue Libre Testville, le ${frenchDate(new Date(submitted.submitGrantApplication.application.submittedAt))}.`,
    );
    // The legal mentions stay whatever the wording.
    expect(text).toContain('décision implicite de rejet');
    expect(text).toContain('tribunal administratif de Nice');
  });
});
