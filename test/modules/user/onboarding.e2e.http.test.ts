// The "done when": a new association goes from nothing to a submitted application using only the
// API and its emails. Register, open the link of the email the SMTP server received, sign in, create the
// organisation, apply to a demo programme and submit.
import { useTestDatabase } from '../../helpers/db';
import { startServer, dataOf, type TestServer } from '../../helpers/server';
import { fakeRna } from '../../../seeds/random';
import { seedAll } from '../../../seeds/seed';
import { PUBLIC_URL, startMailbox, tokenFrom, type Mailbox } from './mail';

useTestDatabase();

let server: TestServer;
let mail: Mailbox;

beforeAll(async () => {
  await seedAll({ log: { info: () => undefined }, bcryptCost: 4, organisations: 20 });
  mail = await startMailbox();
  server = await startServer({ smtpUrl: mail.smtp.url, publicUrl: PUBLIC_URL });
});
afterAll(async () => {
  await server.close();
  await mail.close();
});

it('takes a new association from nothing to a submitted application with the API and its emails alone', async () => {
  const email = 'presidente@jardins-du-jas.test';
  const password = 'Compost-Potager-Jas-2026';
  const registered = dataOf(
    await server.gql(`mutation ($input: RegisterInput!) { register(input: $input) { accepted errors { field message } } }`, {
      input: { email, password, displayName: 'Salomé Présidente' },
    }),
  ).register;
  expect(registered).toEqual({ accepted: true, errors: [] });

  await mail.deliver();
  const token = tokenFrom(mail.to(email)[0]!, '/verify-email');
  expect(dataOf(await server.gql(`mutation ($t: String!) { verifyEmail(token: $t) { errors { code } } }`, { t: token })).verifyEmail.errors).toEqual([]);

  const session = dataOf(
    await server.gql(`mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { token errors { code } } }`, { e: email, p: password }),
  ).login;
  expect(session.errors).toEqual([]);
  const auth = session.token as string;

  const org = dataOf(
    await server.gql(
      `mutation ($input: CreateOrganisationInput!) { createOrganisation(input: $input) { organisation { id isVerified permissions { canEdit } } errors { field message } } }`,
      {
        input: {
          name: 'Les Jardins du Jas',
          legalForm: 'ASSOCIATION',
          rna: fakeRna(987_654),
          description: 'Jardins partagés et compostage au Jas de Bouffan.',
        },
      },
      auth,
    ),
  ).createOrganisation;
  expect(org.errors).toEqual([]);
  expect(org.organisation).toMatchObject({ isVerified: false, permissions: { canEdit: true } });

  const year = new Date().getUTCFullYear();
  const programmes = dataOf(
    await server.gql(`query ($y: Int) { fundingProgrammes(year: $y) { id name minAmount maxAmount } }`, { y: year }, auth),
  ).fundingProgrammes;
  expect(programmes.length).toBeGreaterThan(0);
  const programme = programmes[0];
  const amount = Math.max(programme.minAmount ?? 0, 300_000);

  const created = dataOf(
    await server.gql(
      `mutation ($input: CreateGrantApplicationInput!) { createGrantApplication(input: $input) { application { id status } errors { field message } } }`,
      {
        input: {
          organisationId: org.organisation.id,
          programmeId: programme.id,
          title: 'Un composteur par immeuble',
          description: 'Installer et animer des composteurs partagés au pied des immeubles du quartier.',
          requestedAmount: amount,
          republicanContractAttested: true,
          budgetLines: [
            { kind: 'EXPENSE', label: 'Composteurs et animation', amount: amount + 200_000 },
            { kind: 'INCOME', label: 'Cotisations', amount: 200_000 },
          ],
        },
      },
      auth,
    ),
  ).createGrantApplication;
  expect(created.errors).toEqual([]);

  const submitted = dataOf(
    await server.gql(
      `mutation ($id: ID!) { submitGrantApplication(id: $id) { application { id status number } errors { field message } } }`,
      { id: created.application.id },
      auth,
    ),
  ).submitGrantApplication;
  expect(submitted.errors).toEqual([]);
  expect(submitted.application).toMatchObject({ status: 'SUBMITTED', number: expect.any(String) });
});
